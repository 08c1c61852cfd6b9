/**
 * Anonymising the text of a demand for public reports (monthly bulletin, 月通报) when the demand
 * is marked 脱敏公开 (confidentiality `anonymised`). Over-masking is the safe side: a report that
 * says 某企业 once too often is readable; one that names the enterprise is a breach.
 */

export const ENTERPRISE_PLACEHOLDER = '某企业';
export const USCC_PLACEHOLDER = '（统一社会信用代码已隐去）';

/** Organisation forms (组织形式) at the end of a registered name, longest first. */
const ORGANISATION_SUFFIXES = [
  '集团股份有限公司', '集团有限责任公司', '股份合作公司', '集团有限公司', '股份有限公司', '有限责任公司',
  '合伙企业', '有限公司', '分公司', '总公司', '公司', '集团', '厂',
];

/** Industry words (行业表述) between the trade name (字号) and the organisation form. */
const INDUSTRY_WORDS = [
  '集成电路', '房地产', '半导体', '新材料', '新能源', '进出口', '供应链', '自动化', '科技', '技术', '电子', '电器', '电气',
  '电力', '光电', '光学', '光伏', '锂电', '电池', '信息', '网络', '软件', '数字', '数据', '智能', '智造', '制造', '机械',
  '机电', '设备', '装备', '精密', '模具', '汽车', '汽配', '航空', '航天', '陶瓷', '瓷业', '材料', '化工', '化学', '医药',
  '药业', '生物', '医疗', '健康', '食品', '农业', '环保', '环境', '能源', '矿业', '钢铁', '金属', '建材', '建设', '建筑',
  '工程', '工业', '实业', '产业', '贸易', '商贸', '物流', '投资', '控股', '发展', '置业', '地产', '文化', '传媒', '旅游',
  '酒店', '服务', '咨询', '管理', '纺织', '服饰', '服装', '家居', '印刷', '包装', '塑业', '塑胶', '橡胶', '玻璃', '动力',
  '水务', '燃气', '通信', '通讯', '仪器', '仪表', '照明', '超市', '百货', '商场', '餐饮', '药房',
].sort((a, b) => b.length - a.length);

const PROVINCES = [
  '北京', '天津', '河北', '山西', '内蒙古', '辽宁', '吉林', '黑龙江', '上海', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '广西', '海南', '重庆', '四川', '贵州', '云南', '西藏', '陕西', '甘肃', '青海', '宁夏',
  '新疆', '台湾', '香港', '澳门',
];
/** Short forms that name a place or nothing in particular; never masked on their own. */
const GENERIC_CORES = new Set([...PROVINCES, '中国', '中华', '国际', '全球', '全国', '亚洲']);

const LEADING_PROVINCE = new RegExp(`^(?:中国)?(?:${PROVINCES.join('|')})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)?`, 'u');
/** A leading city, county or district written with its suffix: 景德镇市, 珠山区, 浮梁县. */
const LEADING_LOCALITY = /^[\u4e00-\u9fff]{2,4}?(?:市|县|区)/u;
const ENDS_LIKE_A_PLACE = /[省市县区镇乡村州旗]$/u;
const BRACKETED = /[（(【[〔［][^）)】\]〕］]*[）)】\]〕］]/gu;

const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐',
  '钟离', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '申屠', '万俟', '闻人', '赫连', '拓跋', '司空', '第五',
]);

const chars = (s: string) => Array.from(s);

function stripSuffix(name: string, suffixes: readonly string[]): string | null {
  const suffix = suffixes.find((s) => name.endsWith(s) && name.length > s.length);
  return suffix ? name.slice(0, -suffix.length) : null;
}

/** Strips the given suffixes from the end again and again; every stage, the input included. */
function strippedStages(name: string, suffixes: readonly string[]): string[] {
  const stages = [name];
  for (let next = stripSuffix(name, suffixes); next !== null; next = stripSuffix(next, suffixes)) stages.push(next);
  return stages;
}

function withoutLeadingRegions(name: string): string[] {
  const variants: string[] = [];
  let rest = name;
  for (const region of [LEADING_PROVINCE, LEADING_LOCALITY, LEADING_LOCALITY]) {
    const found = region.exec(rest)?.[0];
    if (found && found.length < rest.length) {
      rest = rest.slice(found.length);
      variants.push(rest);
    }
  }
  return variants;
}

function isUsefulShortForm(form: string): boolean {
  if (chars(form).length < 2 || GENERIC_CORES.has(form) || ENDS_LIKE_A_PLACE.test(form)) return false;
  const residue = strippedStages(form, [...ORGANISATION_SUFFIXES, ...INDUSTRY_WORDS]).at(-1) ?? form;
  // Made of industry words, or of a piece of an organisation form (有限 of 有限公司): nothing of its own.
  return !INDUSTRY_WORDS.includes(residue) && !ORGANISATION_SUFFIXES.some((suffix) => suffix.startsWith(residue));
}

/**
 * The ways a text may name an enterprise, longest first: the registered name as given; without
 * its bracketed region (崧原半导体（景德镇）有限公司 → 崧原半导体有限公司); without a leading
 * province, city, county or district (江西省景德镇市…); without the organisation form
 * (有限公司, 股份有限公司, 有限责任公司, 集团 …); and without the industry words down to the
 * trade name (崧原半导体 → 崧原).
 *
 * Edge cases: short forms of fewer than two characters, provinces and generic words (中国, 国际),
 * forms ending like a place (景德镇) and forms made only of industry words or of pieces of an
 * organisation form (有限) are left out. A region
 * written without brackets or suffix (九江陶瓷有限公司) cannot be told from a trade name, so 九江
 * is masked too; industry words not in the list stay in the shortest form.
 */
