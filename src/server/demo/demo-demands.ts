import { addDays, addWorkingDays, isWorkingDay, type WorkingCalendar } from '../../domain/calendar/index.js';
import { startOfDayInZone } from '../../domain/calendar/day-bounds-in-zone.js';
import {
  BOUNCE_FLAG_THRESHOLD, CONFIRMATION_WORKING_DAYS, OPEN_STATUSES, anonymiseDemandText, computeDeadline, decideDemandAction, pausedWorkingDays,
  reminderDay, settledOnTime, type ActionOptions, type Confidentiality, type DemandAction, type DemandChannel, type DemandParty, type DemandStatus,
  type Satisfaction,
} from '../../domain/demands/index.js';
import { searchTokens } from '../demands/search-tokens.js';
import { seededRandom } from './demo-data.js';
import type {
  DemoDemandRow, DemoDemandRows, DemoEscalationRow, DemoEventRow, DemoExtensionRow, DemoJobRow,
} from './demo-demands.repository.js';

/**
 * A year of demands (诉求) for the demo zone, as the seed describes them: 产证办理, 竣工验收,
 * 厂房土地, 资金贷款, 配套服务 and the rest, reported through the portal, on visits (每周益企),
 * by liaison cadres and on the hotline. Each demand lives its life through the same domain
 * functions the services use (decideDemandAction, computeDeadline, pausedWorkingDays,
 * settledOnTime, reminderDay) on the zone's working calendar, and the reminder, escalation and
 * automatic-closing jobs fire on the way as the worker would have fired them. What the plan
 * puts after "now" does not happen: recent demands are left open wherever now finds them.
 */

// ─── Vocabulary ─────────────────────────────────────────────────────────────
export const DEMO_CATEGORY_CODES = [
  'property-certificate', 'completion-acceptance', 'land-and-buildings', 'funding-and-loans', 'supporting-services',
  'environmental-approval', 'talent-and-labour', 'policy-fulfilment', 'utilities', 'other',
] as const;
export type DemoCategoryCode = (typeof DEMO_CATEGORY_CODES)[number];

/** Kinds of enterprise in the demo zone (from its themes and industries): which demands fit whom. */
export type EnterpriseGroup = 'aviation' | 'ceramics' | 'trade' | 'culture' | 'project' | 'it' | 'pharma';
const INDUSTRIAL: readonly EnterpriseGroup[] = ['aviation', 'ceramics', 'project', 'pharma'];
const ALL_GROUPS: readonly EnterpriseGroup[] = ['aviation', 'ceramics', 'trade', 'culture', 'project', 'it', 'pharma'];

/** The demo enterprise's group, from its theme (专题) and industry division. */
export function enterpriseGroupOf(theme: string | null, industryDivision: string): EnterpriseGroup | null {
  const byTheme: Record<string, EnterpriseGroup> = {
    航空企业服务: 'aviation', 陶瓷企业服务: 'ceramics', 外贸型企业服务: 'trade', 千馆之城: 'culture', 项目建设: 'project',
  };
  if (theme && byTheme[theme]) return byTheme[theme];
  if (industryDivision === '65') return 'it';
  if (industryDivision === '27') return 'pharma';
  return null;
}

/** The department that leads a category's demands unless the template names another (names of DEMO_DEPARTMENTS). */
export const CATEGORY_LEAD_DEPARTMENTS: Record<DemoCategoryCode, string> = {
  'property-certificate': '自然资源和规划分局',
  'completion-acceptance': '住房和城乡建设局',
  'land-and-buildings': '自然资源和规划分局',
  'funding-and-loans': '财政金融局',
  'supporting-services': '住房和城乡建设局',
  'environmental-approval': '生态环境分局',
  'talent-and-labour': '人力资源和社会保障局',
  'policy-fulfilment': '经济发展局',
  utilities: '供电服务中心',
  other: '市场监督管理分局',
};

const CATEGORY_FITS: Record<DemoCategoryCode, readonly EnterpriseGroup[]> = {
  'property-certificate': [...INDUSTRIAL, 'it', 'trade'],
  'completion-acceptance': INDUSTRIAL,
  'land-and-buildings': INDUSTRIAL,
  'funding-and-loans': ALL_GROUPS,
  'supporting-services': ALL_GROUPS,
  'environmental-approval': INDUSTRIAL,
  'talent-and-labour': ALL_GROUPS,
  'policy-fulfilment': ALL_GROUPS,
  utilities: [...INDUSTRIAL, 'it'],
  other: ALL_GROUPS,
};

/**
 * One kind of demand, in the enterprise's words, with the lead department's answer.
 * `{甲|乙}` picks one of the alternatives (the same group picks the same in title, text and answer).
 */
export type DemandTemplate = {
  key: string;
  category: DemoCategoryCode;
  title: string;
  description: string;
  answer: string;
  lead?: string;
  assisting?: string[];
  fits?: readonly EnterpriseGroup[];
};

