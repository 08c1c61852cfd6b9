import { computeOrganizationCodeCheckChar, computeUsccCheckChar, USCC_ALPHABET } from '../../domain/enterprises/index.js';
import type { DepartmentKind, Role } from '../../domain/identity/roles.js';
import type { QualificationKind } from '../../domain/enterprises/index.js';

/**
 * The demo zone, modelled on the seed (景德镇高新区's 每周益企): its departments,
 * leaders, liaison cadres and about 200 enterprises across aviation, ceramics,
 * foreign trade and other themes. Generated deterministically, so loading it
 * twice gives the same zone.
 */
export const DEMO_ZONE = { code: 'demo', name: '昌南高新区（演示）', timeZone: 'Asia/Shanghai' };

export const DEMO_DEPARTMENTS: { name: string; kind: DepartmentKind; phone: string }[] = [
  { name: '企业服务中心', kind: 'coordinating', phone: '0798-8300001' },
  { name: '营商环境办公室', kind: 'coordinating', phone: '0798-8300002' },
  { name: '自然资源和规划分局', kind: 'responsible', phone: '0798-8300011' },
  { name: '住房和城乡建设局', kind: 'responsible', phone: '0798-8300012' },
  { name: '生态环境分局', kind: 'responsible', phone: '0798-8300013' },
  { name: '财政金融局', kind: 'responsible', phone: '0798-8300014' },
  { name: '人力资源和社会保障局', kind: 'responsible', phone: '0798-8300015' },
  { name: '市场监督管理分局', kind: 'responsible', phone: '0798-8300016' },
  { name: '供电服务中心', kind: 'responsible', phone: '0798-8300017' },
  { name: '行政审批局', kind: 'approval', phone: '0798-8300021' },
  { name: '经济发展局', kind: 'industry', phone: '0798-8300031' },
  { name: '科技创新局', kind: 'industry', phone: '0798-8300032' },
];

export type DemoUser = { username: string; displayName: string; roles: Role[]; department?: string; enterpriseIndex?: number };

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', roles: ['admin'] },
  { username: 'leader', displayName: '王建华', roles: ['leader'] },
  { username: 'leader2', displayName: '李志远', roles: ['leader'] },
  { username: 'coordinator', displayName: '陈晓敏', roles: ['coordinator'], department: '企业服务中心' },
  { username: 'department', displayName: '刘海波', roles: ['department'], department: '自然资源和规划分局' },
  { username: 'department2', displayName: '周丽娟', roles: ['department'], department: '生态环境分局' },
  { username: 'cadre', displayName: '张国栋', roles: ['cadre'] },
  { username: 'cadre2', displayName: '黄文静', roles: ['cadre'] },
  { username: 'cadre3', displayName: '吴俊杰', roles: ['cadre'] },
  { username: 'cadre4', displayName: '赵雅琴', roles: ['cadre'] },
  { username: 'enterprise', displayName: '陈远达', roles: ['enterprise'], enterpriseIndex: 0 },
  { username: 'approval', displayName: '孙立平', roles: ['approval'], department: '行政审批局' },
  { username: 'industry', displayName: '郑思远', roles: ['industry'], department: '科技创新局' },
];

export const DEMO_THEMES = [
  { name: '航空企业服务', description: '直升机、航空零部件及配套企业' },
  { name: '陶瓷企业服务', description: '日用陶瓷、艺术陶瓷、先进陶瓷材料企业' },
  { name: '外贸型企业服务', description: '出口导向型企业：订单、通关、汇率、物流' },
  { name: '千馆之城', description: '陶瓷博物馆、艺术馆、文旅融合项目' },
  { name: '项目建设', description: '在建和拟建项目：用地、规划、施工许可、竣工验收' },
];

type Archetype = { theme: string | null; words: string[]; suffixes: string[]; division: string; sector: 'industry' | 'software-it' | 'wholesale' | 'leasing-business' | 'other'; scale: [number, number] };

