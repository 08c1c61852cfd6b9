import type { BulletinContent, BulletinFigures } from '../../src/contracts/bulletins.js';

/**
 * A realistic monthly bulletin (2026年11月, a corrected second version) for the output renderers:
 * 12 departments of which 2 are below the minimum (not ranked), 10 categories, 4 channels, an
 * overdue list with one provisional deadline, 3 typical cases. Every call returns a fresh copy.
 */
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Figures from counts; rates computed as the domain does (null when nothing to divide by). */
function figures(o: {
  received: number; accepted: number; declined?: number; settled: number; onTime: number; overdue: number; extended?: number; reopened?: number;
  satisfied?: number; rated?: number; confirmed?: number; closed?: number;
}): BulletinFigures {
  const rated = o.rated ?? o.settled;
  const closed = o.closed ?? o.settled;
  return {
    received: o.received,
    accepted: o.accepted,
    declined: o.declined ?? 0,
    settled: o.settled,
    settledOnTime: o.onTime,
    overdue: o.overdue,
    extended: o.extended ?? 0,
    reopened: o.reopened ?? 0,
    onTimeRate: o.settled > 0 ? o.onTime / o.settled : null,
    satisfactionRate: rated > 0 ? (o.satisfied ?? rated) / rated : null,
    confirmationRate: closed > 0 ? (o.confirmed ?? closed) / closed : null,
  };
}

export const FIXTURE_DEPARTMENTS = [
  // name, handled, settled, on time, overdue, rank
  ['自然资源和规划分局', 18, 16, 16, 0, 1],
  ['行政审批局', 15, 14, 14, 1, 2],
  ['住房和城乡建设局', 14, 13, 12, 1, 3],
  ['市场监督管理局', 11, 10, 9, 1, 4],
  ['生态环境分局', 10, 9, 8, 1, 5],
  ['经济发展局', 9, 8, 7, 0, 6],
  ['财政金融局', 8, 8, 6, 2, 7],
  ['人力资源和社会保障局', 7, 6, 4, 1, 8],
  ['科技创新局', 6, 5, 3, 1, 9],
  ['国网供电公司', 5, 4, 2, 1, 10],
  ['应急管理局', 2, 2, 2, 0, null],
  ['税务分局', 1, 1, 1, 0, null],
] as const;

const CATEGORIES = [
  ['cert', '产证办理', 16], ['acceptance', '竣工验收', 12], ['land', '厂房土地', 14], ['finance', '资金贷款', 13], ['services', '配套服务', 11],
  ['eia', '环评审批', 9], ['labour', '用工招聘', 10], ['policy', '政策咨询', 8], ['utilities', '水电气保障', 7], ['market', '市场开拓', 6],
] as const;