export const DEMAND_TEMPLATES: readonly DemandTemplate[] = [
  // 产证办理
  {
    key: 'P1', category: 'property-certificate', assisting: ['财政金融局'],
    title: '二期厂房不动产权证迟迟未办出，影响银行续贷',
    description: '我司二期厂房{去年底|今年初|五月份}已完成竣工验收备案，向不动产登记中心申请首次登记已{两|三}个多月，窗口称土地出让合同约定的竣工期限已过，需先处理违约金问题才能登记。目前{工商银行|建设银行|九江银行}要求补充产证作为抵押，{800|1200|1500}万元贷款下月到期，请园区帮助协调。',
    answer: '经会同不动产登记中心、财政金融局研究，竣工延期系规划调整所致，不予追究违约责任；企业补交测绘成果后已完成首次登记，不动产权证已核发，企业已现场领取。',
  },
  {
    key: 'P2', category: 'property-certificate', assisting: ['住房和城乡建设局'],
    title: '购置的标准厂房分割后无法办理分户产证',
    description: '我司{去年|前年}向园区平台公司购买标准厂房{3|4|6}号楼{一|二}层，合同约定交付后办理分户产证，但至今因整栋楼未完成分割测绘无法办理，影响企业融资和资产入账。',
    answer: '已督促园区平台公司委托测绘机构完成整栋楼分割测绘，分户登记材料已一并提交不动产登记中心，企业分户产证已办出。',
  },
  {
    key: 'P3', category: 'property-certificate', assisting: ['住房和城乡建设局'],
    title: '老厂区职工宿舍楼属历史遗留无产证，申请补办',
    description: '我司老厂区内一栋{四|五}层职工宿舍建于{2008|2010|2012}年，当时报建手续不全，一直未办理产证。现企业计划以该资产申请抵押贷款，恳请园区按历史遗留问题处置政策帮助补办。',
    answer: '经现场核查，该宿舍楼符合历史遗留问题分类处置条件，已出具规划核实意见并完成房屋安全鉴定，登记中心已受理首次登记，产证已办出。',
  },
  {
    key: 'P4', category: 'property-certificate',
    title: '办公楼实测面积与规划许可面积不一致，登记被退回',
    description: '我司综合办公楼实测建筑面积比规划许可多出约{86|120|150}平方米，主要是设备夹层被计入面积，登记中心要求先完成规划核实，企业不清楚如何办理，已耽误一个多月。',
    answer: '经核查，超出面积为设备夹层，层高不足2.2米，按规定不计容积率；已出具规划核实确认意见，测绘机构据此修正测绘报告，登记已恢复办理并完成。',
  },
  {
    key: 'P5', category: 'property-certificate',
    title: '厂房抵押登记办理时间长，影响贷款放款',
    description: '我司厂房抵押登记材料{上周|本月初}已提交，银行称登记证明未出无法放款，企业{原材料采购款|员工工资}急需支付，希望加快办理。',
    answer: '已协调不动产登记中心开通企业融资绿色通道，抵押登记已于受理次日办结，电子登记证明已推送至银行，银行已放款。',
  },
  {
    key: 'P6', category: 'property-certificate',
    title: '旧版土地证和房产证需换发不动产权证',
    description: '我司持有的是旧版土地证和房产证，银行要求换发新版不动产权证才能办理续贷抵押，换证需要哪些材料、多长时间，请给予指导。',
    answer: '已向企业一次性告知换证材料清单，并安排登记中心工作人员上门指导，企业当日提交材料，新版不动产权证已于3个工作日内换发。',
  },
  {
    key: 'P7', category: 'property-certificate', assisting: ['财政金融局'],
    title: '司法拍卖取得的厂房因原产权人欠税无法过户',
    description: '我司通过司法拍卖取得一处厂房，原产权人欠缴的城镇土地使用税导致过户登记受阻，企业并非欠税责任人，希望协调税务部门和登记中心分开处理。',
    answer: '经协调，原产权人欠税由税务部门依法另行追缴，不影响买受人办理转移登记；企业已缴纳契税并完成过户登记。',
  },
  // 竣工验收
  {
    key: 'C1', category: 'completion-acceptance',
    title: '二期厂房已竣工三个月，消防验收迟迟未排期，影响投产',
    description: '我司二期厂房三个月前已完工，消防设施已调试完毕，申请消防验收后一直未安排现场验收，新生产线设备已进场无法投产，每月损失订单约{200|300|500}万元。',
    answer: '已协调消防审验科室优先安排，专家现场验收时提出的{两|三}项整改意见企业已完成整改，消防验收意见书已出具，厂房可投入使用。',
  },
  {
    key: 'C2', category: 'completion-acceptance', assisting: ['自然资源和规划分局'],
    title: '新建厂房规划核实与竣工验收能否联合验收一次办结',
    description: '我司新建厂房即将完工，听说现在可以实行规划、消防、人防、档案等联合验收，希望了解具体流程，避免多头跑、反复跑。',
    answer: '已向企业推送联合验收办事指南，明确由住建局牵头统一受理、各部门同步现场验收，项目已纳入联合验收计划并通过验收。',
  },
  {
    key: 'C3', category: 'completion-acceptance',
    title: '施工总包单位已注销，竣工验收备案资料无法盖章',
    description: '我司厂房项目的施工总承包单位已于{去年|今年上半年}注销，竣工验收备案需要施工单位盖章的资料无法补齐，备案卡了半年多，请园区协助想办法。',
    answer: '经研究，由建设单位出具情况说明和承诺书，并由监理单位、质量检测机构出具意见，已完成竣工验收备案。',
  },
  {
    key: 'C4', category: 'completion-acceptance',
    title: '钢结构厂房节能验收整改要求不明确',
    description: '节能专项验收时提出屋面保温不达标，但没有说明具体整改标准，企业请了两家施工单位报价差异很大，希望主管部门明确整改要求。',
    answer: '已组织节能专家到现场复核，明确屋面保温层按设计图纸补足厚度即可，不需整体更换；企业整改完成后已通过复验。',
  },
  {
    key: 'C5', category: 'completion-acceptance',
    title: '室外配套工程未完工，申请主体厂房先行验收投产',
    description: '我司主体厂房已具备验收条件，但厂区道路和绿化受雨季影响还需{一|两}个月，能否先对主体厂房单独验收，让产线先投产。',
    answer: '经研究，同意对主体厂房实行分期验收，室外配套工程由企业书面承诺限期完成，主体厂房已通过竣工验收并办理备案。',
  },
  {
    key: 'C6', category: 'completion-acceptance',
    title: '人防易地建设费标准不清，影响竣工验收进度',
    description: '我司项目按规定应建防空地下室，因地质条件无法建设，申请易地建设，但费用标准和减免政策不清楚，影响竣工验收进度。',
    answer: '已向企业解释人防易地建设费标准，企业符合小微企业减半征收条件，费用已核定缴纳，人防验收环节已办结。',
  },
  // 厂房土地
  {
    key: 'L1', category: 'land-and-buildings', assisting: ['经济发展局'],
    title: '扩产需新增用地约{30|40|50}亩，请协调园区储备地块',
    description: '我司订单饱满，现有厂房已满负荷运转，计划投资{1.5|2|3}亿元建设三期项目，需新增工业用地约{30|40|50}亩，希望园区在现厂区周边协调储备地块，并尽快启动出让程序。',
    answer: '经会同经济发展局对接，已推荐企业东侧一宗储备地块，规划条件已出具，拟于下季度挂牌出让，项目已纳入"承诺即开工"服务清单。',
  },
  {
    key: 'L2', category: 'land-and-buildings', assisting: ['经济发展局'],
    title: '租赁的标准厂房即将到期，希望续租并扩大面积',
    description: '我司租用园区标准厂房{5|7|8}号楼，租期{年底|明年三月}到期，因新增订单需要再租约{2000|3000}平方米，希望优先续租并就近调剂。',
    answer: '已协调园区平台公司与企业续签租赁合同，并将相邻楼栋约{2000|3000}平方米调剂给企业使用，租金按园区标准执行。',
  },
  {
    key: 'L3', category: 'land-and-buildings', assisting: ['供电服务中心'],
    title: '项目用地红线内高压线杆需迁改',
    description: '我司新购地块红线内有{两|三}根10千伏线杆，不迁移无法进行场平施工，已与供电部门联系多次未有结果，工期已延误。',
    answer: '已协调供电服务中心制定迁改方案，迁改费用按规定分担，线杆已迁至规划道路一侧，场地已具备施工条件。',
  },
  {
    key: 'L4', category: 'land-and-buildings',
    title: '申请提高容积率建设多层厂房',
    description: '我司拟在现有用地上加建{三|四}层厂房提高土地利用率，但原规划条件容积率上限为1.2，希望了解调整容积率的程序和是否需补缴土地价款。',
    answer: '经审查，工业用地提高容积率不再增收土地价款，已指导企业编制规划调整方案，方案已通过审查并批复。',
  },
  {
    key: 'L5', category: 'land-and-buildings',
    title: '竞得工业用地后迟迟不能交地开工',
    description: '我司竞得的工业用地已签订出让合同{一|两}个月，但地块上还有部分青苗和临时建筑未清表，迟迟不能交地，施工单位已进场待命。',
    answer: '已督促属地完成清表工作，地块已按净地标准交付企业，同步核发了建设用地规划许可证。',
  },
  {
    key: 'L6', category: 'land-and-buildings',
    title: '申请临时用地作为原材料堆场',
    description: '我司原材料周转量大，厂区内堆放空间不足，希望租用厂区北侧闲置地块约{5|8|10}亩作为临时堆场，期限两年。',
    answer: '已核实该地块为园区储备用地，同意按临时用地办理，期限两年，企业已签订临时使用协议。',
  },
  {
    key: 'L7', category: 'land-and-buildings',
    title: '厂区围墙外边角地能否纳入企业使用',
    description: '我司厂区东侧围墙外有一块约{3|4}亩的边角地长期闲置，杂草丛生，企业希望通过协议出让方式纳入厂区统一使用建设仓库。',
    answer: '经核查，该边角地面积较小、难以单独利用，符合协议出让条件，已启动供地程序。',
  },
  // 资金贷款
  {
    key: 'F1', category: 'funding-and-loans',
    title: '流动资金贷款{500|800|1000}万元即将到期，续贷需过桥资金',
    description: '我司在{农业银行|中国银行|赣州银行}的流动资金贷款{500|800|1000}万元{下月|本月底}到期，银行同意续贷但要求先还后贷，企业自有资金周转困难，申请使用园区转贷应急资金。',
    answer: '已审核企业转贷应急资金申请，资金已于还款前一日拨付，银行续贷已审批放款，应急资金已按期归还。',
  },
  {
    key: 'F2', category: 'funding-and-loans',
    title: '申请"财园信贷通"贷款，银行要求追加担保',
    description: '我司申请"财园信贷通"贷款{300|500}万元，合作银行要求追加法定代表人个人连带担保及房产抵押，与政策宣传不一致，希望协调。',
    answer: '经与合作银行沟通，按政策"财园信贷通"不需额外抵押，银行已调整授信方案并放款。',
  },
  {
    key: 'F3', category: 'funding-and-loans', assisting: ['经济发展局'], fits: INDUSTRIAL,
    title: '技改设备融资租赁贴息申请',
    description: '我司今年通过融资租赁方式购进{数控加工中心|自动化生产线|窑炉设备}一批，总额约{1200|1800}万元，希望申请技改设备融资租赁贴息，请告知申报条件和时间。',
    answer: '已将企业纳入本年度融资租赁贴息申报名单，指导企业提交租赁合同和付款凭证，贴息资金已按规定拨付。',
  },
  {
    key: 'F4', category: 'funding-and-loans', fits: ['trade', 'ceramics'],
    title: '出口订单大增，希望对接供应链金融产品',
    description: '我司今年出口订单同比增长约{30|40}%，备料资金需求大，应收账款账期{90|120}天，希望园区帮助对接应收账款融资、出口信保保单融资等产品。',
    answer: '已组织{两|三}家银行与企业专场对接，企业已获批出口信保保单融资额度，首笔已放款。',
  },
  {
    key: 'F5', category: 'funding-and-loans', assisting: ['科技创新局'], fits: [...INDUSTRIAL, 'it'],
    title: '申请知识产权质押融资，银行对专利估值认可度低',
    description: '我司拥有发明专利{5|8}件，希望以专利权质押申请贷款{300|500}万元，但银行对专利评估价值认可度低，希望园区协调评估机构和银行。',
    answer: '已协调评估机构完成专利价值评估，推荐企业申请知识产权质押贷款贴息，银行已审批{300|500}万元贷款。',
  },
  {
    key: 'F6', category: 'funding-and-loans',
    title: '融资担保费率偏高，申请政府性融资担保降费',
    description: '我司通过融资担保公司担保贷款，担保费率{2%|1.8%}，明显偏高，听说政府性融资担保机构对小微企业有降费政策，请帮助对接。',
    answer: '已对接市融资担保公司，企业符合小微企业降费条件，担保费率已降至1%以下，新担保合同已签订。',
  },
  {
    key: 'F7', category: 'funding-and-loans',
    title: '应收账款回款慢，资金周转紧张，申请应急转贷',
    description: '我司下游客户回款慢，应收账款超过{2000|3000}万元，银行贷款下周到期，申请园区转贷应急资金支持。',
    answer: '已审核通过企业应急转贷申请，转贷资金已拨付，银行已完成续贷，企业资金链压力已缓解。',
  },
  // 配套服务
  {
    key: 'S1', category: 'supporting-services',
    title: '园区道路路灯损坏，夜班员工通勤不安全',
    description: '{梧桐大道|长虹大道|新厂路}从我司门口往东约{500|800}米路段路灯{一个多月|两个多月}不亮，我司夜班员工有{100|200}多人，下班时路面漆黑，已发生过电动车摔倒事故，请尽快维修。',
    answer: '已安排市政维护单位检修，更换损坏线路和灯具{12|18}套，该路段路灯已全部恢复照明。',
  },
  {
    key: 'S2', category: 'supporting-services',
    title: '企业门口道路积水严重，雨天货车无法进出',
    description: '我司门口路段地势低洼，雨水管网堵塞，每逢大雨积水深达{30|40}厘米以上，货车无法进出，影响发货，请园区安排疏通改造。',
    answer: '已完成该路段雨水管网清淤疏通，新增雨水口{4|6}个，经近期降雨检验已无明显积水。',
  },
  {
    key: 'S3', category: 'supporting-services', lead: '经济发展局',
    title: '申请开通员工通勤公交线路',
    description: '我司员工多数住在{珠山区|昌江区|市区}，目前到园区没有直达公交，上下班打车成本高，影响招工留人，希望增开或调整公交线路，高峰期加密班次。',
    answer: '已协调公交公司对途经园区的线路进行优化，早晚高峰增开{2|3}趟直达班次，站点设在企业门口，已开通运行。',
  },
  {
    key: 'S4', category: 'supporting-services', lead: '经济发展局',
    title: '园区周边缺少员工食堂和生活配套',
    description: '园区{北区|东区}企业集中，但周边没有食堂、便利店，员工吃饭要跑很远，希望园区规划建设员工食堂或引进餐饮服务。',
    answer: '园区已引进餐饮企业在{北区|东区}邻里中心开设员工食堂和便利店，已试营业，企业可团餐签约。',
  },
  {
    key: 'S5', category: 'supporting-services', lead: '营商环境办公室', assisting: ['人力资源和社会保障局'],
    title: '引进技术骨干子女入学需协调',
    description: '我司引进的{8|10}名技术骨干子女今年秋季需入学，户籍不在本地，希望园区协调就近入学。',
    answer: '已与教育部门对接，企业引进人才子女按人才子女入学政策安排就近入学，已全部落实学位。',
  },
  {
    key: 'S6', category: 'supporting-services', lead: '生态环境分局',
    title: '厂区门口渣土车扬尘严重，影响车间洁净度',
    description: '我司门口道路是附近工地渣土车必经之路，车辆不覆盖、路面泥土多，扬尘严重，{精密加工|产品喷涂}车间良品率下降，请协调治理。',
    answer: '已会同城管执法部门对渣土运输车辆开展专项检查，督促工地设置洗车平台，该路段增加洒水清扫频次，扬尘问题明显改善。',
  },
  {
    key: 'S7', category: 'supporting-services', lead: '经济发展局',
    title: '希望引进快递物流企业设立园区集中收发点',
    description: '我司每天发货量{200|300}件以上，目前需要自行送往市区物流点，希望园区引进快递物流企业设立集中收发点。',
    answer: '已协调{两|三}家快递企业在园区设立集中收发点并提供上门揽收服务，企业物流成本有所下降。',
  },
  // 环评审批
  {
    key: 'E1', category: 'environmental-approval', assisting: ['行政审批局'], fits: ['project', 'aviation', 'pharma'],
    title: '新建项目环境影响评价审批，急需早日投产',
    description: '我司{功率器件封装测试|电子材料|精密零部件}项目已完成厂房建设，环评报告书已编制完成，但专家评审排期较晚，项目设备已进场，希望园区协调加快审批，让项目尽快投产。',
    answer: '已协调提前组织专家技术评审，企业按意见修改完善报告后，环评批复已出具，项目可进入试生产。',
  },
  {
    key: 'E2', category: 'environmental-approval', fits: ['ceramics'],
    title: '新增窑炉生产线，排污许可证需变更',
    description: '我司新增一条{天然气辊道窑|梭式窑}生产线，需变更排污许可证，现有许可证排放总量指标不足，希望帮助协调总量指标来源。',
    answer: '已核定企业新增污染物排放总量指标，通过区域削减替代解决指标来源，排污许可证变更已办结。',
  },
  {
    key: 'E3', category: 'environmental-approval',
    title: '危废暂存间建设标准及危废转移审批',
    description: '我司生产中产生{废切削液|废有机溶剂|废活性炭}，每年约{20|30}吨，危废暂存间建设标准不清楚，转移审批时间较长，希望得到指导。',
    answer: '已安排技术人员上门指导危废暂存间规范化建设，企业已在固废管理信息系统完成备案，危废转移计划已审批。',
  },
  {
    key: 'E4', category: 'environmental-approval',
    title: '技改项目是否需要重新做环评',
    description: '我司计划对现有生产线进行{自动化|节能}技改，不新增产能和污染物，不清楚是否需要重新编制环评文件，希望给出明确意见。',
    answer: '经审查技改方案，项目不属于重大变动，无需重新报批环评，企业在排污许可证中据实登记即可，已书面告知。',
  },
  {
    key: 'E5', category: 'environmental-approval', fits: ['aviation', 'project', 'pharma'],
    title: '喷涂工序VOCs治理设施竣工环保验收',
    description: '我司{零部件|产品}喷涂工序新上了VOCs治理设施，需要做竣工环保验收，第三方监测机构排期要一个月，希望推荐监测机构或加快验收。',
    answer: '已向企业推荐{两|三}家具备资质的监测机构，企业完成自主验收监测并公示，验收已完成。',
  },
  // 人才用工
  {
    key: 'T1', category: 'talent-and-labour',
    title: '节后招工难，急需普工{50|80|100}名',
    description: '我司新增订单排产到{年底|明年二季度}，春节后员工返岗率不到八成，急需普工{50|80|100}名、技工{10|20}名，希望园区帮助组织专场招聘。',
    answer: '已在园区人力资源市场为企业举办专场招聘会，并通过劳务协作对接外地劳务基地，首批普工已到岗。',
  },
  {
    key: 'T2', category: 'talent-and-labour', assisting: ['科技创新局'],
    title: '引进博士人才申请安家补贴',
    description: '我司今年引进{2|3}名博士研发人员，已签订{五|三}年劳动合同，希望申请人才安家补贴和科研启动经费，请告知申报流程。',
    answer: '已指导企业完成人才认定申报，{2|3}名博士均认定为高层次人才，安家补贴首期已拨付。',
  },
  {
    key: 'T3', category: 'talent-and-labour',
    title: '申请员工职业技能提升培训补贴',
    description: '我司今年组织{数控|焊接|陶瓷成型}技能培训{3|4}期，培训员工{120|150}人次，希望申请职业技能培训补贴。',
    answer: '已审核企业培训花名册和考核结果，符合条件的培训补贴已拨付至企业账户。',
  },
  {
    key: 'T4', category: 'talent-and-labour',
    title: '新引进技术人员申请人才公寓',
    description: '我司新引进技术人员{12|15}名，外地员工租房难，希望申请园区人才公寓，并了解租金优惠政策。',
    answer: '已为企业分配人才公寓{8|10}套，首年租金减半，员工已陆续入住。',
  },
  {
    key: 'T5', category: 'talent-and-labour', assisting: ['行政审批局'], fits: ['aviation', 'project', 'pharma', 'ceramics'],
    title: '外籍设备调试专家工作许可办理',
    description: '我司从{德国|日本|意大利}聘请{1|2}名设备调试专家，需办理外国人工作许可，材料要求较多，时间紧，希望提供指导。',
    answer: '已安排专人指导企业准备材料，外国人工作许可已容缺受理并办结，专家已按期到岗。',
  },
  {
    key: 'T6', category: 'talent-and-labour',
    title: '申报高校毕业生就业见习基地',
    description: '我司每年接收应届毕业生{20|30}名左右，希望申报就业见习基地，享受见习补贴。',
    answer: '企业已被认定为市级就业见习基地，见习补贴按月申领，已指导企业完成首批见习人员登记。',
  },
  // 政策兑现
  {
    key: 'G1', category: 'policy-fulfilment', assisting: ['财政金融局'], fits: INDUSTRIAL,
    title: '技改补贴已公示半年，资金仍未拨付',
    description: '我司去年实施的{智能化改造|设备更新}项目已通过验收，技改补贴{80|120|150}万元已于{年初|三月份}公示，至今未拨付，企业正值资金紧张期，希望尽快兑现。',
    answer: '经核实，补贴资金已列入本批次拨付计划，财政金融局已完成支付，企业已收到技改补贴资金。',
  },
  {
    key: 'G2', category: 'policy-fulfilment', lead: '科技创新局', assisting: ['财政金融局'], fits: [...INDUSTRIAL, 'it'],
    title: '高新技术企业认定奖励兑现进度',
    description: '我司去年首次通过高新技术企业认定，按园区政策可获得奖励{20|30}万元，申报材料已提交{两|三}个月，希望了解兑现进度。',
    answer: '已完成审核，高新技术企业认定奖励已拨付到位。',
  },
  {
    key: 'G3', category: 'policy-fulfilment', fits: [...INDUSTRIAL, 'it'],
    title: '专精特新"小巨人"企业配套奖励申报',
    description: '我司今年被认定为国家级专精特新"小巨人"企业，希望申请园区配套奖励，请告知申报材料和时间安排。',
    answer: '已指导企业提交申报材料，奖励资金已纳入本季度兑现计划并拨付。',
  },
  {
    key: 'G4', category: 'policy-fulfilment', lead: '科技创新局', fits: [...INDUSTRIAL, 'it'],
    title: '研发费用后补助申报口径咨询',
    description: '我司去年研发投入约{600|900}万元，申报研发费用后补助时，对委托外部研发费用能否计入口径不清楚，希望给予指导。',
    answer: '已组织政策解读，明确委托外部研发费用按实际发生额的80%计入，企业已据此完成申报。',
  },
  {
    key: 'G5', category: 'policy-fulfilment', fits: ['trade', 'ceramics'],
    title: '境外参展补贴材料已交，迟迟没有消息',
    description: '我司今年参加了{广交会|法兰克福春季消费品展|拉斯维加斯国际家居用品展}，按政策可申请展位费补贴，材料已提交但一直没有消息。',
    answer: '已完成参展补贴审核，补贴资金已拨付，并将企业纳入明年重点展会推荐名单。',
  },
  {
    key: 'G6', category: 'policy-fulfilment', fits: INDUSTRIAL,
    title: '首次纳入规上统计的奖励如何申报',
    description: '我司去年首次纳入规模以上工业企业统计，按政策可获得一次性奖励，希望了解申报流程。',
    answer: '已核实企业入规情况，首次入规奖励已拨付。',
  },
  // 水电气网
  {
    key: 'U1', category: 'utilities', lead: '住房和城乡建设局', fits: ['ceramics'],
    title: '新增窑炉生产线需天然气增容',
    description: '我司新上{一|两}条天然气窑炉，日用气量将增加约{3000|5000}立方米，现有管道和调压设施容量不足，申请天然气增容，希望在设备安装前完成。',
    answer: '已协调燃气公司完成增容方案设计，新建调压箱并更换进户管道，天然气增容已通气，满足窑炉点火需求。',
  },
  {
    key: 'U2', category: 'utilities', fits: [...INDUSTRIAL, 'it'],
    title: '新上产线需变压器增容{630|800|1250}千伏安',
    description: '我司新上{SMT贴片|精密加工|自动化装配}产线，现有变压器容量不够，需增容{630|800|1250}千伏安，设备{下月|月底}到货，希望加快报装。',
    answer: '已开通业扩报装绿色通道，现场勘查、方案答复、竣工检验和装表接电一次办结，增容已送电。',
  },
  {
    key: 'U3', category: 'utilities',
    title: '厂区近期频繁停电影响连续生产',
    description: '我司所在线路近两个月已停电{4|5|6}次，最长一次{3|4}个小时，生产线被迫中断，造成较大损失，希望查明原因并解决。',
    answer: '经排查，停电系线路老化和树障引起，已更换故障设备、清理树障，并将企业纳入重要用户保障名单，近期线路运行平稳。',
  },
  {
    key: 'U4', category: 'utilities', lead: '住房和城乡建设局',
    title: '园区供水管网压力不足，高峰期车间缺水',
    description: '我司位于园区{北区|东区}管网末端，每天用水高峰时水压不足，清洗工序无法正常进行，希望改善供水。',
    answer: '已协调供水公司对该片区管网进行加压改造，企业用水高峰期水压已恢复正常。',
  },
  {
    key: 'U5', category: 'utilities', lead: '经济发展局',
    title: '车间5G信号差，申请基站覆盖和宽带专线',
    description: '我司厂区移动信号差，车间内几乎没有信号，影响MES系统和AGV小车运行，同时需要申请{200|500}兆宽带专线。',
    answer: '已协调通信运营商在厂区附近新建5G基站一座，宽带专线已开通，车间信号覆盖良好。',
  },
  {
    key: 'U6', category: 'utilities', fits: INDUSTRIAL,
    title: '生产工艺不能中断，申请双回路供电',
    description: '我司生产工艺不能中断，一旦停电将造成整炉产品报废，希望申请双回路供电，请告知费用和办理周期。',
    answer: '已为企业制定双回路供电方案，第二路电源已接入，企业供电可靠性显著提高。',
  },
  // 其他
  {
    key: 'O1', category: 'other', lead: '行政审批局',
    title: '企业名称变更后多部门信息不同步',
    description: '我司{上月|今年}完成企业名称变更，但社保、公积金、银行等系统信息未同步更新，办理业务时经常提示信息不一致，需要一家家跑。',
    answer: '已通过"一件事一次办"平台推送变更信息至相关部门，社保、公积金等信息已同步更新。',
  },
  {
    key: 'O2', category: 'other', fits: ['trade', 'ceramics'],
    title: '出口产品检验检测周期长，经常耽误船期',
    description: '我司出口{日用瓷|陶瓷餐具|电子元器件}需做{铅镉溶出|安全性能}检测，送外地检测周期{15|20}天，经常耽误船期，希望在本地解决。',
    answer: '已协调市检验检测中心开通加急通道，检测周期缩短至{5|7}个工作日。',
  },
  {
    key: 'O3', category: 'other', fits: ['trade', 'ceramics', 'culture'],
    title: '商标在境外被抢注，寻求维权指导',
    description: '我司产品在{东南亚|中东}市场销路较好，近期发现商标在当地被抢注，希望获得海外维权指导和援助。',
    answer: '已对接知识产权保护中心，为企业提供海外维权援助，指导企业提出商标异议申请。',
  },
  {
    key: 'O4', category: 'other', fits: INDUSTRIAL,
    title: '特种设备定期检验排期过长',
    description: '我司{叉车|压力容器|桥式起重机}等特种设备需定期检验，检验机构排期要{一|两}个月，过期后不能使用，影响生产。',
    answer: '已协调特检机构上门集中检验，企业特种设备已全部检验合格。',
  },
  {
    key: 'O5', category: 'other', lead: '营商环境办公室', assisting: ['行政审批局'],
    title: '施工许可申请被反复要求补正材料',
    description: '我司厂房项目施工许可申请已被要求补正{三|四}次，每次补充的要求都不一样，希望一次性告知所需材料。',
    answer: '已约谈审批窗口，一次性告知补正清单，施工许可已于材料补齐次日核发，并对窗口服务问题进行了通报整改。',
  },
];