const ARCHETYPES: Archetype[] = [
  { theme: '航空企业服务', words: ['航空', '直升机', '航宇', '飞翼', '航电', '云翼'], suffixes: ['科技有限公司', '零部件制造有限公司', '精密机械有限公司'], division: '37', sector: 'industry', scale: [80, 900] },
  { theme: '陶瓷企业服务', words: ['瓷源', '青花', '窑火', '玉瓷', '昌南', '珠山', '浮梁', '高岭'], suffixes: ['陶瓷有限公司', '瓷业有限公司', '先进陶瓷材料有限公司'], division: '30', sector: 'industry', scale: [20, 600] },
  { theme: '外贸型企业服务', words: ['远航', '丝路', '海通', '汇达', '环球', '东瓷'], suffixes: ['进出口有限公司', '国际贸易有限公司'], division: '51', sector: 'wholesale', scale: [5, 120] },
  { theme: '千馆之城', words: ['瓷韵', '御窑', '陶溪', '匠心', '瓷都'], suffixes: ['文化发展有限公司', '艺术馆有限公司'], division: '88', sector: 'other', scale: [5, 60] },
  { theme: '项目建设', words: ['崧原', '赣江', '高新', '鑫盛', '恒达'], suffixes: ['半导体有限公司', '新能源科技有限公司', '新材料有限公司'], division: '39', sector: 'industry', scale: [50, 1200] },
  { theme: null, words: ['智云', '数联', '睿思', '星辰', '微光'], suffixes: ['信息技术有限公司', '软件有限公司'], division: '65', sector: 'software-it', scale: [10, 200] },
  { theme: null, words: ['康泰', '本草', '仁和', '济生'], suffixes: ['生物医药有限公司', '医疗器械有限公司'], division: '27', sector: 'industry', scale: [30, 500] },
];

/** Second syllables that make the generated names distinct (about a thousand combinations). */
const MIDDLES = ['', '华', '盛', '创', '新', '源', '达', '恒', '泰', '嘉', '润', '宏', '益', '博'];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '洋', '艳', '勇', '军', '杰', '涛', '明', '超', '华', '平', '刚', '建国', '志强'];

/** A small deterministic pseudo-random generator (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid USCC for a company registered in Jingdezhen (360200), from a serial number. */
export function demoUscc(serial: number): string {
  let digits = '';
  for (let n = serial; digits.length < 6; n = Math.floor(n / USCC_ALPHABET.length)) digits = USCC_ALPHABET[n % USCC_ALPHABET.length] + digits;
  const body = `MA${digits}`;
  const org = body + computeOrganizationCodeCheckChar(body);
  const first17 = `91360200${org}`;
  if ([...first17].some((c) => !USCC_ALPHABET.includes(c))) throw new Error(`bad demo uscc ${first17}`);
  return first17 + computeUsccCheckChar(first17);
}

export type DemoEnterprise = {
  name: string;
  uscc: string;
  legalRepresentative: string;
  industryDivision: string;
  sizeSector: string;
  address: string;
  foundedOn: string;
  aboveScale: boolean;
  theme: string | null;
  cadreIndex: number;
  contact: { name: string; phone: string };
  qualifications: { kind: QualificationKind; validFrom: string; validUntil: string }[];
  figures: { year: number; employees: number; revenue: number; mainRevenue: number; totalAssets: number; liabilities: number; rdExpense: number; rdStaff: number; ipInvention: number; ipUtilityModel: number; ipDesign: number; ipSoftware: number; ipOther: number; equityFinancing: number }[];
};