export function bulletinFixture(): BulletinContent {
  const byDepartment = FIXTURE_DEPARTMENTS.map(([departmentName, handled, settled, onTime, overdue, rank], i) => ({
    ...figures({ received: handled, accepted: handled, settled, onTime, overdue, extended: i % 4 === 1 ? 1 : 0, reopened: i === 3 ? 1 : 0, satisfied: settled - (i % 5 === 4 ? 1 : 0) }),
    departmentId: id(100 + i),
    departmentName,
    rank,
    handled,
  }));
  const sum = (k: 'handled' | 'settledOnTime' | 'settled' | 'overdue' | 'extended' | 'reopened') => byDepartment.reduce((n, d) => n + d[k], 0);
  const totals = figures({
    received: sum('handled') + 4, accepted: sum('handled'), declined: 2, settled: sum('settled'), onTime: sum('settledOnTime'), overdue: sum('overdue'),
    extended: sum('extended'), reopened: sum('reopened'), satisfied: sum('settled') - 3, rated: sum('settled') - 2, confirmed: sum('settled') - 9,
  });
  const byCategory = CATEGORIES.map(([code, name, received], i) => ({
    ...figures({ received, accepted: received, settled: received - 1 - (i % 3), onTime: received - 2 - (i % 3), overdue: i % 4 === 0 ? 1 : 0 }),
    code,
    name,
  }));
  const byChannel = ([['visit', 46], ['portal', 38], ['cadre', 14], ['hotline', 12]] as const).map(([channel, received]) => ({
    ...figures({ received, accepted: received - 1, settled: received - 4, onTime: received - 6, overdue: 2 }),
    channel,
  }));
  const dept = (i: number) => ({ departmentId: byDepartment[i]!.departmentId, departmentName: byDepartment[i]!.departmentName });
  return {
    month: '2026-11',
    version: 2,
    title: '昌南高新区2026年11月企业诉求办理情况通报',
    intro: '为深入贯彻落实优化营商环境工作部署，做到企业诉求“事事有回应、件件有着落”，现将2026年11月企业诉求办理情况通报如下。',
    zoneName: '昌南高新区',
    issuedBy: '昌南高新区管委会企业服务中心',
    issuedOn: '2026-12-03',
    stats: {
      month: '2026-11',
      asOf: '2026-11-30',
      totals,
      previousMonth: figures({ received: 98, accepted: 95, declined: 1, settled: 90, onTime: 81, overdue: 11, extended: 3, reopened: 2, satisfied: 84, rated: 88, confirmed: 80 }),
      yearToDate: figures({ received: 1187, accepted: 1160, declined: 14, settled: 1102, onTime: 1003, overdue: 96, extended: 41, reopened: 17, satisfied: 1040, rated: 1080, confirmed: 990 }),
      byDepartment,
      byCategory,
      byChannel,
      overdueList: [
        { id: id(201), number: 'SQ20261104012', ...dept(1), categoryName: '产证办理', dueOn: '2026-11-13', dueProvisional: false, state: 'settled-late' },
        { id: id(202), number: 'SQ20261105003', ...dept(2), categoryName: '竣工验收', dueOn: '2026-11-17', dueProvisional: false, state: 'open' },
        { id: id(203), number: 'SQ20261106021', ...dept(3), categoryName: '配套服务', dueOn: '2026-11-18', dueProvisional: false, state: 'settled-late' },
        { id: id(204), number: 'SQ20261110007', ...dept(4), categoryName: '环评审批', dueOn: '2026-11-20', dueProvisional: true, state: 'open' },
        { id: id(205), number: 'SQ20261111015', ...dept(6), categoryName: '资金贷款', dueOn: '2026-11-24', dueProvisional: false, state: 'open' },
        { id: id(206), number: 'SQ20261112002', ...dept(6), categoryName: '资金贷款', dueOn: '2026-11-25', dueProvisional: false, state: 'settled-late' },
        { id: id(207), number: 'SQ20261116009', ...dept(7), categoryName: '用工招聘', dueOn: '2026-11-26', dueProvisional: false, state: 'open' },
        { id: id(208), number: 'SQ20261117011', ...dept(8), categoryName: '政策咨询', dueOn: '2026-11-27', dueProvisional: false, state: 'open' },
        { id: id(209), number: 'SQ20261118004', ...dept(9), categoryName: '水电气保障', dueOn: '2026-11-30', dueProvisional: false, state: 'open' },
      ],
      minRanked: 3,
    },
    cases: [
      {
        demandId: id(301), number: 'SQ20261102005', categoryName: '产证办理', departmentName: '自然资源和规划分局',
        title: '某新材料企业新建厂房不动产权证办理',
        description: '某新材料企业新建厂房已竣工，因宗地分割手续未完成，不动产权证迟迟无法办理，影响企业申请技改贷款。',
        answer: '自然资源和规划分局会同行政审批局现场办公，采用“容缺受理”方式先行办理宗地分割，5个工作日内为企业办结不动产权证。',
        submittedOn: '2026-11-02', settledOn: '2026-11-06', settledOnTime: true,
      },
      {
        demandId: id(302), number: 'SQ20261109014', categoryName: '资金贷款', departmentName: '财政金融局',
        title: '某陶瓷企业流动资金贷款续贷',
        description: '某陶瓷企业流动资金贷款即将到期，企业反映续贷需先还后贷，短期资金周转困难。',
        answer: '财政金融局协调合作银行启用转贷应急资金，企业无还本续贷已于月内完成。',
        submittedOn: '2026-11-09', settledOn: '2026-11-19', settledOnTime: false,
      },
      {
        demandId: id(303), number: 'SQ20261112008', categoryName: '配套服务', departmentName: '住房和城乡建设局',
        title: '园区道路夜间照明不足',
        description: '航空产业园部分道路路灯损坏，企业员工夜间通勤存在安全隐患。',
        answer: null,
        submittedOn: '2026-11-12', settledOn: '2026-11-18', settledOnTime: true,
      },
    ],
    visits: {
      visits: 9,
      enterpriseVisits: 31,
      distinctEnterprises: 28,
      demandsRaised: 14,
      settled: 9,
      sentence: '11月，管委会领导开展“每周益企”走访9次，走访企业31家次（28家），现场收集诉求14件，已办结9件。',
    },
    correction: { reason: '第1版中“国网供电公司”的超期件数统计有误，现予更正。', supersedesVersion: 1 },
  };
}