const WAITING_REASONS: Record<DemoCategoryCode, string[]> = {
  'property-certificate': ['请企业补充提供竣工测绘报告和土地出让金缴纳凭证。', '请企业补充提供宗地图及房屋平面图原件。'],
  'completion-acceptance': ['请企业补充提供消防设施检测报告和竣工图纸。', '请企业先完成现场整改并提交整改报告。'],
  'land-and-buildings': ['请企业补充项目投资协议和用地需求测算。', '请企业补充提供项目备案文件及总平面布置图。'],
  'funding-and-loans': ['请企业补充近两年财务报表及近六个月银行流水。', '请企业补充提供贷款合同和还款计划。'],
  'supporting-services': ['请企业补充提供员工通勤人数和居住分布情况。', '请企业补充现场照片及具体位置。'],
  'environmental-approval': ['请企业按专家意见修改环评报告后重新提交。', '请企业补充提供危废产生量核算及处置协议。'],
  'talent-and-labour': ['请企业补充用工需求明细（岗位、人数、薪资待遇）。', '请企业补充提供人才劳动合同及社保缴纳证明。'],
  'policy-fulfilment': ['请企业补充提供项目验收报告及发票原件。', '请企业补充专项审计报告。'],
  utilities: ['请企业补充用电（用气）负荷清单及设备参数。', '请企业确认受电工程设计方案并签字。'],
  other: ['请企业补充提供相关证明材料原件。', '请企业补充提供营业执照副本及授权委托书。'],
};