export function demoEnterprises(count = 200): DemoEnterprise[] {
  if (count > 1000) throw new RangeError('the demo generator makes at most 1000 distinct names');
  const rnd = seededRandom(20261127);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: DemoEnterprise[] = [];
  // The seed's own example comes first: 崧原半导体, helped through its environmental approval.
  const named: { name: string; a: Archetype }[] = [{ name: '崧原半导体（景德镇）有限公司', a: ARCHETYPES[4]! }];
  const used = new Set(named.map((n) => n.name));
  while (named.length < count) {
    const a = pick(ARCHETYPES);
    const name = `景德镇${pick(a.words)}${pick(MIDDLES)}${pick(a.suffixes)}`;
    if (used.has(name)) continue;
    used.add(name);
    named.push({ name, a });
  }
  let serial = 46_000;
  named.forEach(({ name, a }, i) => {
    // 崧原半导体 (the demo enterprise user's) is a medium-sized SME, so that the cultivation ladder applies to it.
    const drawnEmployees = Math.round(a.scale[0] + rnd() * (a.scale[1] - a.scale[0]));
    const employees = i === 0 ? 260 : drawnEmployees;
    const revenuePerHead = (a.sector === 'wholesale' ? 180 : 60) + rnd() * 90; // 万元
    const revenue2025 = Math.round(employees * revenuePerHead) * 10_000;
    // A few start-ups (初创, founded in 2024 or 2025) have figures only from their founding year.
    const drawn = 2003 + Math.floor(rnd() * 21);
    const founded = i % 12 === 11 ? 2024 + (Math.floor(i / 12) % 2) : drawn;
    const rdRatio = a.sector === 'wholesale' ? rnd() * 0.01 : 0.01 + rnd() * 0.07;
    const figures = [2023, 2024, 2025].map((year, k) => {
      const growth = (1 + (rnd() * 0.25 - 0.05)) ** (2 - k);
      const revenue = Math.round(revenue2025 / growth / 100) * 100;
      const staff = Math.max(3, Math.round(employees / (1 + 0.05 * (2 - k))));
      const assets = Math.round(revenue * (0.8 + rnd()));
      return {
        year,
        employees: staff,
        revenue,
        mainRevenue: Math.round(revenue * (0.9 + rnd() * 0.1)),
        totalAssets: assets,
        liabilities: Math.round(assets * (0.2 + rnd() * 0.5)),
        rdExpense: Math.round(revenue * rdRatio),
        rdStaff: Math.round(staff * (0.05 + rnd() * 0.25)),
        ipInvention: Math.floor(rnd() * 8),
        ipUtilityModel: Math.floor(rnd() * 20),
        ipDesign: Math.floor(rnd() * 10),
        ipSoftware: a.sector === 'software-it' ? Math.floor(rnd() * 30) : Math.floor(rnd() * 3),
        ipOther: 0,
        equityFinancing: rnd() < 0.15 ? Math.round(rnd() * 50_000_000) : 0,
      };
    });
    const qualifications: DemoEnterprise['qualifications'] = [];
    if (rdRatio > 0.04 && rnd() < 0.7) qualifications.push({ kind: 'high-tech', validFrom: '2024-11-20', validUntil: '2027-11-19' });
    if (rdRatio > 0.03 && rnd() < 0.5) qualifications.push({ kind: 'innovative-sme', validFrom: '2025-06-30', validUntil: '2028-06-29' });
    if (rdRatio > 0.05 && rnd() < 0.3) qualifications.push({ kind: 'specialised-sme', validFrom: '2023-12-28', validUntil: '2026-12-27' });
    if (a.sector === 'software-it' || rnd() < 0.2) qualifications.push({ kind: 'tech-sme', validFrom: '2026-04-15', validUntil: '2026-12-31' });
    const legal = `${pick([...SURNAMES])}${pick(GIVEN)}`;
    out.push({
      name,
      uscc: demoUscc(serial++),
      legalRepresentative: i === 0 ? '陈远达' : legal,
      industryDivision: a.division,
      sizeSector: a.sector,
      address: `江西省景德镇市高新区${pick(['梧桐大道', '长虹大道', '航空路', '瓷都大道', '新厂路'])}${1 + Math.floor(rnd() * 300)}号`,
      foundedOn: `${founded}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
      aboveScale: a.sector === 'industry' && figures[2]!.mainRevenue >= 20_000_000,
      figures: figures.filter((f) => f.year >= founded),
      theme: a.theme,
      cadreIndex: i % 4,
      contact: { name: `${pick([...SURNAMES])}${pick(GIVEN)}`, phone: `1${pick(['38', '39', '58', '77', '86'])}${String(Math.floor(rnd() * 1e8)).padStart(8, '0')}` },
      qualifications,
    });
  });
  return out;
}
