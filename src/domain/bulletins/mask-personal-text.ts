import { anonymiseDemandText } from '../demands/index.js';

/** 复姓: a name starting with one of these keeps both characters as its surname. */
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐',
  '钟离', '端木', '独孤', '南宫', '西门', '百里', '呼延', '澹台', '申屠', '万俟', '闻人', '赫连', '拓跋', '司空', '第五',
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * 张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧阳** (a compound surname is kept whole when the name has
 * at least three characters). Names in Latin letters keep their first letter; spaces stay.
 */
export function maskPersonName(name: string): string {
  const cs = Array.from(name);
  const kept = cs.length >= 3 && COMPOUND_SURNAMES.has(cs[0]! + cs[1]!) ? 2 : 1;
  return cs.map((c, i) => (i < kept || /\s/u.test(c) ? c : '*')).join('');
}

/**
 * A text as public outputs (the bulletin's web page, WeChat article, .docx, .xlsx) may show it:
 * - each of the given person names (two characters or more, matched longest first, wherever
 *   they occur) keeps its surname and has every other character replaced by * (see maskPersonName);
 * - mainland mobile numbers (1[3-9] + 9 digits, also written with spaces or dashes, or +86)
 *   → 138****5678;
 * - landlines (0 + 2–3 digit area code, 7–8 digits) → 0798-****1234;
 * - 18-character resident ID numbers → first and last character only (3****************X);
 *   a code shaped like a unified social credit code is hidden as well;
 * - when `enterpriseNames` are given (a demand marked 脱敏公开), every form of those names
 *   (崧原半导体（景德镇）有限公司, 崧原半导体, 崧原 …) → 某企业.
 * The number and enterprise rules are those of anonymiseDemandText (src/domain/demands), so a
 * number is masked the same way everywhere; everything else stays as written. Over-masking is the
 * safe side: a name that also occurs inside another word is masked there too.
 */
export function maskPersonalText(text: string, known: { names: readonly string[]; enterpriseNames?: readonly string[] }): string {
  // Enterprises first: a person's name inside an enterprise's name (张三丰科技有限公司) goes with the enterprise.
  const masked = anonymiseDemandText(text, { enterpriseNames: known.enterpriseNames ?? [], personNames: [] });
  const names = [...new Set(known.names.map((n) => n.trim()).filter((n) => Array.from(n).length >= 2))].sort((a, b) => b.length - a.length);
  if (names.length === 0) return masked;
  return masked.replace(new RegExp(names.map(escapeRegExp).join('|'), 'gu'), (name) => maskPersonName(name));
}