const EXTENSION_REASONS: Record<DemoCategoryCode, string> = {
  'property-certificate': '涉及历史遗留问题，需提交不动产登记联席会议研究。',
  'completion-acceptance': '企业整改尚需施工周期，需待整改完成后组织复验。',
  'land-and-buildings': '用地报批需报市自然资源部门审查，审批周期超出办理时限。',
  'funding-and-loans': '合作银行授信审批需走总行流程，预计还需两周。',
  'supporting-services': '道路和管网改造需完成采购程序，施工周期较长。',
  'environmental-approval': '需组织专家技术评审并报市生态环境局审批，审批周期超出办理时限。',
  'talent-and-labour': '专场招聘会已排期在下旬举办。',
  'policy-fulfilment': '补贴资金需按财政支付流程办理，预计还需两周。',
  utilities: '增容工程需停电施工，需与周边企业协调停电窗口。',
  other: '需等待外地检验检测机构出具报告。',
};
const GENERIC_EXTENSION_REASON = '涉及多个部门会商，协调会已安排在下周召开。';

const CATEGORY_PROGRESS: Record<DemoCategoryCode, string> = {
  'property-certificate': '已调取该宗地出让合同及规划审批档案，正在与不动产登记中心会商。',
  'completion-acceptance': '已与审验科室对接，初步安排现场验收时间。',
  'land-and-buildings': '已会同经济发展局到现场踏勘，正在研究供地方案。',
  'funding-and-loans': '已将企业融资需求推送合作银行，银行客户经理已与企业对接。',
  'supporting-services': '已安排维护单位到现场查勘，正在制定处置方案。',
  'environmental-approval': '已组织技术人员审查报告，向企业反馈了修改意见。',
  'talent-and-labour': '已在人力资源市场发布企业招聘信息。',
  'policy-fulfilment': '已核对企业申报材料，正在提请财政拨付。',
  utilities: '已安排客户经理上门勘查，正在编制供电（供气）方案。',
  other: '已与相关机构取得联系，正在对接办理。',
};
const GENERIC_PROGRESS = [
  '已电话联系企业了解详细情况，正在研究解决方案。',
  '已赴企业现场查看，初步明确解决路径。',
  '已与相关部门会商，正在走内部审批流程。',
  '已向分管领导汇报，正在协调落实。',
];
const INTERNAL_NOTES = [
  '内部备注：该企业为重点税源企业，请优先办理。',
  '内部备注：需分管领导签批后方可答复企业。',
  '内部备注：类似问题园区已有多起，建议研究出台统一办法。',
];
const INPUT_NOTES = ['配合意见：我单位已出具书面意见，同意按程序办理。', '配合意见：相关资料已提供给牵头单位。', '配合意见：已派员参加现场会商。'];
const RESUME_NOTES = ['企业已补齐材料，恢复办理。', '企业已提交修改后的材料。'];
const EXTENSION_APPROVALS = ['同意延期，请在新的期限内办结。', '同意，请每周向企业通报进展。'];
const EXTENSION_REFUSAL = '该事项可在原时限内办结，不同意延期，请加快办理。';
const DECLINE_REASONS = [
  '该事项属于企业与供应商之间的合同纠纷，不属于园区诉求受理范围，建议通过仲裁或诉讼途径解决。',
  '所反映事项为劳动争议个案，已告知企业向劳动人事争议仲裁委员会申请仲裁。',
  '企业申请的补贴项目不在现行政策范围内，已向企业解释政策口径。',
  '诉求内容不明确，经电话联系企业，企业表示暂不需要协调。',
  '该事项属于市级部门事权，已告知企业办理渠道及联系方式。',
];
const DUPLICATE_DECLINE = '与此前反映的同一事项重复，该事项已办结，不再重复受理。';
const DUPLICATE_PREFIXES = ['此前已向挂点干部反映过，至今未见答复，再次反映：', '再次反映：', '补充反映：'];
const RETURN_REASONS = ['该事项不属于本单位职责范围，请重新分派。', '该事项涉及市级部门事权，本单位无法牵头，请重新分派。'];
const CONFIRM_COMMENTS: Record<Satisfaction, (string | null)[]> = {
  satisfied: ['问题已解决，感谢园区和各部门的高效协调！', '办理速度很快，为园区营商环境点赞。', '部门主动上门服务，非常满意。', null, null, null],
  'basically-satisfied': ['问题基本解决，但整体用时偏长，希望后续能再快一些。', '主要问题已解决，个别细节企业自行跟进。', '答复比较清楚，但希望能有更具体的时间表。'],
  dissatisfied: ['答复只是转述政策规定，实际问题没有解决，希望再协调。', '说已经协调，但现场情况没有变化，请再跟进。', '办理结果与企业诉求差距较大，请再研究。'],
};
const PHONE_FOLLOW_UP: Record<Satisfaction, string> = { satisfied: '电话回访，企业表示满意。', 'basically-satisfied': '电话回访，企业表示基本满意。', dissatisfied: '电话回访，企业表示不满意。' };
const CHANNEL_PREFIX: Record<DemandChannel, string> = { portal: '', visit: '走访中企业反映：', cadre: '{name}反映：', hotline: '企业来电反映：' };

// ─── The world the generator needs ─────────────────────────────────────────
export type DemoPerson = { id: string | null; name: string };
export type DemoDemandEnterprise = {
  id: string;
  name: string;
  group: EnterpriseGroup | null;
  legalRepresentative: string | null;
  contacts: { name: string; phone: string | null }[];
  cadreId: string | null;
  /** The enterprise's liaison leader (包联领导): owns its demands unless a leader filed them on a visit. */
  leaderId: string | null;
};
export type DemoDemandWorld = {
  zoneId: string;
  now: Date;
  /** The zone's date at `now`. */
  today: string;
  timeZone: string;
  calendar: WorkingCalendar;
  categories: { code: string; name: string; deadlineDays: number }[];
  /** Department name → id. */
  departments: ReadonlyMap<string, string>;
  coordinator: DemoPerson;
  leaders: DemoPerson[];
  /** The demo enterprise user and the enterprise it speaks for. */
  enterpriseUser: DemoPerson | null;
  ownEnterpriseId: string | null;
  /** A handler (role department) by department id; a department without one acts under its own name. */
  departmentUsers: ReadonlyMap<string, DemoPerson>;
  /** Users by id (a cadre reports for the enterprises in its care). */
  users: ReadonlyMap<string, DemoPerson>;
  enterprises: DemoDemandEnterprise[];
  /** About how many demands (default 500). */
  count?: number;
};

const OFFICE: [number, number] = [8 * 60 + 30, 17 * 60 + 30];
const ANY_TIME: [number, number] = [7 * 60, 23 * 60];

class Stop extends Error {}

class Gen {
  readonly rnd: () => number;
  private readonly idRnd: () => number;
  readonly nowMs: number;
  readonly todayStart: number;
  private readonly starts = new Map<string, number>();
  readonly departmentNames: Map<string, string>;
  readonly system: DemoPerson = { id: null, name: '系统（督办）' };

  constructor(readonly w: DemoDemandWorld) {
    this.rnd = seededRandom(20250917);
    this.idRnd = seededRandom(7_31_2026);
    this.nowMs = w.now.getTime();
    this.todayStart = this.dayStart(w.today);
    this.departmentNames = new Map([...w.departments].map(([name, id]) => [id, name]));
  }

  int(a: number, b: number): number {
    return a + Math.floor(this.rnd() * (b - a + 1));
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)]!;
  }
  weighted<T>(xs: readonly T[], weight: (x: T) => number): T {
    const total = xs.reduce((s, x) => s + weight(x), 0);
    let r = this.rnd() * total;
    for (const x of xs) {
      r -= weight(x);
      if (r < 0) return x;
    }
    return xs[xs.length - 1]!;
  }
  /** A version-4 shaped UUID from its own stream, so ids do not shift the story. */
  uuid(): string {
    const bytes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const v = Math.floor(this.idRnd() * 4294967296);
      bytes.push((v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255);
    }
    bytes[6] = (bytes[6]! & 0x0f) | 0x40;
    bytes[8] = (bytes[8]! & 0x3f) | 0x80;
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }

  dayStart(day: string): number {
    let ms = this.starts.get(day);
    if (ms === undefined) {
      ms = startOfDayInZone(day, this.w.timeZone).getTime();
      this.starts.set(day, ms);
    }
    return ms;
  }
  /** The instant of `minute`:`sec` on `day`; today's day is squeezed into the part before now. */
  instant(day: string, minute: number, sec: number): number {
    const offset = (minute * 60 + sec) * 1000;
    if (day !== this.w.today) return this.dayStart(day) + offset;
    return this.todayStart + Math.floor((offset / 86_400_000) * Math.max(0, this.nowMs - this.todayStart - 60_000));
  }

  working(day: string): boolean {
    return isWorkingDay(this.w.calendar, day).workingDay;
  }
  /** The n-th working day after `day` (n = 0: `day` itself). */
  wd(day: string, n: number): string {
    return addWorkingDays(this.w.calendar, day, n).due;
  }
  /** The last working day strictly before `day`. */
  previousWorkingDay(day: string): string {
    let d = addDays(day, -1);
    while (!this.working(d)) d = addDays(d, -1);
    return d;
  }
  /** n working days before today (0: today, or the last working day when today is not one). */
  back(n: number): string {
    let d = this.working(this.w.today) ? this.w.today : this.previousWorkingDay(this.w.today);
    for (let i = 0; i < n; i++) d = this.previousWorkingDay(d);
    return d;
  }
  /** A working day in [from, to], or `from` when there is none. */
  between(from: string, to: string): string {
    const days: string[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) if (this.working(d)) days.push(d);
    return days.length ? this.pick(days) : from;
  }

  departmentId(name: string | undefined): string | null {
    return name ? (this.w.departments.get(name) ?? null) : null;
  }
  handler(departmentId: string): DemoPerson {
    return this.w.departmentUsers.get(departmentId) ?? { id: null, name: this.departmentNames.get(departmentId) ?? '责任单位' };
  }
  category(code: string) {
    return this.w.categories.find((c) => c.code === code);
  }
}

/** `{甲|乙}` alternatives (memoised per demand) and {name}, {contact}, {phone}. */
function render(g: Gen, text: string, vars: Record<string, string>, memo: Map<string, string>): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, inner: string) => {
    if (!inner.includes('|')) return vars[inner] ?? whole;
    let chosen = memo.get(inner);
    if (chosen === undefined) {
      chosen = g.pick(inner.split('|'));
      memo.set(inner, chosen);
    }
    return chosen;
  });
}

// ─── One demand's life ─────────────────────────────────────────────────────
type Spec = {
  id: string;
  template: DemandTemplate;
  enterprise: DemoDemandEnterprise;
  channel: DemandChannel;
  submitter: DemoPerson;
  ownerLeaderId: string | null;
  confidentiality: Confidentiality;
  day: string;
  minute: number;
  at: number;
  title: string;
  description: string;
  /** The enterprise's words without the channel's lead-in and the contact line. */
  body: string;
  answer: string;
  lead: string;
  assisting: string[];
  script: (l: Life) => void;
};

type PendingJob = { row: DemoJobRow; runAt: number; fired: boolean };

class Life {
  readonly row: DemoDemandRow;
  readonly events: DemoEventRow[] = [];
  readonly extensions: DemoExtensionRow[] = [];
  readonly escalations: DemoEscalationRow[] = [];
  readonly jobs: PendingJob[] = [];
  assisting: string[] = [];
  private readonly history: { at: number; status: DemandStatus }[] = [];
  private pending: DemoExtensionRow | null = null;
  lastAt: number;
  cursorDay: string;
  cursorMinute: number;

  constructor(private readonly g: Gen, readonly spec: Spec, number: string) {
    const e = spec.enterprise;
    const names = { enterpriseNames: [e.name], personNames: [e.legalRepresentative, ...e.contacts.map((c) => c.name)].filter((n): n is string => !!n) };
    const at = new Date(spec.at);
    this.row = {
      zoneId: g.w.zoneId,
      id: spec.id,
      number,
      enterpriseId: e.id,
      title: spec.title,
      description: spec.description,
      categoryCode: spec.template.category,
      channel: spec.channel,
      confidentiality: spec.confidentiality,
      anonymisedTitle: anonymiseDemandText(spec.title, names),
      anonymisedDescription: anonymiseDemandText(spec.description, names),
      status: 'submitted',
      submittedBy: spec.submitter.id,
      submittedAt: at,
      ownerLeaderId: spec.ownerLeaderId,
      searchTokens: searchTokens(`${number} ${spec.title} ${spec.description} ${e.name}`),
      isDemo: true,
      createdAt: at,
      updatedAt: at,
    };
    this.lastAt = spec.at;
    this.cursorDay = spec.day;
    this.cursorMinute = spec.minute;
    this.history.push({ at: spec.at, status: 'submitted' });
    this.event(spec.at, spec.submitter, 'submitted', { data: { channel: spec.channel, categoryName: this.categoryName } });
  }

