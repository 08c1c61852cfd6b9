import { addDays, isWorkingDay, toDayNumber, type WorkingCalendar } from '../../domain/calendar/index.js';
import { dateInZone, startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import { isoWeekOf, type HalfDay, type VisitStatus } from '../../domain/visits/index.js';
import { seededRandom } from './demo-data.js';
import type {
  DemoDemandLink, DemoDemandRechannel, DemoVisitCadreRow, DemoVisitDepartmentRow, DemoVisitEnterpriseRow, DemoVisitRow, DemoVisitRows,
} from './demo-visits.repository.js';

/**
 * A year of the weekly visit programme (每周益企) for the demo zone, as the seed tells it: each
 * principal leader spends at least half a day most weeks visiting one to five enterprises under a
 * theme (航空企业服务, 陶瓷企业服务, 外贸型企业服务, 千馆之城, 项目建设), with the departments and the
 * enterprises' liaison cadres, and holds an on-site office (现场办公) where problems are answered on
 * the spot or turned into demands. Pure and deterministic: the same world gives the same rows.
 *
 * The visits are built around the demo demands filed on visits (channel 'visit'): each belongs to
 * the visit of its leader on its submission day, in the half-day of its submission time. The other
 * weeks get a visit of their own, except a few the leader missed; enterprises of the visit's theme
 * are preferred, an enterprise is not seen again within the zone's minimum weeks (无事不扰) unless
 * its demands say so, and those seen least come first. Past visits are done and signed off, the
 * rest of this week and the next two weeks are planned, and three visits were cancelled.
 */

// ─── Vocabulary ─────────────────────────────────────────────────────────────

/** The demo themes' guiding questions (走访主题的引导问题), by theme name (DEMO_THEMES). */
export const DEMO_THEME_QUESTIONS: Readonly<Record<string, readonly string[]>> = {
  航空企业服务: ['主机厂订单与配套需求有何变化？', '适航认证、资质办理是否遇到困难？', '关键零部件本地配套率如何，需要对接哪些上下游企业？'],
  陶瓷企业服务: ['今年产销情况与去年相比有何变化？', '窑炉改造、节能环保方面有何困难？', '品牌推广和电商渠道有哪些需求？', '技术工人和陶瓷人才招聘是否顺利？'],
  外贸型企业服务: ['今年订单与去年相比有何变化？', '出口退税办理是否顺畅？', '汇率波动和海运物流对企业有何影响？'],
  千馆之城: ['场馆建设和运营进展如何？', '文旅融合、研学游客流情况如何？', '在备案、消防、资金补助方面有何需求？'],
  项目建设: ['项目当前进度与计划节点是否一致？', '用地、规划、施工许可等手续还有哪些未办结？', '水电气等配套是否到位？', '项目投产后的用工和融资需求如何？'],
};

type Group = 'aviation' | 'ceramics' | 'trade' | 'culture' | 'project' | 'general';
const GROUP_OF_THEME: Record<string, Group> = { 航空企业服务: 'aviation', 陶瓷企业服务: 'ceramics', 外贸型企业服务: 'trade', 千馆之城: 'culture', 项目建设: 'project' };
/** How often a visit of its own takes each theme (null: a visit without a theme). */
const THEME_WEIGHTS: Record<string, number> = { 航空企业服务: 1, 陶瓷企业服务: 1.2, 外贸型企业服务: 1, 千馆之城: 0.7, 项目建设: 1.2 };
/** The share of a leader's own visits that have no theme (综合走访). */
const NO_THEME_SHARE = 0.12;

/** Answers to the guiding questions: {E1} and {E2} are the visit's first and second enterprise; `{甲|乙}` picks one. */
const GUIDE_ANSWERS: Record<string, string[]> = {
  '主机厂订单与配套需求有何变化？': [
    '{E1}今年承接主机厂订单{同比增长约两成|与去年基本持平|较去年增长约三成}，{E2}反映配套需求向{复合材料构件|精密钣金件|线束和电连接器}集中，希望园区帮助对接主机厂供应商准入。',
    '{E1}表示主机厂今年排产计划{明显增加|略有增加}，交付周期压缩到{45|60}天，企业正在扩充{数控加工|装配检测}产能。',
  ],
  '适航认证、资质办理是否遇到困难？': [
    '{E1}正在办理{AS9100D质量体系认证|民用航空产品零部件制造人批准|军工保密资格复审}，材料准备基本到位；科技创新局表示将协调上级主管部门给予指导。',
    '企业反映资质审核周期较长，{E2}希望园区组织专题培训；科技创新局现场答复将联合行业协会举办资质办理培训班。',
  ],
  '关键零部件本地配套率如何，需要对接哪些上下游企业？': [
    '企业估计本地配套率约{三成|四成|不足三成}，{热处理和表面处理|高端紧固件|航空铝材}仍需外地采购；经济发展局将梳理园区内可配套企业名单，组织供需对接。',
    '{E1}希望对接园区内{精密铸造|复合材料|电子元器件}企业，经济发展局现场介绍了两家潜在合作企业，约定下周安排洽谈。',
  ],
  '今年产销情况与去年相比有何变化？': [
    '{E1}今年产值{同比增长约一成|与去年基本持平|略有下降，主要受建筑陶瓷市场影响}，{E2}电商渠道销售占比提升到{三成|四成}左右。',
    '{E1}高端日用瓷订单{增长较快|保持稳定}，{E2}艺术瓷销售{受节假日带动明显回暖|较去年略有下降}。',
  ],
  '窑炉改造、节能环保方面有何困难？': [
    '{E1}计划将{两条|三条}燃气梭式窑改造为电窑，希望了解技改补贴政策；生态环境分局现场讲解了改造要求和可申请的资金支持。',
    '企业反映环保设施运行成本较高，{E2}希望开展清洁生产审核；生态环境分局表示将安排技术人员上门指导。',
  ],
  '品牌推广和电商渠道有哪些需求？': [
    '企业希望参加{瓷博会|广交会|进博会}等展会，并希望园区组织直播电商培训；经济发展局表示将把企业纳入今年展会组团名单。',
    '{E1}希望申请{地理标志产品专用标志|区域公共品牌授权}，市场监督管理分局现场说明了申请条件和流程。',
  ],
  '技术工人和陶瓷人才招聘是否顺利？': [
    '{E1}反映{拉坯、利坯|彩绘|窑炉烧成}等技术工人紧缺，人力资源和社会保障局将对接陶瓷职业院校开设订单班。',
    '企业招聘普工基本顺利，但{陶瓷设计|釉料研发}人才难引进，人社局现场介绍了人才安居和引才补贴政策。',
  ],
  '今年订单与去年相比有何变化？': [
    '{E1}今年订单{同比增长约15%|与去年基本持平|同比下降约一成}，{东南亚|中东|欧洲|南美}市场增长较快，北美市场订单有所减少。',
    '{E1}新开拓了{中东|东南亚|非洲}市场，订单{稳中有升|明显增长}；{E2}反映客户下单趋于小批量、多批次。',
  ],
  '出口退税办理是否顺畅？': [
    '企业反映出口退税{基本能在5个工作日内到账|办理顺畅，已全部实现无纸化申报|偶有因单证不齐被退回的情况}；财政金融局提醒企业及时做好单证备案。',
    '{E1}表示今年退税平均用时{3|4}个工作日，较去年明显加快；{E2}希望了解出口信用保险保费补贴政策，已现场介绍。',
  ],
  '汇率波动和海运物流对企业有何影响？': [
    '汇率波动对利润影响约{2|3|5}个百分点，企业已开始使用远期结汇锁定汇率；海运运价{有所回落|仍处高位}，企业希望园区协调{九江港|南昌向塘陆港}铁海联运舱位。',
    '{E1}反映{旺季订舱难|集装箱紧张}，经济发展局将对接物流企业开展联合订舱；财政金融局介绍了汇率避险担保政策。',
  ],
  '场馆建设和运营进展如何？': [
    '{E1}场馆{主体已完工，正在进行布展|已试运营，月均接待游客约五千人次|正在办理开馆前各项手续}。',
    '{E1}{展陈设计已完成，计划下季度开馆|开馆以来举办了多场专题展览，社会反响较好}。',
  ],
  '文旅融合、研学游客流情况如何？': [
    '{E1}已与{本地中小学|省内多所高校|旅行社}合作开展研学活动，{周末和节假日客流明显增加|研学团队占客流一半以上}。',
    '{E1}正在开发陶瓷手作体验课程，希望纳入全市文旅线路推介。',
  ],
  '在备案、消防、资金补助方面有何需求？': [
    '企业希望加快{博物馆备案|消防验收|免费开放补助申报}，住房和城乡建设局、经济发展局现场明确了办理流程和时限。',
    '{E1}咨询“千馆之城”建设奖补政策，经济发展局现场说明了申报条件，请企业按通知准备材料。',
  ],
  '项目当前进度与计划节点是否一致？': [
    '{E1}项目{主体结构已封顶，进度与计划一致|正在进行设备安装，较计划滞后约半个月|已完成场平和桩基施工，按计划推进}。',
    '{E1}项目{一期已投产，二期正在办理前期手续|厂房已完工，生产线正在调试}，总体进度符合计划节点。',
  ],
  '用地、规划、施工许可等手续还有哪些未办结？': [
    '{E1}尚有{竣工验收备案|不动产首次登记|二期用地出让|施工许可变更}未办结，行政审批局将按“承诺即开工”开辟绿色通道。',
    '手续基本办结，{E2}的{规划条件核实|消防设计审查}正在办理中，相关部门承诺限时办结。',
  ],
  '水电气等配套是否到位？': [
    '{10千伏专线接入|天然气管道接入|污水管网接驳}正在施工，供电服务中心和住房和城乡建设局承诺在项目投产前完成。',
    '水电已接通，{天然气管道|厂区外道路}尚未到位，住房和城乡建设局将督促施工单位加快进度。',
  ],
  '项目投产后的用工和融资需求如何？': [
    '投产后预计新增用工约{80|150|200}人，企业希望人社局协助招聘；另有约{3000|5000}万元流动资金缺口，财政金融局将组织银企对接。',
    '{E1}计划年内招聘技术工人约{50|100}人，人社局现场介绍了以工代训补贴；融资需求已推送合作银行。',
  ],
};
const GENERIC_GUIDE_ANSWER = '{E1}等企业就此作了介绍，相关情况已记入企业档案。';

const PURPOSES: Record<Group, string> = {
  aviation: '围绕航空产业配套，了解企业订单和产能情况，协调解决企业生产经营中的困难。',
  ceramics: '围绕陶瓷产业转型升级，了解企业产销、技改和品牌建设情况，听取企业诉求。',
  trade: '了解外贸企业订单、出口退税、汇率和物流情况，帮助企业稳订单、拓市场。',
  culture: '推进“千馆之城”建设，了解场馆建设和运营情况，协调解决备案、消防等问题。',
  project: '督导项目建设进度，现场协调用地、规划、施工许可和竣工验收等事项。',
  general: '问需于企，了解企业生产经营情况，现场协调解决企业急难愁盼问题。',
};

/** What an enterprise tells first about itself (企业介绍). */
const SITUATIONS: Record<Group, string[]> = {
  aviation: ['今年以来主机厂订单饱满，产能利用率在九成以上', '新建数控加工车间已投入使用，正在扩充技术团队', '某型直升机零部件已实现批量交付，正在申请新的配套资质'],
  ceramics: ['今年产销基本平稳，电商渠道销售占比有所提升', '新建电窑已投产，能耗较原燃气窑下降约两成', '正在开发高端日用瓷新品，计划参加今年瓷博会'],
  trade: ['今年出口订单稳中有升，新开拓了东南亚和中东市场', '受汇率波动和海运运价影响，利润空间有所收窄', '正在申请海关AEO高级认证，希望提升通关便利'],
  culture: ['场馆主体已完工，正在进行布展设计', '场馆已试运营，节假日客流明显增加', '正在与本地中小学合作开发陶瓷研学课程'],
  project: ['项目主体结构已封顶，正在进行设备安装', '项目已完成场平和桩基施工，按计划推进', '一期已投产，二期正在办理前期手续'],
  general: ['今年生产经营总体平稳，营收同比有所增长', '研发投入持续加大，正在申报高新技术企业', '订单较去年有所增加，正在扩充生产和研发人员'],
};

/** The departments a theme's visit takes along (names of DEMO_DEPARTMENTS). */
const THEME_DEPARTMENTS: Record<Group, string[]> = {
  aviation: ['经济发展局', '科技创新局', '人力资源和社会保障局'],
  ceramics: ['经济发展局', '市场监督管理分局', '生态环境分局'],
  trade: ['财政金融局', '经济发展局', '市场监督管理分局'],
  culture: ['住房和城乡建设局', '经济发展局', '自然资源和规划分局'],
  project: ['自然资源和规划分局', '住房和城乡建设局', '行政审批局', '生态环境分局'],
  general: ['经济发展局', '科技创新局', '财政金融局'],
};

const THEME_FOLLOW_UPS: Record<Group, string> = {
  aviation: '经济发展局梳理航空配套企业名单，组织主机厂与本地配套企业供需对接。',
  ceramics: '经济发展局将企业纳入今年陶瓷展会组团名单，科技创新局跟进技改项目申报。',
  trade: '财政金融局跟踪企业出口退税和出口信用保险办理情况，经济发展局对接物流企业。',
  culture: '住房和城乡建设局、经济发展局对场馆开馆前手续实行清单管理，逐项销号。',
  project: '行政审批局对项目剩余手续实行专人代办，每周调度一次项目进度。',
  general: '科技创新局跟进企业高新技术企业和专精特新申报辅导。',
};

/** A problem answered at the on-site office (当场答复), with the category it counts under. */
type AnsweredIssue = { category: string; topic: string; text: string; answer: string; department: string; groups?: Group[] };
const ANSWERED_ISSUES: AnsweredIssue[] = [
  { category: 'policy-fulfilment', topic: '研发费用加计扣除政策', department: '财政金融局',
    text: '企业询问研发费用加计扣除政策口径，以及预缴申报时能否享受。',
    answer: '现场解读政策：企业可在预缴申报时选择享受，年度汇算清缴时统一申报，已将办税指引发给企业财务负责人。' },
  { category: 'policy-fulfilment', topic: '高新技术企业认定', department: '科技创新局',
    text: '企业咨询高新技术企业认定条件和今年的申报时间。',
    answer: '现场对照认定条件，企业研发费用占比和知识产权数量已达标，建议今年申报，科技创新局安排专人一对一辅导。' },
  { category: 'policy-fulfilment', topic: '出口退税办理进度', department: '财政金融局', groups: ['trade'],
    text: '企业询问上月出口退税申报的办理进度。',
    answer: '税务部门现场查询，企业退税申报已审核通过，预计三个工作日内到账。' },
  { category: 'policy-fulfilment', topic: '“千馆之城”建设奖补政策', department: '经济发展局', groups: ['culture'],
    text: '企业咨询“千馆之城”场馆建设奖补的申报条件。',
    answer: '现场说明奖补对象、标准和申报时间，企业符合条件，请按通知要求于月底前提交材料。' },
  { category: 'talent-and-labour', topic: '技术工人招聘', department: '人力资源和社会保障局',
    text: '企业反映技术工人招聘难，希望参加园区组织的招聘活动。',
    answer: '人社局现场将企业纳入下月专场招聘会，并推送职业院校订单班合作信息。' },
  { category: 'talent-and-labour', topic: '新招员工社保补贴', department: '人力资源和社会保障局',
    text: '企业咨询新招用员工的社保补贴和岗前培训补贴政策。',
    answer: '现场告知补贴对象、标准和线上申领渠道，企业符合条件的员工可按季度申领。' },
  { category: 'funding-and-loans', topic: '科技贷和应急转贷', department: '财政金融局',
    text: '企业希望了解科技贷和园区应急转贷资金的申请渠道。',
    answer: '现场介绍科技贷和应急转贷政策，约定下周组织合作银行上门对接。' },
  { category: 'funding-and-loans', topic: '出口信用保险保费补贴', department: '财政金融局', groups: ['trade'],
    text: '企业询问出口信用保险保费补贴如何申请。',
    answer: '现场说明补贴比例和申报材料，企业可在年度申报期内通过线上平台提交。' },
  { category: 'supporting-services', topic: '员工子女入学', department: '经济发展局',
    text: '企业反映新引进的技术骨干子女入学有困难。',
    answer: '现场告知园区人才子女入学政策，符合条件的由教育部门统筹安排，已登记学生信息。' },
  { category: 'supporting-services', topic: '厂区周边夜间照明', department: '住房和城乡建设局',
    text: '企业反映厂区周边道路夜间照明不足，员工下班出行不便。',
    answer: '住建局现场答复，该路段路灯已纳入本月维修计划，月底前完成。' },
  { category: 'utilities', topic: '新增用电容量', department: '供电服务中心',
    text: '企业询问新增用电容量的办理流程和时限。',
    answer: '供电服务中心现场讲解“三零”“三省”服务流程，留下客户经理联系方式，企业可在线提交申请。' },
  { category: 'property-certificate', topic: '厂房抵押登记材料', department: '自然资源和规划分局',
    text: '企业询问办理厂房抵押登记需要准备哪些材料。',
    answer: '现场一次性告知材料清单，抵押登记可通过银行网点“不见面”办理，一般当日办结。' },
  { category: 'environmental-approval', topic: '技改项目环评', department: '生态环境分局',
    text: '企业咨询生产线技改是否需要重新办理环评。',
    answer: '现场答复：该技改未新增污染物排放，按分类管理名录填报登记表即可，无需编制报告书。' },
  { category: 'completion-acceptance', topic: '联合验收流程', department: '住房和城乡建设局', groups: ['project', 'aviation', 'ceramics'],
    text: '企业咨询新建厂房竣工联合验收的办理流程。',
    answer: '现场讲解联合验收“一口受理、同步验收”流程，企业可在线申请，由住建局统一组织。' },
  { category: 'land-and-buildings', topic: '标准厂房租金补贴', department: '经济发展局',
    text: '企业咨询租用园区标准厂房的租金补贴政策。',
    answer: '现场说明补贴标准和年限，企业符合条件，请于季度末前提交租赁合同和缴费凭证。' },
  { category: 'other', topic: '商标被仿冒', department: '市场监督管理分局',
    text: '企业反映产品商标在电商平台被仿冒，询问维权途径。',
    answer: '现场告知投诉举报和维权途径，市场监管分局将协助企业固定证据并向平台发函。' },
];

const CANCEL_REASONS = [
  '市里临时召开重要会议，领导需参会，本次走访改期。',
  '企业主要负责人赴外地参加展会，经与企业沟通改期走访。',
  '遇防汛应急值守，本次走访取消，另行安排。',
];

// ─── The world the generator needs ─────────────────────────────────────────
export type DemoVisitPerson = { id: string; name: string };
export type DemoVisitWorld = {
  zoneId: string;
  now: Date;
  /** The zone's date at `now`. */
  today: string;
  timeZone: string;
  calendar: WorkingCalendar;
  /** 无事不扰: an enterprise is not visited again within this many weeks (zones.visit_min_weeks). */
  minWeeks: number;
  /** The leaders who visit, in rank order. */
  leaders: DemoVisitPerson[];
  /** Who plans the visits (the coordinator), when there is one. */
  plannerId: string | null;
  /** Users by id (leaders and cadres, for names). */
  users: ReadonlyMap<string, string>;
  themes: { id: string; name: string; guidingQuestions: readonly string[] }[];
  /** The zone's demand category codes (visit_issues.category_code). */
  categoryCodes: readonly string[];
  /** Department name → id. */
  departments: ReadonlyMap<string, string>;
  enterprises: { id: string; name: string; cadreId: string | null; leaderId: string | null; themeIds: readonly string[] }[];
  /** The demands filed on visits (channel 'visit'). */
  visitDemands: {
    id: string; enterpriseId: string; submittedAt: Date; submittedBy: string | null; ownerLeaderId: string | null;
    categoryCode: string; title: string; leadDepartmentId: string | null;
  }[];
};

// ─── Generation ─────────────────────────────────────────────────────────────
type Enterprise = DemoVisitWorld['enterprises'][number];
type Demand = DemoVisitWorld['visitDemands'][number];
type Plan = {
  leaderId: string;
  day: string;
  halfDay: HalfDay;
  demands: Demand[];
  /** The enterprises the demands bring (first) and the ones added. */
  enterpriseIds: string[];
  status: VisitStatus;
  cancelReason: string | null;
  themeId: string | null;
};

const MINUTE = 60_000;
const DAY_MINUTES = 24 * 60;
const HALF_DAY_HOURS: Record<HalfDay, [number, number]> = { am: [9 * 60, 12 * 60], pm: [14 * 60 + 30, 17 * 60 + 30] };

export function generateDemoVisits(w: DemoVisitWorld): DemoVisitRows {
  const empty: DemoVisitRows = { visits: [], enterprises: [], departments: [], cadres: [], issues: [], demandLinks: [], rechannelled: [], counters: [] };
  if (w.leaders.length === 0 || w.enterprises.length === 0) return empty;

  const rnd = seededRandom(20260414);
  const idRnd = seededRandom(4_14_2026);
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const chance = (p: number) => rnd() < p;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const weighted = <T>(xs: readonly T[], weight: (x: T) => number): T => {
    const total = xs.reduce((s, x) => s + weight(x), 0);
    let r = rnd() * total;
    for (const x of xs) {
      r -= weight(x);
      if (r < 0) return x;
    }
    return xs[xs.length - 1]!;
  };
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  const uuid = () => {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const v = Math.floor(idRnd() * 4294967296);
      bytes.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  // Instants are taken from the visit's day: the zone's start of that day (Intl is slow, so once a
  // day) plus minutes, which may run into days before or after (24 hours a day, near enough for
  // when a visit was planned or signed off).
  const dayStarts = new Map<string, number>();
  const at = (day: string, minute: number) => {
    let start = dayStarts.get(day);
    if (start === undefined) {
      start = startOfDayInZone(day, w.timeZone).getTime();
      dayStarts.set(day, start);
    }
    return start + minute * MINUTE;
  };
  const working = (day: string) => isWorkingDay(w.calendar, day).workingDay;
  const nowMs = w.now.getTime();
  const leaderIds = new Set(w.leaders.map((l) => l.id));
  const enterpriseById = new Map(w.enterprises.map((e) => [e.id, e]));
  const themeById = new Map(w.themes.map((t) => [t.id, t]));
  const groupOfTheme = (themeId: string | null): Group => (themeId ? (GROUP_OF_THEME[themeById.get(themeId)?.name ?? ''] ?? 'general') : 'general');
  const groupOfEnterprise = (e: Enterprise): Group => groupOfTheme(e.themeIds.find((id) => themeById.has(id)) ?? null);
  const codes = new Set(w.categoryCodes);

  // 1. The visits the demands filed on visits took place in.
  const plans: Plan[] = [];
  const slotOf = new Map<string, Plan>();
  const slotKey = (leaderId: string, day: string, halfDay: HalfDay) => `${leaderId} ${day} ${halfDay}`;
  const addPlan = (p: Omit<Plan, 'demands' | 'enterpriseIds' | 'status' | 'cancelReason' | 'themeId'> & Partial<Plan>): Plan => {
    const plan: Plan = { demands: [], enterpriseIds: [], status: 'planned', cancelReason: null, themeId: null, ...p };
    plans.push(plan);
    slotOf.set(slotKey(plan.leaderId, plan.day, plan.halfDay), plan);
    return plan;
  };
  const rechannelled: DemoDemandRechannel[] = [];
  const linkLeader = new Map<string, string>();
  for (const d of w.visitDemands) {
    const e = enterpriseById.get(d.enterpriseId);
    const day = dateInZone(d.submittedAt, w.timeZone);
    if (!e) continue;
    if (!working(day)) {
      const cadreName = e.cadreId ? w.users.get(e.cadreId) : undefined;
      rechannelled.push({
        demandId: d.id, channel: 'cadre', submittedBy: cadreName ? e.cadreId : null, submitterName: cadreName ?? '挂点干部',
        ownerLeaderId: e.leaderId ?? d.ownerLeaderId,
      });
      continue;
    }
    const leaderId = [d.ownerLeaderId, d.submittedBy, e.leaderId].find((id): id is string => !!id && leaderIds.has(id)) ?? w.leaders[0]!.id;
    linkLeader.set(d.id, d.ownerLeaderId ?? leaderId);
    const halfDay: HalfDay = d.submittedAt.getTime() - at(day, 0) < 12 * 60 * MINUTE ? 'am' : 'pm';
    const plan = slotOf.get(slotKey(leaderId, day, halfDay)) ?? addPlan({ leaderId, day, halfDay });
    plan.demands.push(d);
    if (!plan.enterpriseIds.includes(e.id)) plan.enterpriseIds.push(e.id);
  }
  const forced = new Set(plans);

  // 2. The weeks: a visit of its own where the leader has none, except a few missed weeks.
  const thisMonday = isoWeekOf(w.today).monday;
  const firstMonday = addDays(thisMonday, -52 * 7);
  const lastMonday = addDays(thisMonday, 14);
  const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter(working);
  const hasPlanIn = (leaderId: string, monday: string) => {
    const sunday = addDays(monday, 6);
    return plans.some((p) => p.leaderId === leaderId && p.day >= monday && p.day <= sunday && p.status !== 'cancelled');
  };
  const freeSlot = (leaderId: string, days: readonly string[]): { day: string; halfDay: HalfDay } | null => {
    const start = days.length ? int(0, days.length - 1) : 0;
    for (let i = 0; i < days.length; i++) {
      const day = days[(start + i) % days.length]!;
      const first: HalfDay = chance(0.55) ? 'am' : 'pm';
      for (const halfDay of [first, first === 'am' ? 'pm' : 'am'] as HalfDay[]) if (!slotOf.has(slotKey(leaderId, day, halfDay))) return { day, halfDay };
    }
    return null;
  };
  const missed = new Map<string, Set<string>>();
  w.leaders.forEach((leader, rank) => {
    const candidates: string[] = [];
    for (let monday = firstMonday; monday < thisMonday; monday = addDays(monday, 7)) {
      if (weekDays(monday).length > 0 && !hasPlanIn(leader.id, monday)) candidates.push(monday);
    }
    const set = new Set<string>();
    // Two weeks missed by the first leader, three by the next.
    for (let n = 2 + (rank % 2); n > 0 && candidates.length > 0; n--) set.add(candidates.splice(int(0, candidates.length - 1), 1)[0]!);
    missed.set(leader.id, set);
  });
  const fillers: Plan[] = [];
  for (let monday = firstMonday; monday <= lastMonday; monday = addDays(monday, 7)) {
    const days = weekDays(monday);
    if (days.length === 0) continue;
    for (const leader of w.leaders) {
      const add = (pool: readonly string[]) => {
        const slot = freeSlot(leader.id, pool);
        if (slot) fillers.push(addPlan({ leaderId: leader.id, ...slot }));
      };
      if (monday < thisMonday) {
        if (!hasPlanIn(leader.id, monday)) {
          if (!missed.get(leader.id)!.has(monday)) add(days);
        } else if (chance(0.06)) add(days);
      } else if (monday === thisMonday) {
        const ahead = days.filter((d) => d > w.today);
        if (!hasPlanIn(leader.id, monday)) add(days);
        else if (ahead.length > 0 && chance(0.4)) add(ahead);
      } else {
        add(days);
        if (chance(0.3)) add(days);
      }
    }
  }

  // 3. Three visits that did not happen: two in the past (moved later in their week), one ahead.
  const cancel = (plan: Plan, reason: string) => {
    plan.status = 'cancelled';
    plan.cancelReason = reason;
    slotOf.delete(slotKey(plan.leaderId, plan.day, plan.halfDay));
    const later = weekDays(isoWeekOf(plan.day).monday).filter((d) => d > plan.day && (plan.day >= w.today || d < w.today));
    const slot = freeSlot(plan.leaderId, later);
    if (slot) fillers.push(addPlan({ leaderId: plan.leaderId, ...slot }));
  };
  const reasons = [...CANCEL_REASONS];
  const pastFillers = fillers.filter((p) => p.day < addDays(thisMonday, -7) && weekDays(isoWeekOf(p.day).monday).some((d) => d > p.day));
  for (let i = 0; i < 2 && pastFillers.length > 0; i++) {
    const leaderId = w.leaders[i % w.leaders.length]!.id;
    const own = pastFillers.filter((p) => p.leaderId === leaderId);
    const plan = pick(own.length ? own : pastFillers);
    pastFillers.splice(pastFillers.indexOf(plan), 1);
    cancel(plan, reasons.splice(int(0, reasons.length - 1), 1)[0]!);
  }
  const upcoming = fillers.filter((p) => p.day >= addDays(thisMonday, 7) && p.status === 'planned');
  if (upcoming.length > 0) cancel(pick(upcoming), reasons[0]!);

  // 4. Themes and enterprises, in date order.
  plans.sort((a, b) => a.day.localeCompare(b.day) || a.halfDay.localeCompare(b.halfDay) || leaderRank(a.leaderId) - leaderRank(b.leaderId));
  function leaderRank(id: string) {
    return w.leaders.findIndex((l) => l.id === id);
  }
  const themeChoices = w.themes.filter((t) => THEME_WEIGHTS[t.name] !== undefined);
  const seen = new Map<string, number[]>();
  const see = (enterpriseId: string, day: string) => seen.set(enterpriseId, [...(seen.get(enterpriseId) ?? []), toDayNumber(day)]);
  for (const p of plans) if (forced.has(p)) for (const id of p.enterpriseIds) see(id, p.day);
  const demandEnterprises = new Set(w.visitDemands.map((d) => d.enterpriseId));
  const spared = w.enterprises.filter((e) => !demandEnterprises.has(e.id));
  const neverVisited = new Set<string>();
  for (let n = Math.min(6, Math.floor(spared.length / 4)); n > 0; n--) neverVisited.add(spared.splice(int(0, spared.length - 1), 1)[0]!.id);
  const gap = w.minWeeks * 7;
  const tooSoon = (enterpriseId: string, dayNumber: number) => (seen.get(enterpriseId) ?? []).some((d) => Math.abs(d - dayNumber) < gap);
  const visitsOf = (enterpriseId: string) => (seen.get(enterpriseId) ?? []).length;

  for (const p of plans) {
    const first = p.enterpriseIds[0] ? enterpriseById.get(p.enterpriseIds[0]) : undefined;
    // A visit built around a demand takes its enterprise's theme; the others draw one (or none).
    const ownTheme = first?.themeIds.find((id) => themeChoices.some((t) => t.id === id)) ?? null;
    if (ownTheme) p.themeId = ownTheme;
    else if (themeChoices.length > 0 && chance(first ? 0.5 : 1 - NO_THEME_SHARE)) p.themeId = weighted(themeChoices, (t) => THEME_WEIGHTS[t.name]!).id;
    const dayNumber = toDayNumber(p.day);
    const size = Math.max(p.enterpriseIds.length, weighted([1, 2, 3, 4, 5], (n) => [0.36, 0.33, 0.17, 0.09, 0.05][n - 1]!));
    while (p.enterpriseIds.length < size) {
      const candidates = w.enterprises.filter((e) => !p.enterpriseIds.includes(e.id) && !neverVisited.has(e.id) && !tooSoon(e.id, dayNumber));
      if (candidates.length === 0) break;
      // Mostly enterprises of the theme (without a theme: of none), now and then a neighbour of another
      // kind; those seen least first.
      const alike = candidates.filter((x) => (p.themeId ? x.themeIds.includes(p.themeId) : x.themeIds.length === 0));
      const e = weighted(alike.length > 0 && chance(0.75) ? alike : candidates, (x) => (x.leaderId === p.leaderId ? 1.5 : 1) / (1 + visitsOf(x.id)) ** 3);
      p.enterpriseIds.push(e.id);
      if (p.status !== 'cancelled') see(e.id, p.day);
    }
    if (p.enterpriseIds.length === 0) {
      // Everyone was seen lately: the one seen longest ago.
      const byLast = [...w.enterprises].filter((e) => !neverVisited.has(e.id))
        .sort((a, b) => Math.max(0, ...(seen.get(a.id) ?? [])) - Math.max(0, ...(seen.get(b.id) ?? [])));
      const e = byLast[0] ?? w.enterprises[0]!;
      p.enterpriseIds.push(e.id);
      if (p.status !== 'cancelled') see(e.id, p.day);
    }
  }

  // 5. Rows: numbers per year in date order, the record of the visits done.
  const rows: DemoVisitRows = { ...empty, rechannelled };
  const perYear = new Map<string, number>();
  const shortName = (id: string) => (enterpriseById.get(id)?.name ?? '').replace(/^景德镇/, '').replace(/（景德镇）/, '').replace(/有限公司$/, '');
  const departmentName = new Map([...w.departments].map(([name, id]) => [id, name]));
  const render = (text: string, vars: Record<string, string>) =>
    text.replace(/\{([^{}]+)\}/g, (whole, inner: string) => (inner.includes('|') ? pick(inner.split('|')) : (vars[inner] ?? whole)));

  for (const p of plans) {
    const year = p.day.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const id = uuid();
    const group = groupOfTheme(p.themeId);
    const past = p.day < w.today || (p.day === w.today && p.demands.length > 0);
    if (p.status !== 'cancelled') p.status = past ? 'done' : 'planned';
    const [slotFrom, slotTo] = HALF_DAY_HOURS[p.halfDay];
    const firstDemandAt = Math.min(...p.demands.map((d) => d.submittedAt.getTime()));
    const lastDemandAt = Math.max(0, ...p.demands.map((d) => d.submittedAt.getTime()));
    // Planned three to eight days ahead, in office hours; what lies ahead was planned in the last few days.
    const daysAhead = toDayNumber(p.day) - toDayNumber(w.today);
    const officeHours = int(9 * 60, 17 * 60);
    const createdAt = Math.min(
      at(p.day, officeHours - int(3, 8) * DAY_MINUTES),
      at(p.day, officeHours - (daysAhead + int(2, 5)) * DAY_MINUTES),
      firstDemandAt - 60 * MINUTE,
    );

    // Departments: those leading the visit's demands, then the theme's, one to three in all.
    const departmentIds: string[] = [];
    const addDepartment = (depId: string | null | undefined) => {
      if (depId && !departmentIds.includes(depId)) departmentIds.push(depId);
    };
    for (const d of p.demands) if (departmentIds.length < 3) addDepartment(d.leadDepartmentId);
    const want = Math.max(departmentIds.length, int(1, 3));
    for (const name of shuffle(THEME_DEPARTMENTS[group])) if (departmentIds.length < want) addDepartment(w.departments.get(name));
    const cadreIds = [...new Set(p.enterpriseIds.map((e) => enterpriseById.get(e)?.cadreId).filter((c): c is string => !!c))];

    let updatedAt = createdAt;
    const visit: DemoVisitRow = {
      zoneId: w.zoneId, id, number: `ZF${year}-${String(n).padStart(4, '0')}`, visitOn: p.day, halfDay: p.halfDay, leaderId: p.leaderId,
      themeId: p.themeId, status: p.status, purpose: PURPOSES[group], decisions: null, followUps: null, guideAnswers: [], cancelReason: p.cancelReason,
      createdBy: w.plannerId, signedOffBy: null, signedOffAt: null, isDemo: true, createdAt: new Date(createdAt), updatedAt: new Date(createdAt),
    };

    const raised = new Map<string, string[]>();
    if (p.status === 'done') {
      // The problems: the demands filed on the visit, and some answered on the spot.
      const decisions: string[] = [];
      const issueAt = (k: number) => Math.min(at(p.day, slotFrom + 30 + k * 15), nowMs - MINUTE);
      for (const d of p.demands) {
        raised.set(d.enterpriseId, [...(raised.get(d.enterpriseId) ?? []), d.title]);
        rows.issues.push({
          zoneId: w.zoneId, id: uuid(), visitId: id, enterpriseId: d.enterpriseId, text: d.title, categoryCode: d.categoryCode, resolution: 'demand',
          answer: null, demandId: d.id, createdBy: p.leaderId, createdAt: d.submittedAt,
        });
        rows.demandLinks.push({ demandId: d.id, visitId: id, ownerLeaderId: linkLeader.get(d.id)! } satisfies DemoDemandLink);
        const lead = d.leadDepartmentId ? departmentName.get(d.leadDepartmentId) : undefined;
        decisions.push(`${shortName(d.enterpriseId)}反映的“${d.title}”，现场转为诉求${lead ? `，由${lead}牵头办理` : ''}，按时限办结并答复企业。`);
      }
      let k = 0;
      for (const enterpriseId of p.enterpriseIds) {
        const e = enterpriseById.get(enterpriseId)!;
        const g = groupOfEnterprise(e);
        const count = chance(0.35) ? (chance(0.2) ? 2 : 1) : 0;
        const fitting = ANSWERED_ISSUES.filter((x) => codes.has(x.category) && (!x.groups || x.groups.includes(g)));
        const attending = fitting.filter((x) => departmentIds.includes(w.departments.get(x.department) ?? ''));
        const chosen: AnsweredIssue[] = [];
        for (let c = 0; c < count && fitting.length > 0; c++) {
          const pool = (attending.length && chance(0.7) ? attending : fitting).filter((x) => !chosen.includes(x));
          if (pool.length === 0) break;
          chosen.push(pick(pool));
        }
        for (const x of chosen) {
          raised.set(enterpriseId, [...(raised.get(enterpriseId) ?? []), x.text.replace(/^企业/, '').replace(/。$/, '')]);
          rows.issues.push({
            zoneId: w.zoneId, id: uuid(), visitId: id, enterpriseId, text: x.text, categoryCode: x.category, resolution: 'answered', answer: x.answer,
            demandId: null, createdBy: p.leaderId, createdAt: new Date(issueAt(k++)),
          });
          decisions.push(`${shortName(enterpriseId)}咨询的${x.topic}问题，已由${x.department}当场答复。`);
        }
      }
      visit.decisions = decisions.length
        ? decisions.map((line, i) => `${i + 1}. ${line}`).join('\n')
        : '企业生产经营正常，暂无需要协调的事项；请挂点干部保持日常联系，有诉求及时报送。';
      const cadreNames = cadreIds.map((c) => w.users.get(c)).filter((x): x is string => !!x);
      const followUps = [
        p.demands.length > 0
          ? `企业服务中心将本次现场转办的${p.demands.length}项诉求纳入督办台账，办理情况在月通报中公布。`
          : '企业服务中心整理走访记录，归入企业档案。',
        `${cadreNames.length ? `挂点干部${cadreNames.join('、')}` : '挂点干部'}跟进企业后续需求，每月至少联系一次。`,
        THEME_FOLLOW_UPS[group],
      ];
      visit.followUps = followUps.map((line, i) => `${i + 1}. ${line}`).join('\n');
      const names = p.enterpriseIds.map(shortName);
      const vars = { E1: names[0]!, E2: names[1] ?? '企业' };
      const questions = p.themeId ? (themeById.get(p.themeId)?.guidingQuestions ?? []) : [];
      visit.guideAnswers = questions.map((question) => ({ question, answer: render(pick(GUIDE_ANSWERS[question] ?? [GENERIC_GUIDE_ANSWER]), vars) }));

      // Signed off by the leader at the end of the half-day, or the next working day.
      const endOfSlot = at(p.day, slotTo + int(10, 60));
      let signed = endOfSlot;
      if (chance(0.35)) {
        let next = addDays(p.day, 1);
        while (!working(next)) next = addDays(next, 1);
        signed = at(p.day, (toDayNumber(next) - toDayNumber(p.day)) * DAY_MINUTES + int(8 * 60 + 40, 10 * 60 + 30));
      }
      if (signed > nowMs) signed = endOfSlot;
      if (signed > nowMs) signed = nowMs;
      signed = Math.min(Math.max(signed, lastDemandAt + MINUTE), nowMs);
      updatedAt = signed;
      visit.signedOffBy = p.leaderId;
      visit.signedOffAt = new Date(signed);
    } else if (p.status === 'cancelled') {
      // Called off the day before; one ahead of today was called off yesterday.
      updatedAt = Math.max(createdAt + MINUTE, at(p.day, int(15 * 60, 18 * 60) - Math.max(1, daysAhead + 1) * DAY_MINUTES));
    }
    visit.updatedAt = new Date(updatedAt);
    rows.visits.push(visit);

    const told = new Set<string>();
    p.enterpriseIds.forEach((enterpriseId, position) => {
      const e = enterpriseById.get(enterpriseId)!;
      let text: string | null = null;
      if (p.status === 'done') {
        const issues = raised.get(enterpriseId) ?? [];
        const situations = SITUATIONS[groupOfEnterprise(e)].filter((x) => !told.has(x));
        const situation = pick(situations.length ? situations : SITUATIONS.general);
        told.add(situation);
        text = `企业介绍：${situation}。`
          + (issues.length ? `提出：${issues.map((x, i) => `（${i + 1}）${x}`).join('；')}。` : '暂无需要协调的问题，感谢园区的关心支持。');
      }
      rows.enterprises.push({ zoneId: w.zoneId, visitId: id, enterpriseId, position, raised: text } satisfies DemoVisitEnterpriseRow);
    });
    const absent = p.status === 'done' && departmentIds.length > 1 && chance(0.08) ? departmentIds[departmentIds.length - 1] : null;
    for (const departmentId of departmentIds) {
      rows.departments.push({ zoneId: w.zoneId, visitId: id, departmentId, attended: p.status === 'done' ? departmentId !== absent : null } satisfies DemoVisitDepartmentRow);
    }
    for (const userId of cadreIds) rows.cadres.push({ zoneId: w.zoneId, visitId: id, userId } satisfies DemoVisitCadreRow);
  }
  rows.issues.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
  rows.counters = [...perYear].map(([year, value]) => ({ name: `visit:${year}`, value }));
  return rows;
}