export function enterpriseNameForms(name: string): string[] {
  const given = name.trim();
  if (chars(given).length < 2) return [];
  const bare = given.replace(BRACKETED, '').replace(/\s+/gu, '');
  const forms = new Set([given]);
  for (const base of [bare, ...withoutLeadingRegions(bare)]) {
    for (const withoutForm of strippedStages(base, ORGANISATION_SUFFIXES)) {
      for (const form of strippedStages(withoutForm, INDUSTRY_WORDS)) if (isUsefulShortForm(form)) forms.add(form);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** 张三丰 → 张某, 李四 → 李某, 欧阳娜娜 → 欧阳某. */
function maskPersonName(name: string): string {
  const cs = chars(name);
  const compound = cs.length >= 3 && COMPOUND_SURNAMES.has(cs.slice(0, 2).join(''));
  return `${cs.slice(0, compound ? 2 : 1).join('')}某`;
}

/**
 * The text as the patterns see it: full-width ASCII (０-９, Ａ-Ｚ, （）, －, ＋, the ideographic space)
 * as half-width, letters in lower case. Each UTF-16 unit maps to one unit, so indices match `text`.
 */
function shadowOf(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    let code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
    else if (code === 0x3000) code = 0x20;
    if (code >= 0x41 && code <= 0x5a) code += 0x20;
    out += String.fromCharCode(code);
  }
  return out;
}

/** Replaces the matches of `pattern` (global) found on the shadow of `text`, keeping everything else as written. */
function replaceOnShadow(text: string, pattern: RegExp, replace: (match: RegExpMatchArray, original: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of shadowOf(text).matchAll(pattern)) {
    const start = match.index ?? 0;
    const end = start + match[0].length;
    out += text.slice(last, start) + replace(match, text.slice(start, end));
    last = end;
  }
  return out + text.slice(last);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function maskNames(text: string, enterpriseNames: readonly string[], personNames: readonly string[]): string {
  const companies = new Set(enterpriseNames.flatMap(enterpriseNameForms).map(shadowOf));
  // A person name that is also a form of an enterprise name is masked as the enterprise.
  const people = new Set(personNames.map((n) => shadowOf(n.trim())).filter((n) => chars(n).length >= 2 && !companies.has(n)));
  const alternatives = [
    ...[...companies].map((form) => ({ length: form.length, source: `${escapeRegExp(form)}(?:股份有限公司|有限责任公司|有限公司|公司|集团)?` })),
    ...[...people].map((name) => ({ length: name.length, source: escapeRegExp(name) })),
  ].sort((a, b) => b.length - a.length);
  if (alternatives.length === 0) return text;
  const pattern = new RegExp(alternatives.map((a) => a.source).join('|'), 'gu');
  return replaceOnShadow(text, pattern, (match, original) => (people.has(match[0]) ? maskPersonName(original) : ENTERPRISE_PLACEHOLDER));
}

const EIGHTEEN_CHARACTERS = /(?<![0-9a-z])[0-9a-z]{18}(?![0-9a-z])/gu;
const ID_CARD = /^[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dx]$/u;
/** GB 32100: 31 characters (no I, O, S, V, Z); positions 3–8 are the region code. */
const USCC_SHAPE = /^[0-9a-hj-npqrtuwxy]{2}\d{6}[0-9a-hj-npqrtuwxy]{10}$/u;
const MOBILE = /(?<!\d)(\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/gu;
const LANDLINE = /(?<!\d)(\(0\d{2,3}\)|0\d{2,3})([- ]?)(\d{3,4})(\d{4})(?!\d)/gu;

function maskNumbers(text: string): string {
  const codes = replaceOnShadow(text, EIGHTEEN_CHARACTERS, ([code], original) => {
    if (ID_CARD.test(code)) return `${code.charAt(0)}${'*'.repeat(16)}${code.charAt(17).toUpperCase()}`;
    return USCC_SHAPE.test(code) ? USCC_PLACEHOLDER : original;
  });
  const mobiles = replaceOnShadow(codes, MOBILE, ([, country, head, , tail]) => `${country ?? ''}${head}****${tail}`);
  return replaceOnShadow(mobiles, LANDLINE, ([, area, separator, , tail]) => `${area}${separator}****${tail}`);
}

/**
 * The text of a demand as a public report may show it:
 * - every form of each enterprise name (see `enterpriseNameForms`), with or without a trailing
 *   有限公司 / 公司 / 集团, → 某企业;
 * - each person name (two characters or more) → surname + 某 (张三丰 → 张某, 欧阳娜娜 → 欧阳某);
 * - 18-character codes: a resident ID number (18 digits, or 17 and X, with a plausible birth
 *   date) → first and last character only (the last four are a common verification secret, so
 *   they are not kept); any other code shaped like a USCC → （统一社会信用代码已隐去）;
 * - mobile numbers (1[3-9] + 9 digits, also written 138 1234 5678 or with +86) → 138****5678;
 * - landline numbers (0 + 2–3 digit area code, 7–8 digits, area code optionally bracketed) →
 *   area code and last four digits: 0798-****1234.
 *
 * Names are matched longest first in one pass, so a short form never breaks a longer name
 * (景德镇华瓷新材料科技有限公司 is masked whole even when 华瓷 is also known). Full-width
 * digits and letters are recognised; masked numbers are written with half-width digits.
 * Everything else is left as written.
 */
export function anonymiseDemandText(text: string, known: { enterpriseNames: readonly string[]; personNames: readonly string[] }): string {
  return maskNumbers(maskNames(text, known.enterpriseNames, known.personNames));
}