  get id(): string {
    return this.row.id;
  }
  get number(): string {
    return this.row.number;
  }
  get status(): DemandStatus {
    return this.row.status as DemandStatus;
  }
  get dueOn(): string {
    if (!this.row.dueOn) throw new Error(`demo demand ${this.number} has no deadline`);
    return this.row.dueOn;
  }
  private get categoryName(): string {
    return this.g.category(this.row.categoryCode)?.name ?? this.row.categoryCode;
  }
  private get deadlineDays(): number {
    return this.g.category(this.row.categoryCode)?.deadlineDays ?? 5;
  }
  private get lead(): DemoPerson {
    return this.g.handler(this.row.leadDepartmentId!);
  }

  statusAt(ms: number): DemandStatus {
    let s: DemandStatus = 'submitted';
    for (const h of this.history) if (h.at <= ms) s = h.status;
    return s;
  }

  private setStatus(status: DemandStatus, at: number) {
    this.row.status = status;
    this.history.push({ at, status });
  }

  /** The state machine's verdict, as the services ask for it; a refusal is a bug in the story. */
  private decide(action: DemandAction, party: DemandParty, options: ActionOptions = {}): DemandStatus {
    const d = decideDemandAction({ status: this.status, hasPendingExtension: this.pending !== null }, new Set([party]), action, options);
    if (!d.ok) throw new Error(`demo demand ${this.number}: ${action} by ${party} refused (${d.refusal}) while ${this.status}`);
    return d.next;
  }

  event(at: number, by: DemoPerson, kind: string, o: { note?: string | null; internal?: boolean; data?: Record<string, unknown> } = {}) {
    this.events.push({
      zoneId: this.g.w.zoneId, id: this.g.uuid(), demandId: this.id, at: new Date(at), actorId: by.id, actorName: by.name, kind,
      internal: o.internal ?? false, note: o.note ?? null, data: o.data ?? {},
    });
    if (at > (this.row.updatedAt as Date).getTime()) this.row.updatedAt = new Date(at);
  }

  /**
   * The instant of the next action on `day` (office hours, or a little after the previous action on
   * the same day), having fired the jobs due before it. Throws Stop when that lies after now.
   */
  private at(day: string, window: [number, number] = OFFICE): number {
    const g = this.g;
    if (day < this.cursorDay) day = this.cursorDay;
    if (day > g.w.today) throw new Stop();
    const minute = day === this.cursorDay ? Math.min(23 * 60 + 55, this.cursorMinute + g.int(6, 75)) : g.int(window[0], window[1]);
    let ms = g.instant(day, minute, g.int(0, 59));
    if (ms <= this.lastAt) ms = this.lastAt + 1000;
    if (ms > g.nowMs) throw new Stop();
    this.cursorDay = day;
    this.cursorMinute = minute;
    this.advance(ms);
    this.lastAt = ms;
    return ms;
  }

  // ─── Jobs, as demand-change.ts schedules them and demand-jobs.ts runs them ───
  private schedule(kind: string, key: string, runAt: number, payload: Record<string, unknown>, createdAt: number) {
    if (this.jobs.some((j) => j.row.kind === kind && j.row.key === key)) return;
    this.jobs.push({
      runAt,
      fired: false,
      row: { zoneId: this.g.w.zoneId, id: this.g.uuid(), kind, key, runAt: new Date(runAt), payload, state: 'pending', attempts: 0, createdAt: new Date(createdAt) },
    });
  }

  private scheduleDeadlineJobs(today: string, dueOn: string, at: number) {
    const g = this.g;
    const remindOn = reminderDay(g.w.calendar, dueOn, today);
    const payload = { demandId: this.id, dueOn };
    this.schedule('demand.remind', `${this.id}:${dueOn}`, g.dayStart(remindOn) + 9 * 3_600_000, payload, at);
    this.schedule('demand.escalate', `${this.id}:${dueOn}`, g.dayStart(addDays(dueOn, 1)), payload, at);
  }

  /** Runs the jobs due up to `until`, in order, each doing what its handler would do then. */
  advance(until: number) {
    for (;;) {
      const next = this.jobs.filter((j) => !j.fired && j.runAt <= until).sort((a, b) => a.runAt - b.runAt)[0];
      if (!next) return;
      const at = Math.min(until, Math.max(next.runAt, this.lastAt) + this.g.int(1, 30) * 1000);
      next.fired = true;
      Object.assign(next.row, { state: 'done', attempts: 1, doneAt: new Date(at) });
      this.lastAt = Math.max(this.lastAt, at);
      const payload = next.row.payload as { dueOn?: string; settledAt?: string };
      const stillDue = (this.status === 'assigned' || this.status === 'in_progress') && this.row.dueOn === payload.dueOn;
      if (next.row.kind === 'demand.remind' && stillDue) {
        this.event(at, this.g.system, 'reminded', { internal: true, data: { dueOn: this.row.dueOn } });
      } else if (next.row.kind === 'demand.escalate' && stillDue) {
        this.escalations.push({ zoneId: this.g.w.zoneId, id: this.g.uuid(), demandId: this.id, level: 2, reason: 'overdue', at: new Date(at) });
        this.row.escalationLevel = Math.max(this.row.escalationLevel ?? 0, 2);
        this.row.escalatedAt = new Date(at);
        this.event(at, this.g.system, 'escalated', { internal: true, data: { reason: 'overdue', dueOn: this.row.dueOn, level: 2 } });
      } else if (next.row.kind === 'demand.auto_close' && this.status === 'settled' && this.row.settledAt?.toISOString() === payload.settledAt) {
        this.setStatus(this.decide('auto_close', 'system'), at);
        this.row.closedAt = new Date(at);
        this.row.confirmedByDefault = true;
        this.event(at, this.g.system, 'auto_closed');
      }
    }
  }

  finish() {
    this.advance(this.g.nowMs);
  }

  // ─── Actions, as demand-actions.service.ts writes them ───
  accept(day: string) {
    const t = this.at(day);
    this.setStatus(this.decide('accept', 'coordinator'), t);
    this.row.acceptedAt = new Date(t);
    this.event(t, this.g.w.coordinator, 'accepted');
  }

  decline(day: string, reason: string) {
    const t = this.at(day);
    this.setStatus(this.decide('decline', 'coordinator'), t);
    this.row.declineReason = reason;
    this.row.closedAt = new Date(t);
    this.event(t, this.g.w.coordinator, 'declined', { note: reason });
  }

  assign(day: string, leadDepartmentId: string, assisting: string[]) {
    const g = this.g;
    const t = this.at(day);
    const next = this.decide('assign', 'coordinator');
    const days = this.deadlineDays;
    const deadline = computeDeadline(g.w.calendar, { baseOn: day, days, pausedDays: 0 });
    const reassigned = (this.row.leadDepartmentId ?? null) !== null || this.status === 'assigned';
    this.assisting = [...new Set(assisting.filter((d) => d !== leadDepartmentId))];
    this.setStatus(next, t);
    Object.assign(this.row, {
      leadDepartmentId, acceptedAt: this.row.acceptedAt ?? new Date(t), assignedAt: new Date(t), acknowledgedAt: null, deadlineBaseOn: day,
      deadlineDays: days, pausedDays: 0, dueOn: deadline.dueOn, dueProvisional: deadline.provisional, waitingSince: null,
    });
    this.event(t, g.w.coordinator, reassigned ? 'reassigned' : 'assigned', {
      data: {
        leadDepartmentName: g.departmentNames.get(leadDepartmentId), assistingDepartmentIds: this.assisting, days, dueOn: deadline.dueOn,
        provisional: deadline.provisional, categoryName: this.categoryName,
      },
    });
    this.scheduleDeadlineJobs(day, deadline.dueOn, t);
  }

  acknowledge(day: string) {
    const t = this.at(day);
    this.setStatus(this.decide('acknowledge', 'lead'), t);
    this.row.acknowledgedAt = new Date(t);
    this.event(t, this.lead, 'acknowledged');
  }

  progress(day: string, note: string, by: 'lead' | 'coordinator' = 'lead', internal = false) {
    const t = this.at(day);
    this.decide('progress', by);
    this.event(t, by === 'lead' ? this.lead : this.g.w.coordinator, 'progress', { note, internal });
  }

  /** A note by an assisting department: recorded as "input", internal. */
  input(day: string, departmentId: string, note: string) {
    const t = this.at(day);
    this.decide('progress', 'assisting');
    this.event(t, this.g.handler(departmentId), 'input', { note, internal: true });
  }

  wait(day: string, reason: string) {
    const t = this.at(day);
    this.setStatus(this.decide('wait', 'lead'), t);
    this.row.waitingSince = day;
    this.row.acknowledgedAt = this.row.acknowledgedAt ?? new Date(t);
    this.event(t, this.lead, 'waiting', { note: reason });
  }

  resume(day: string, note: string | null, by: 'lead' | 'coordinator' = 'lead') {
    const g = this.g;
    const t = this.at(day);
    this.setStatus(this.decide('resume', by), t);
    const paused = pausedWorkingDays(g.w.calendar, this.row.waitingSince ?? day, day);
    const pausedDays = (this.row.pausedDays ?? 0) + paused;
    const deadline = computeDeadline(g.w.calendar, { baseOn: this.row.deadlineBaseOn ?? day, days: this.row.deadlineDays ?? 0, pausedDays });
    Object.assign(this.row, { waitingSince: null, pausedDays, dueOn: deadline.dueOn, dueProvisional: deadline.provisional });
    this.event(t, by === 'lead' ? this.lead : g.w.coordinator, 'resumed', { note, data: { pausedDays: paused, dueOn: deadline.dueOn } });
    this.scheduleDeadlineJobs(day, deadline.dueOn, t);
  }

  requestExtension(day: string, newDueOn: string, reason: string) {
    const t = this.at(day);
    this.decide('request_extension', 'lead');
    if (newDueOn <= this.dueOn || !this.g.working(newDueOn)) throw new Error(`demo demand ${this.number}: bad extension to ${newDueOn}`);
    const ext: DemoExtensionRow = {
      zoneId: this.g.w.zoneId, id: this.g.uuid(), demandId: this.id, requestedDueOn: newDueOn, previousDueOn: this.dueOn, reason, status: 'pending',
      requestedBy: this.lead.id, requestedAt: new Date(t),
    };
    this.extensions.push(ext);
    this.pending = ext;
    this.event(t, this.lead, 'extension_requested', { note: reason, internal: true, data: { extensionId: ext.id, newDueOn, previousDueOn: this.dueOn } });
  }

  decideExtension(day: string, approve: boolean, note: string | null) {
    const g = this.g;
    const t = this.at(day);
    this.decide('decide_extension', 'coordinator');
    const ext = this.pending!;
    Object.assign(ext, { status: approve ? 'approved' : 'refused', decidedBy: g.w.coordinator.id, decidedAt: new Date(t), decisionNote: note });
    this.pending = null;
    if (!approve) {
      this.event(t, g.w.coordinator, 'extension_refused', { note, internal: true, data: { extensionId: ext.id, requestedDueOn: ext.requestedDueOn } });
      return;
    }
    const deadline = computeDeadline(g.w.calendar, { baseOn: ext.requestedDueOn, days: 0, pausedDays: 0 });
    Object.assign(this.row, { deadlineBaseOn: ext.requestedDueOn, deadlineDays: 0, pausedDays: 0, dueOn: deadline.dueOn, dueProvisional: deadline.provisional, extended: true });
    this.event(t, g.w.coordinator, 'extension_approved', {
      note: ext.reason, data: { extensionId: ext.id, previousDueOn: ext.previousDueOn, newDueOn: deadline.dueOn, decisionNote: note },
    });
    if (this.status !== 'waiting') this.scheduleDeadlineJobs(day, deadline.dueOn, t);
  }

