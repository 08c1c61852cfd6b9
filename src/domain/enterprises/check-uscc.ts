import { USCC_DEPARTMENTS } from './uscc-departments.js';

/** The 31 characters of GB 32100-2015, in value order (I, O, S, V, Z are not used). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights of positions 1–17: 3^(i-1) mod 31. */
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORGANIZATION_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const FORBIDDEN = 'IOSVZ';

export type UsccInvalidReason = 'length' | 'character' | 'check-digit' | 'department';

export type UsccCheck =
  | { valid: true; code: string; warnings: string[] }
  | { valid: false; code: string; reason: UsccInvalidReason; message: string; position?: number; expected?: string };

/**
 * Checks a 统一社会信用代码 under GB 32100-2015. The input is normalised first (full-width
 * characters to ASCII, all whitespace removed, upper case); `code` is the normalised form.
 * In order: 18 characters; every character in the 31-character set; positions 3–8 digits
 * (region code); position 1 a known 登记管理部门码 and position 2 one of its 机构类别码;
 * position 18 the mod-31 check character. Invalid results say where (`position`, 1-based) and,
 * for the check character, what was `expected`.
 *
 * The GB 11714 check of the 组织机构代码 in positions 9–17 is only a warning: GB 32100 is not
 * confirmed to require it.
 */
export function checkUscc(input: string): UsccCheck {
  const code = normalizeUscc(input);
  const chars = Array.from(code);
  const invalid = (reason: UsccInvalidReason, message: string, position?: number, expected?: string): UsccCheck => {
    const result: UsccCheck = { valid: false, code, reason, message };
    if (position !== undefined) result.position = position;
    if (expected !== undefined) result.expected = expected;
    return result;
  };

  if (chars.length !== 18) return invalid('length', `统一社会信用代码应为18位，当前为${chars.length}位`);

  const badIndex = chars.findIndex((ch) => !USCC_ALPHABET.includes(ch));
  const bad = chars[badIndex];
  if (bad !== undefined) {
    const rule = FORBIDDEN.includes(bad) ? '不得使用 I、O、S、V、Z' : '只能使用数字和大写字母，且不得使用 I、O、S、V、Z';
    return invalid('character', `第${badIndex + 1}位字符“${bad}”不允许（${rule}）`, badIndex + 1);
  }

  const regionIndex = chars.findIndex((ch, i) => i >= 2 && i <= 7 && !/[0-9]/.test(ch));
  if (regionIndex >= 0) {
    return invalid('character', `第${regionIndex + 1}位应为数字（第3–8位为登记管理机关行政区划码），实为“${chars[regionIndex]}”`, regionIndex + 1);
  }

  const department = USCC_DEPARTMENTS.find((d) => d.code === chars[0]);
  if (!department) return invalid('department', `第1位“${chars[0]}”不是有效的登记管理部门码`, 1);
  if (!department.categories.some((category) => category.code === chars[1])) {
    const allowed = department.categories.map((category) => category.code).join('、');
    return invalid('department', `第2位“${chars[1]}”不是登记管理部门“${department.name}”的机构类别码（可为 ${allowed}）`, 2);
  }

  const expected = computeUsccCheckChar(code.slice(0, 17));
  if (chars[17] !== expected) return invalid('check-digit', `校验码错误：第18位应为“${expected}”，实为“${chars[17]}”`, 18, expected);

  const warnings: string[] = [];
  const organizationCheck = computeOrganizationCodeCheckChar(code.slice(8, 16));
  if (chars[16] !== organizationCheck) {
    warnings.push(`第9–17位组织机构代码的校验位（GB 11714）应为“${organizationCheck}”，实为“${chars[16]}”，请核对`);
  }
  return { valid: true, code, warnings };
}

/** Full-width to ASCII, whitespace removed, upper case. */
export function normalizeUscc(input: string): string {
  return input.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * The 18th character for the first 17 (GB 32100-2015): ALPHABET[(31 − Σ value·weight mod 31) mod 31].
 * Useful for generating demo data.
 * @throws RangeError unless given 17 characters of the 31-character set.
 */
export function computeUsccCheckChar(first17: string): string {
  const chars = Array.from(first17.toUpperCase());
  if (chars.length !== 17 || chars.some((ch) => !USCC_ALPHABET.includes(ch))) {
    throw new RangeError(`计算校验码需要17位有效字符，收到“${first17}”`);
  }
  const sum = chars.reduce((total, ch, i) => total + USCC_ALPHABET.indexOf(ch) * (USCC_WEIGHTS[i] ?? 0), 0);
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * The 9th character of a 组织机构代码 for its first 8 (GB 11714): letters count A=10 … Z=35,
 * weights 3 7 9 10 5 8 4 2, check = 11 − Σ mod 11, written X for 10 and 0 for 11.
 * @throws RangeError unless given 8 digits or upper-case letters.
 */
export function computeOrganizationCodeCheckChar(first8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(first8)) throw new RangeError(`计算组织机构代码校验位需要8位数字或大写字母，收到“${first8}”`);
  const sum = Array.from(first8).reduce((total, ch, i) => total + Number.parseInt(ch, 36) * (ORGANIZATION_CODE_WEIGHTS[i] ?? 0), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}