  settle(day: string, answer: string) {
    const g = this.g;
    const t = this.at(day);
    this.setStatus(this.decide('settle', 'lead'), t);
    const onTime = this.row.dueOn ? settledOnTime(day, this.row.dueOn) : true;
    const confirmBy = addWorkingDays(g.w.calendar, day, CONFIRMATION_WORKING_DAYS).due;
    for (const e of this.escalations) if (!e.resolvedAt) e.resolvedAt = new Date(t);
    Object.assign(this.row, {
      answer, settledAt: new Date(t), settledOnTime: onTime, acknowledgedAt: this.row.acknowledgedAt ?? new Date(t), resolved: null, satisfaction: null, confirmComment: null,
    });
    this.event(t, this.lead, 'settled', { note: answer, data: { onTime, dueOn: this.row.dueOn ?? null, confirmBy } });
    const settledAt = new Date(t).toISOString();
    this.schedule('demand.auto_close', `${this.id}:${settledAt}`, g.dayStart(addDays(confirmBy, 1)), { demandId: this.id, settledAt }, t);
  }

  confirm(day: string, resolved: boolean, satisfaction: Satisfaction, comment: string | null, by: DemoPerson, party: 'enterprise' | 'coordinator') {
    const g = this.g;
    const t = this.at(day);
    const next = this.decide('confirm', party, { resolved });
    if (resolved) {
      this.setStatus(next, t);
      Object.assign(this.row, { closedAt: new Date(t), resolved: true, satisfaction, confirmComment: comment });
      this.event(t, by, 'confirmed', { note: comment, data: { resolved: true, satisfaction } });
      return;
    }
    const reopenCount = (this.row.reopenCount ?? 0) + 1;
    const level = Math.max(this.row.escalationLevel ?? 0, reopenCount >= 2 ? 2 : 1);
    const days = this.deadlineDays;
    const deadline = computeDeadline(g.w.calendar, { baseOn: day, days, pausedDays: 0 });
    this.escalations.push({ zoneId: g.w.zoneId, id: g.uuid(), demandId: this.id, level, reason: 'reopened', at: new Date(t) });
    this.setStatus(next, t);
    Object.assign(this.row, {
      reopenCount, escalationLevel: level, escalatedAt: new Date(t), resolved: false, satisfaction, confirmComment: comment, settledAt: null,
      settledOnTime: null, acknowledgedAt: null, deadlineBaseOn: day, deadlineDays: days, pausedDays: 0, dueOn: deadline.dueOn,
      dueProvisional: deadline.provisional,
    });
    this.event(t, by, 'confirmed', { note: comment, data: { resolved: false, satisfaction } });
    this.event(t, by, 'reopened', { data: { reopenCount, dueOn: deadline.dueOn, escalationLevel: level } });
    this.scheduleDeadlineJobs(day, deadline.dueOn, t);
  }

  /** 退回: the lead department says it is not its business. */
  giveBack(day: string, reason: string) {
    const t = this.at(day);
    const by = this.lead;
    const department = this.g.departmentNames.get(this.row.leadDepartmentId!) ?? '';
    this.setStatus(this.decide('return', 'lead'), t);
    const bounces = (this.row.bounceCount ?? 0) + 1;
    this.assisting = [];
    Object.assign(this.row, {
      bounceCount: bounces, leadDepartmentId: null, dueOn: null, dueProvisional: false, acknowledgedAt: null, waitingSince: null,
      deadlineBaseOn: null, deadlineDays: null, pausedDays: 0,
    });
    this.event(t, by, 'returned', { note: reason, internal: true, data: { departmentName: department, bounceCount: bounces } });
    if (bounces > BOUNCE_FLAG_THRESHOLD) this.event(t, by, 'flagged', { internal: true, data: { bounceCount: bounces } });
  }

  /** Merges this demand into `target` when the target is still open then; otherwise declines it as a duplicate. */
  mergeInto(day: string, target: Life) {
    const t = this.at(day);
    if (target.row.enterpriseId !== this.row.enterpriseId || !OPEN_STATUSES.includes(target.statusAt(t))) {
      this.setStatus(this.decide('decline', 'coordinator'), t);
      this.row.declineReason = DUPLICATE_DECLINE;
      this.row.closedAt = new Date(t);
      this.event(t, this.g.w.coordinator, 'declined', { note: DUPLICATE_DECLINE });
      return;
    }
    this.setStatus(this.decide('merge', 'coordinator'), t);
    this.row.mergedIntoId = target.id;
    this.row.closedAt = new Date(t);
    this.event(t, this.g.w.coordinator, 'merged_into', { data: { id: target.id, number: target.number } });
    target.event(t, this.g.w.coordinator, 'merged_from', { data: { id: this.id, number: this.number } });
  }
}

// ─── Stories ───────────────────────────────────────────────────────────────
type Confirmation = 'satisfied' | 'basically-satisfied' | 'dissatisfied' | 'none';

type Fate = {
  decline: string | null;
  declineAfterAccept: boolean;
  direct: boolean;
  bounces: number;
  ack: boolean;
  ackLag: number;
  progress: number;
  internalNote: boolean;
  input: boolean;
  wait: boolean;
  waitLength: number;
  extension: 'approved' | 'refused' | null;
  late: boolean;
  lateBy: number;
  confirmation: Confirmation;
};

function randomFate(g: Gen): Fate {
  const r = g.rnd();
  return {
    decline: g.chance(0.05) ? g.pick(DECLINE_REASONS) : null,
    declineAfterAccept: g.chance(0.4),
    direct: g.chance(0.25),
    bounces: g.chance(0.04) ? 1 : 0,
    ack: g.chance(0.92),
    ackLag: g.chance(0.6) ? 0 : 1,
    progress: g.weighted([0, 1, 2], (n) => [0.3, 0.5, 0.2][n]!),
    internalNote: g.chance(0.1),
    input: g.chance(0.6),
    wait: g.chance(0.12),
    waitLength: g.int(2, 8),
    extension: g.chance(0.1) ? (g.chance(0.85) ? 'approved' : 'refused') : null,
    late: g.chance(0.09),
    lateBy: g.int(1, 6),
    confirmation: r < 0.13 ? 'none' : r < 0.17 ? 'dissatisfied' : r < 0.32 ? 'basically-satisfied' : 'satisfied',
  };
}

function progressNote(g: Gen, l: Life): string {
  return g.chance(0.5) ? CATEGORY_PROGRESS[l.spec.template.category] : g.pick(GENERIC_PROGRESS);
}

/** The coordinator looks at a new demand the same working day when it came in office hours, else the next. */
function triageDay(g: Gen, l: Life): string {
  const d = l.cursorDay;
  const first = l.cursorMinute > 16 * 60 || !g.working(d) ? g.wd(d, 1) : d;
  return g.chance(0.2) ? g.wd(first, 1) : first;
}

/** Who answers the follow-up: the enterprise user for its own enterprise, else the coordinator by phone. */
function confirmer(g: Gen, l: Life): { by: DemoPerson; party: 'enterprise' | 'coordinator'; phone: boolean } {
  const own = g.w.enterpriseUser && l.row.enterpriseId === g.w.ownEnterpriseId;
  return own ? { by: g.w.enterpriseUser!, party: 'enterprise', phone: false } : { by: g.w.coordinator, party: 'coordinator', phone: true };
}

function confirmComment(g: Gen, satisfaction: Satisfaction, phone: boolean): string | null {
  const comment = g.pick(CONFIRM_COMMENTS[satisfaction]);
  if (!phone) return comment;
  return comment ? `${PHONE_FOLLOW_UP[satisfaction]}${comment}` : PHONE_FOLLOW_UP[satisfaction];
}

function followUp(g: Gen, l: Life, kind: Confirmation, settledOn: string, round = 0) {
  if (kind === 'none') return; // the automatic-closing job closes it as confirmed by default
  const day = g.wd(settledOn, g.int(0, 3));
  const who = confirmer(g, l);
  if (kind !== 'dissatisfied') {
    l.confirm(day, true, kind, confirmComment(g, kind, who.phone), who.by, who.party);
    return;
  }
  l.confirm(day, false, 'dissatisfied', confirmComment(g, 'dissatisfied', who.phone), who.by, who.party);
  let next = g.wd(day, g.int(0, 1));
  l.acknowledge(next);
  next = g.between(next, l.dueOn);
  l.progress(next, '已根据企业回访意见再次到现场核实，正在重新协调。');
  const settledAgain = g.between(next, l.dueOn);
  l.settle(settledAgain, `根据企业回访意见再次协调：${l.spec.answer}`);
  const again: Confirmation = round === 0 && g.chance(0.1) ? 'dissatisfied' : g.pick(['satisfied', 'basically-satisfied', 'basically-satisfied', 'none'] as const);
  followUp(g, l, again, settledAgain, round + 1);
}

/** From assignment to settlement and the follow-up. */
function handle(g: Gen, l: Life, f: Fate, assignedOn: string) {
  let day = assignedOn;
  const category = l.spec.template.category;
  if (f.ack) {
    day = g.wd(day, f.ackLag);
    if (day > l.dueOn) day = l.dueOn;
    l.acknowledge(day);
  }
  if (f.wait) {
    const waitOn = g.between(day, l.dueOn);
    l.wait(waitOn, g.pick(WAITING_REASONS[category]));
    day = g.wd(waitOn, f.waitLength);
    l.resume(day, g.chance(0.6) ? g.pick(RESUME_NOTES) : null, g.chance(0.8) ? 'lead' : 'coordinator');
  }
  for (let i = 0; i < f.progress; i++) {
    day = g.between(day, l.dueOn);
    l.progress(day, progressNote(g, l));
  }
  if (f.input && l.assisting.length > 0) {
    day = g.between(day, l.dueOn);
    l.input(day, l.assisting[0]!, g.pick(INPUT_NOTES));
  }
  if (f.internalNote) l.progress(day, g.pick(INTERNAL_NOTES), g.chance(0.5) ? 'lead' : 'coordinator', true);
  if (f.extension) {
    const due = l.dueOn;
    let requestOn = g.previousWorkingDay(due);
    if (requestOn < day) requestOn = day;
    if (requestOn > due) requestOn = due;
    l.requestExtension(requestOn, g.wd(due, g.int(5, 10)), g.chance(0.8) ? EXTENSION_REASONS[category] : GENERIC_EXTENSION_REASON);
    const decideOn = requestOn < due && g.chance(0.5) ? g.wd(requestOn, 1) : requestOn;
    l.decideExtension(decideOn, f.extension === 'approved', f.extension === 'approved' ? (g.chance(0.5) ? g.pick(EXTENSION_APPROVALS) : null) : EXTENSION_REFUSAL);
    day = decideOn;
  }
  let settleOn = f.late ? g.wd(l.dueOn, f.lateBy) : g.between(day, l.dueOn);
  if (settleOn < day) settleOn = day;
  l.settle(settleOn, l.spec.answer);
  followUp(g, l, f.confirmation, settleOn);
}

function responsibleDepartments(g: Gen): string[] {
  return Object.values(CATEGORY_LEAD_DEPARTMENTS)
    .concat(['人力资源和社会保障局', '经济发展局', '科技创新局'])
    .map((n) => g.departmentId(n))
    .filter((id): id is string => id !== null);
}

function standardLife(g: Gen, f: Fate) {
  return (l: Life) => {
    let day = triageDay(g, l);
    if (f.decline) {
      if (f.declineAfterAccept) {
        l.accept(day);
        day = g.wd(day, g.int(0, 1));
      }
      l.decline(day, f.decline);
      return;
    }
    if (!f.direct) {
      l.accept(day);
      if (g.chance(0.3)) day = g.wd(day, 1);
    }
    for (let b = 0; b < f.bounces; b++) {
      const wrong = g.pick(responsibleDepartments(g).filter((d) => d !== l.spec.lead));
      l.assign(day, wrong, []);
      day = g.wd(day, g.int(0, 1));
      l.giveBack(day, `该事项不属于本单位职责范围，建议转${g.departmentNames.get(l.spec.lead)}办理。`);
      day = g.wd(day, g.int(0, 1));
    }
    l.assign(day, l.spec.lead, l.spec.assisting);
    handle(g, l, f, day);
  };
}

// ─── Building the specs ────────────────────────────────────────────────────
type SpecOptions = {
  template: DemandTemplate;
  enterprise: DemoDemandEnterprise;
  channel: DemandChannel;
  day: string;
  minute?: number;
  script: (l: Life) => void;
  submitter?: DemoPerson;
  title?: string;
  description?: string;
  lead?: string;
  assisting?: string[];
  confidentiality?: Confidentiality;
};

function makeSpec(g: Gen, o: SpecOptions): Spec {
  const t = o.template;
  const e = o.enterprise;
  const minute = o.minute ?? g.int(...(o.channel === 'portal' ? ANY_TIME : OFFICE));
  const sec = g.int(0, 59);
  const memo = new Map<string, string>();
  const contact = e.contacts[0];
  const vars = { name: e.name, contact: contact?.name ?? '', phone: contact?.phone ?? '' };
  const title = o.title ?? render(g, t.title, vars, memo);
  const body = o.description ?? render(g, t.description, vars, memo);
  let description = body;
  if (!o.description) {
    description = render(g, CHANNEL_PREFIX[o.channel], vars, memo) + description;
    if (contact && g.chance(0.35)) description += `联系人：${contact.name}${contact.phone ? `，电话${contact.phone}` : ''}。`;
  }
  const answer = render(g, t.answer, vars, memo);
  let submitter = o.submitter;
  let ownerLeaderId: string | null = null;
  if (!submitter) {
    if (o.channel === 'visit') {
      submitter = g.w.leaders.length ? g.weighted(g.w.leaders, (p) => (p === g.w.leaders[0] ? 0.55 : 0.45)) : g.w.coordinator;
    } else if (o.channel === 'cadre') {
      submitter = (e.cadreId ? g.w.users.get(e.cadreId) : undefined) ?? g.w.coordinator;
    } else if (o.channel === 'hotline') {
      submitter = g.w.coordinator;
    } else {
      const own = g.w.enterpriseUser && e.id === g.w.ownEnterpriseId;
      submitter = own ? g.w.enterpriseUser! : { id: null, name: contact?.name ?? e.name };
    }
  }
  // As createDemand does: the leader who filed it on a visit, else the enterprise's liaison leader.
  if (o.channel === 'visit' && g.w.leaders.some((p) => p.id === submitter!.id)) ownerLeaderId = submitter.id;
  else ownerLeaderId = e.leaderId ?? (o.channel === 'visit' ? (g.w.leaders[0]?.id ?? null) : null);
  const lead = (o.lead ? g.departmentId(o.lead) : null) ?? g.departmentId(t.lead) ?? g.departmentId(CATEGORY_LEAD_DEPARTMENTS[t.category]) ?? responsibleDepartments(g)[0]!;
  const assistingNames = o.assisting ?? (t.assisting && g.chance(0.45) ? [g.pick(t.assisting)] : []);
  const confidentiality = o.confidentiality ?? g.weighted(['public', 'anonymised', 'private'] as const, (c) => ({ public: 0.75, anonymised: 0.2, private: 0.05 })[c]);
  return {
    id: g.uuid(),
    template: t,
    enterprise: e,
    channel: o.channel,
    submitter,
    ownerLeaderId,
    confidentiality,
    day: o.day,
    minute,
    at: g.instant(o.day, minute, sec),
    title,
    description,
    body,
    answer,
    lead,
    assisting: assistingNames.map((n) => g.departmentId(n)).filter((id): id is string => id !== null && id !== lead),
    script: o.script,
  };
}

function fits(t: DemandTemplate, e: DemoDemandEnterprise): boolean {
  const groups = t.fits ?? CATEGORY_FITS[t.category];
  return e.group === null ? !t.fits : groups.includes(e.group);
}

/** How often each category comes up (the seed names 产证办理 … 配套服务 first). */
const CATEGORY_WEIGHTS: Record<DemoCategoryCode, number> = {
  'property-certificate': 1.3, 'completion-acceptance': 1.1, 'land-and-buildings': 1.2, 'funding-and-loans': 1.3, 'supporting-services': 1.2,
  'environmental-approval': 0.8, 'talent-and-labour': 1.0, 'policy-fulfilment': 1.0, utilities: 0.9, other: 0.6,
};

function templateByKey(key: string): DemandTemplate {
  const t = DEMAND_TEMPLATES.find((x) => x.key === key);
  if (!t) throw new Error(`no demo demand template ${key}`);
  return t;
}

/** Demands told on purpose, relative to today: each demo login finds something to do. */
function craftedSpecs(g: Gen, others: DemoDemandEnterprise[]): Spec[] {
  const w = g.w;
  const B = (n: number) => g.back(n);
  const own = w.enterprises.find((e) => e.id === w.ownEnterpriseId) ?? null;
  const fitting = (key: string) => {
    const t = templateByKey(key);
    const candidates = others.filter((e) => fits(t, e));
    return g.pick(candidates.length ? candidates : others);
  };
  const dep = (name: string) => g.departmentId(name);
  const specs: Spec[] = [];
  const add = (o: Omit<SpecOptions, 'template' | 'enterprise'> & { key: string; enterprise?: DemoDemandEnterprise | null }) => {
    const enterprise = o.enterprise ?? fitting(o.key);
    specs.push(makeSpec(g, { ...o, template: templateByKey(o.key), enterprise }));
  };
  const lead = (l: Life) => l.spec.lead;
  const answerOf = (l: Life) => l.spec.answer;

  if (own) {
    // The seed's own story: 崧原半导体 passed its environmental approval with the zone's help.
    add({
      key: 'E1', enterprise: own, channel: 'visit', day: B(170), submitter: w.leaders[0], assisting: ['行政审批局'], confidentiality: 'public',
      description: '走访中企业反映：我司功率器件封装测试项目厂房已建成，环评报告书已编制完成，但专家评审排期较晚，项目设备已进场，希望园区协调加快审批，让项目尽快投产。',
      script: (l) => {
        l.accept(B(170));
        l.assign(B(169), lead(l), l.spec.assisting);
        l.acknowledge(B(169));
        l.progress(B(167), '已协调提前组织专家技术评审，评审会安排在下周。');
        l.requestExtension(B(165), g.wd(l.dueOn, 8), EXTENSION_REASONS['environmental-approval']);
        l.decideExtension(B(165), true, '同意延期，请专人跟踪，确保项目早日投产。');
        l.input(B(163), l.assisting[0] ?? lead(l), '配合意见：已开通环评审批绿色通道，材料齐全即办。');
        const settledOn = g.between(B(160), l.dueOn);
        l.settle(settledOn, answerOf(l));
        l.confirm(g.wd(settledOn, 1), true, 'satisfied',
          '在高新区的帮助协调下，我们通过了环境影响评价审批，项目得以迅速投产，为这里的营商环境点赞！', w.enterpriseUser!, 'enterprise');
      },
    });
    add({
      key: 'P1', enterprise: own, channel: 'portal', day: B(100), confidentiality: 'anonymised',
      script: (l) => {
        l.accept(B(100));
        l.assign(B(99), lead(l), [dep('财政金融局')!].filter(Boolean));
        l.acknowledge(B(99));
        l.progress(B(97), CATEGORY_PROGRESS['property-certificate']);
        l.settle(B(95), answerOf(l));
        l.confirm(B(94), true, 'basically-satisfied', '产证已办出，但前期跑了好几趟，希望窗口能一次性告知。', w.enterpriseUser!, 'enterprise');
      },
    });
    add({
      key: 'F1', enterprise: own, channel: 'hotline', day: B(60),
      script: (l) => {
        l.accept(B(60));
        l.assign(B(60), lead(l), []);
        l.acknowledge(B(59));
        l.settle(B(57), '已向企业解释转贷应急资金申请条件，请企业按要求准备材料后申请。');
        l.confirm(B(56), false, 'dissatisfied', '只告知了申请条件，贷款下周就到期，实际问题没有解决。', w.enterpriseUser!, 'enterprise');
        l.acknowledge(B(56));
        l.progress(B(55), '已与合作银行和转贷平台三方对接，明确还款当日资金到位。');
        l.settle(B(54), answerOf(l));
        l.confirm(B(53), true, 'satisfied', '应急资金及时到位，续贷顺利办完，谢谢！', w.enterpriseUser!, 'enterprise');
      },
    });
    add({
      key: 'S2', enterprise: own, channel: 'portal', day: B(7),
      script: (l) => {
        l.accept(B(7));
        l.assign(B(6), lead(l), []);
        l.acknowledge(B(5));
        l.progress(B(4), '已安排维护单位到现场查勘，雨水管网确有淤堵。');
        l.settle(B(1), answerOf(l));
        l.confirm(g.wd(w.today, 2), true, 'satisfied', null, w.enterpriseUser!, 'enterprise');
      },
    });
    add({
      key: 'U2', enterprise: own, channel: 'portal', day: B(3),
      script: (l) => {
        l.accept(B(3));
        l.assign(B(2), lead(l), []);
        l.acknowledge(B(1));
        l.progress(B(1), '客户经理已上门勘查，供电方案正在编制，预计三个工作日内答复。');
        l.settle(g.wd(w.today, 2), answerOf(l));
      },
    });
    add({
      key: 'T4', enterprise: own, channel: 'cadre', day: B(6),
      script: (l) => {
        l.accept(B(6));
        l.assign(B(5), lead(l), []);
        l.acknowledge(B(5));
        l.wait(B(2), '请企业补充新引进人员名单、劳动合同及社保缴纳证明。');
        l.resume(g.wd(w.today, 2), RESUME_NOTES[0]!);
      },
    });
    add({
      key: 'G3', enterprise: own, channel: 'portal', day: w.today, minute: 9 * 60 + 10,
      script: (l) => l.accept(g.wd(w.today, 1)),
    });
  }

  // 自然资源和规划分局 (the "department" login): new, running, waiting, overdue and an extension to decide.
  add({
    key: 'L1', channel: 'visit', day: B(2), assisting: ['经济发展局'],
    script: (l) => {
      l.accept(B(2));
      l.assign(B(1), lead(l), l.spec.assisting);
      l.acknowledge(g.wd(w.today, 1));
    },
  });
  add({
    key: 'P5', channel: 'hotline', day: B(0), minute: 8 * 60 + 40, assisting: [],
    script: (l) => {
      l.assign(B(0), lead(l), []);
      l.acknowledge(g.wd(w.today, 1));
    },
  });
  add({
    key: 'P4', channel: 'cadre', day: B(6), assisting: [],
    script: (l) => {
      l.accept(B(6));
      l.assign(B(5), lead(l), []);
      l.acknowledge(B(4));
      l.progress(B(2), '已调取规划审批档案，正在组织现场核实。');
      l.settle(g.wd(w.today, 1), answerOf(l));
    },
  });
  add({
    key: 'L5', channel: 'visit', day: B(8), assisting: [],
    script: (l) => {
      l.accept(B(8));
      l.assign(B(7), lead(l), []);
      l.acknowledge(B(7));
      l.wait(B(4), WAITING_REASONS['land-and-buildings'][1]!);
      l.resume(g.wd(w.today, 3), null);
    },
  });
  add({
    key: 'P3', channel: 'cadre', day: B(16), assisting: ['住房和城乡建设局'],
    script: (l) => {
      l.accept(B(16));
      l.assign(B(15), lead(l), l.spec.assisting);
      l.acknowledge(B(14));
      l.progress(B(12), '已赴现场核查，该宿舍楼需先完成房屋安全鉴定。');
      l.progress(B(4), '内部备注：鉴定机构报告迟迟未出，已督促。', 'lead', true);
      l.settle(g.wd(w.today, 5), answerOf(l));
    },
  });
  add({
    key: 'L3', channel: 'visit', day: B(5), assisting: ['供电服务中心'],
    script: (l) => {
      l.accept(B(5));
      l.assign(B(4), lead(l), l.spec.assisting);
      l.acknowledge(B(4));
      l.progress(B(2), '已会同供电服务中心现场踏勘，迁改方案正在编制。');
      l.requestExtension(B(0), g.wd(l.dueOn, 8), '线杆迁改需停电施工，需与周边企业协调停电窗口，申请延期。');
      l.decideExtension(g.wd(w.today, 1), true, null);
    },
  });
  add({
    key: 'C2', channel: 'cadre', day: B(4), assisting: ['自然资源和规划分局'],
    script: (l) => {
      l.accept(B(4));
      l.assign(B(3), lead(l), l.spec.assisting);
      l.acknowledge(B(2));
      l.input(B(1), l.assisting[0] ?? lead(l), '配合意见：规划核实可与竣工验收同步进行，已安排人员参加联合验收。');
      l.settle(g.wd(w.today, 2), answerOf(l));
    },
  });

  // Overdue now, in several departments: escalated to the leaders when the deadline passed.
  const overdue = (key: string, channel: DemandChannel, submittedBack: number, extra: (l: Life) => void) =>
    add({
      key, channel, day: B(submittedBack), assisting: [],
      script: (l) => {
        l.accept(B(submittedBack));
        l.assign(B(submittedBack - 1), lead(l), []);
        extra(l);
        l.settle(g.wd(w.today, 6), answerOf(l));
      },
    });
  overdue('C1', 'visit', 12, (l) => {
    l.acknowledge(B(10));
    l.progress(B(8), CATEGORY_PROGRESS['completion-acceptance']);
    l.progress(B(2), '现场验收提出三项整改意见，企业正在整改。');
  });
  overdue('F7', 'hotline', 9, (l) => l.acknowledge(B(8)));
  overdue('U3', 'cadre', 20, (l) => {
    l.acknowledge(B(19));
    l.requestExtension(B(15), g.wd(l.dueOn, 6), EXTENSION_REASONS.utilities);
    l.decideExtension(B(15), true, EXTENSION_APPROVALS[0]!);
    l.progress(B(10), '已排查线路故障点，部分设备需更换。');
  });
  overdue('E3', 'visit', 10, (l) => {
    l.acknowledge(B(9));
    l.wait(B(8), WAITING_REASONS['environmental-approval'][1]!);
    l.resume(B(6), RESUME_NOTES[0]!);
    l.progress(B(4), CATEGORY_PROGRESS['environmental-approval']);
  });
  overdue('G1', 'visit', 25, (l) => {
    l.acknowledge(B(23));
    l.progress(B(20), CATEGORY_PROGRESS['policy-fulfilment']);
    l.progress(B(5), '资金拨付需等待本批次资金到位。');
  });
  overdue('T1', 'cadre', 8, () => undefined);

  // Returned by departments: once (awaiting a new assignment), and three times (flagged to the coordinator).
  add({
    key: 'S3', channel: 'visit', day: B(4), assisting: [],
    script: (l) => {
      l.accept(B(4));
      l.assign(B(3), dep('住房和城乡建设局')!, []);
      l.giveBack(B(1), '公交线路调整不属于本单位职责，建议转经济发展局牵头。');
      l.assign(g.wd(w.today, 1), lead(l), []);
    },
  });
  add({
    key: 'S6', channel: 'hotline', day: B(9), assisting: [],
    script: (l) => {
      l.accept(B(9));
      l.assign(B(8), dep('住房和城乡建设局')!, []);
      l.giveBack(B(7), '渣土车运输管理属城管执法事项，不属于本单位职责。');
      l.assign(B(6), dep('生态环境分局')!, []);
      l.giveBack(B(5), '扬尘源头为工地和运输车辆，应由城管执法部门牵头，本单位可配合。');
      l.assign(B(4), dep('市场监督管理分局')!, []);
      l.giveBack(B(2), RETURN_REASONS[0]!);
      l.assign(g.wd(w.today, 1), lead(l), []);
    },
  });

  // One of each remaining open state.
  add({ key: 'O2', channel: 'hotline', day: B(1), assisting: [], script: (l) => { l.accept(B(1)); l.assign(g.wd(w.today, 1), lead(l), []); } });
  add({ key: 'U4', channel: 'hotline', day: w.today, minute: 8 * 60 + 50, assisting: [], script: (l) => l.accept(g.wd(w.today, 1)) });
  add({ key: 'T3', channel: 'cadre', day: B(1), minute: 16 * 60 + 40, assisting: [], script: (l) => l.accept(g.wd(w.today, 1)) });
  add({
    key: 'G4', channel: 'visit', day: B(4), assisting: [],
    script: (l) => {
      l.accept(B(4));
      l.assign(B(3), lead(l), []);
      l.acknowledge(B(3));
      l.settle(B(1), answerOf(l));
      l.confirm(g.wd(w.today, 3), true, 'satisfied', null, w.coordinator, 'coordinator');
    },
  });
  add({
    key: 'C5', channel: 'visit', day: B(7), assisting: [],
    script: (l) => {
      l.accept(B(7));
      l.assign(B(6), lead(l), []);
      l.acknowledge(B(6));
      l.requestExtension(B(2), g.wd(l.dueOn, 6), EXTENSION_REASONS['completion-acceptance']);
      l.decideExtension(B(2), true, EXTENSION_APPROVALS[1]!);
      l.settle(g.wd(w.today, 3), answerOf(l));
    },
  });
  add({
    key: 'S1', channel: 'cadre', day: B(12), assisting: [],
    script: (l) => {
      l.accept(B(12));
      l.assign(B(11), lead(l), []);
      l.acknowledge(B(11));
      l.settle(B(7), answerOf(l));
      l.confirm(B(4), false, 'dissatisfied', '电话回访，企业表示不满意。东段仍有十余盏路灯不亮，请再跟进。', w.coordinator, 'coordinator');
      l.acknowledge(B(3));
      l.progress(B(1), '已排查东段供电线路，故障电缆正在更换。');
      l.settle(g.wd(w.today, 1), answerOf(l));
    },
  });
  // Reopened twice, long ago: escalated to the leader, then closed.
  add({
    key: 'S2', channel: 'cadre', day: B(120), assisting: [],
    script: (l) => {
      l.accept(B(120));
      l.assign(B(119), lead(l), []);
      l.acknowledge(B(118));
      l.settle(B(116), '已安排清理雨水口垃圾。');
      l.confirm(B(114), false, 'dissatisfied', '电话回访，企业表示不满意。只清理了雨水口，下雨仍然积水。', w.coordinator, 'coordinator');
      l.acknowledge(B(113));
      l.settle(B(111), '已对门口路段雨水管网进行疏通。');
      l.confirm(B(110), false, 'dissatisfied', '电话回访，企业表示不满意。管网末端排水能力不足，问题依旧。', w.coordinator, 'coordinator');
      l.acknowledge(B(109));
      l.progress(B(108), '内部备注：已提请分管领导现场督办。', 'coordinator', true);
      l.progress(B(107), '已制定管网改造方案，新增排水管道接入主管网。');
      l.settle(B(106), answerOf(l));
      l.confirm(B(105), true, 'basically-satisfied', '电话回访，企业表示基本满意。问题解决了，但前后折腾了一个多月。', w.coordinator, 'coordinator');
    },
  });
  return specs;
}

/** The demands, their timelines and everything else a year of them leaves in the database. */
export function generateDemoDemands(w: DemoDemandWorld): DemoDemandRows {
  const g = new Gen(w);
  const target = w.count ?? 500;
  const codes = new Set(w.categories.map((c) => c.code));
  const templates = DEMAND_TEMPLATES.filter((t) => codes.has(t.category));
  const others = w.enterprises.filter((e) => e.id !== w.ownEnterpriseId);
  if (templates.length === 0 || others.length === 0 || w.departments.size === 0) {
    return { demands: [], events: [], extensions: [], escalations: [], assisting: [], jobs: [], counters: [] };
  }
  const activity = new Map(others.map((e) => [e.id, 0.3 + g.rnd() ** 2 * 3]));

  const specs = craftedSpecs(g, others);
  const duplicates = 8;
  const randomCount = Math.max(0, target - specs.length - duplicates);

  // Submission days over the past year: working days mostly, a little more lately.
  const days: { day: string; weight: number }[] = [];
  for (let i = 364; i >= 0; i--) {
    const day = addDays(w.today, -i);
    days.push({ day, weight: (g.working(day) ? 1 : 0.2) * (0.75 + 0.5 * ((364 - i) / 364)) });
  }
  const random: Spec[] = [];
  for (let i = 0; i < randomCount; i++) {
    const template = g.weighted(templates, (t) => CATEGORY_WEIGHTS[t.category] / templates.filter((x) => x.category === t.category).length);
    const fitting = others.filter((e) => fits(template, e));
    const enterprise = g.weighted(fitting.length ? fitting : others, (e) => activity.get(e.id) ?? 1);
    const { day } = g.weighted(days, (d) => d.weight);
    const channel: DemandChannel = g.working(day)
      ? g.weighted(['visit', 'cadre', 'portal', 'hotline'] as const, (c) => ({ visit: 0.3, cadre: 0.3, portal: 0.25, hotline: 0.15 })[c])
      : g.chance(0.8) ? 'portal' : 'hotline';
    random.push(makeSpec(g, { template, enterprise, channel, day, script: standardLife(g, randomFate(g)) }));
  }
  // A few demands reported twice (another channel, a few days later): merged into the first.
  const lives = new Map<string, Life>();
  const candidates = random.filter((s) => s.day <= addDays(w.today, -20));
  for (let i = 0; i < duplicates && candidates.length > 0; i++) {
    const first = candidates.splice(Math.floor(g.rnd() * candidates.length), 1)[0]!;
    const day = addDays(first.day, g.int(1, 5));
    // Visits and cadres' rounds happen on working days; the portal and the hotline any day.
    const channel = g.pick((['hotline', 'cadre', 'portal', 'visit'] as const).filter((c) => c !== first.channel && (g.working(day) || c === 'portal' || c === 'hotline')));
    random.push(makeSpec(g, {
      template: first.template, enterprise: first.enterprise, channel, day, title: first.title,
      description: `${g.pick(DUPLICATE_PREFIXES)}${first.body}`, lead: g.departmentNames.get(first.lead), assisting: [],
      script: (l) => l.mergeInto(triageDay(g, l), lives.get(first.id)!),
    }));
  }

  const all = [...specs, ...random].filter((s) => s.at <= g.nowMs).sort((a, b) => a.at - b.at);
  const perYear = new Map<string, number>();
  for (const spec of all) {
    const year = spec.day.slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const life = new Life(g, spec, `SQ${year}-${String(n).padStart(5, '0')}`);
    lives.set(spec.id, life);
    try {
      spec.script(life);
    } catch (e) {
      if (!(e instanceof Stop)) throw e;
    }
    life.finish();
  }

  const done = [...lives.values()];
  const events = done.flatMap((l) => l.events).sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
  return {
    demands: done.map((l) => l.row),
    events,
    extensions: done.flatMap((l) => l.extensions),
    escalations: done.flatMap((l) => l.escalations),
    assisting: done.flatMap((l) => l.assisting.map((departmentId) => ({ zoneId: w.zoneId, demandId: l.id, departmentId }))),
    jobs: done.flatMap((l) => l.jobs.map((j) => j.row)),
    counters: [...perYear].map(([year, value]) => ({ name: `demand:${year}`, value })),
  };
}
