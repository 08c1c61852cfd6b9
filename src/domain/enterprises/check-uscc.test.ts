import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkUscc, computeOrganizationCodeCheckChar, computeUsccCheckChar, USCC_ALPHABET, USCC_WEIGHTS } from './check-uscc.js';
import { USCC_DEPARTMENTS } from './uscc-departments.js';

describe('checkUscc', () => {
  it.each([
    '914403001922038216', // 华为技术有限公司
    '9144030071526726XG', // 腾讯科技(深圳)有限公司
    '91110000600037341L', // python-stdnum's example
    '121200004013590816', // 事业单位
    '91310115MA1K3BTP2B', // MA-type 主体标识码
  ])('accepts %s without warnings', (code) => {
    expect(checkUscc(code)).toEqual({ valid: true, code, warnings: [] });
  });

  it.each([
    [' 91110000600037341l ', '91110000600037341L'],
    ['9144 0300 1922 0382 16', '914403001922038216'],
    ['９１４４０３００１９２２０３８２１６', '914403001922038216'], // full-width digits
    ['9144030071526726xg\n', '9144030071526726XG'],
  ])('normalises %j to %s', (input, code) => {
    expect(checkUscc(input)).toMatchObject({ valid: true, code });
  });

  it.each([
    ['914403001922038217', 'check-digit', '校验码错误：第18位应为“6”，实为“7”', 18, '6'],
    ['9111000060003IOZSV', 'character', '第14位字符“I”不允许（不得使用 I、O、S、V、Z）', 14, undefined],
    ['91110000600037341', 'length', '统一社会信用代码应为18位，当前为17位', undefined, undefined],
    ['', 'length', '统一社会信用代码应为18位，当前为0位', undefined, undefined],
    ['9111000060003734100', 'length', '统一社会信用代码应为18位，当前为19位', undefined, undefined],
    ['91-100006000373410', 'character', '第3位字符“-”不允许（只能使用数字和大写字母，且不得使用 I、O、S、V、Z）', 3, undefined],
    ['9111A0006000373410', 'character', '第5位应为数字（第3–8位为登记管理机关行政区划码），实为“A”', 5, undefined],
    ['A1110000600037341L', 'check-digit', '校验码错误：第18位应为“K”，实为“L”', 18, 'K'], // position 1 may be a letter (unlike python-stdnum)
  ])('rejects %j (%s)', (input, reason, message, position, expected) => {
    const result = checkUscc(input);
    expect(result).toMatchObject({ valid: false, reason, message });
    expect(result.valid === false && result.position).toBe(position);
    expect(result.valid === false && result.expected).toBe(expected);
  });

  it.each([
    ['B', '1', 1, '第1位“B”不是有效的登记管理部门码'],
    ['9', '4', 2, '第2位“4”不是登记管理部门“工商”的机构类别码（可为 1、2、3）'],
    ['Y', '2', 2, '第2位“2”不是登记管理部门“其他”的机构类别码（可为 1）'],
  ])('rejects department %s category %s even with a correct check character', (department, category, position, message) => {
    const first17 = `${department}${category}110000600037341`;
    const result = checkUscc(first17 + computeUsccCheckChar(first17));
    expect(result).toMatchObject({ valid: false, reason: 'department', position, message });
  });

  it.each(['A1', 'N2', 'Y1', '51', '39'])('accepts department and category %s', (prefix) => {
    const first17 = `${prefix}110000600037341`;
    expect(checkUscc(first17 + computeUsccCheckChar(first17)).valid).toBe(true);
  });

  it('warns, but accepts, when the GB 11714 check of positions 9–17 fails', () => {
    const first17 = '91110000600037342';
    const result = checkUscc(first17 + computeUsccCheckChar(first17));
    expect(result).toMatchObject({ valid: true, warnings: ['第9–17位组织机构代码的校验位（GB 11714）应为“1”，实为“2”，请核对'] });
  });
});

describe('computeUsccCheckChar', () => {
  it('uses weights 3^(i-1) mod 31', () => {
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n)));
  });

  it.each([
    ['91440300192203821', '6'],
    ['9144030071526726X', 'G'],
    ['12120000401359081', '6'],
  ])('%s → %s', (first17, check) => {
    expect(computeUsccCheckChar(first17)).toBe(check);
  });

  it.each(['9144030019220382', '9144030019220382I'])('throws for %j', (input) => {
    expect(() => computeUsccCheckChar(input)).toThrow(RangeError);
  });
});

describe('computeOrganizationCodeCheckChar', () => {
  it.each([
    ['19220382', '1'],
    ['71526726', 'X'],
    ['60003734', '1'],
    ['MA1K3BTP', '2'],
  ])('%s → %s', (first8, check) => {
    expect(computeOrganizationCodeCheckChar(first8)).toBe(check);
  });
});

describe('checkUscc properties', () => {
  const alphabetChar = fc.constantFrom(...USCC_ALPHABET);
  const first17 = fc
    .tuple(
      fc.constantFrom(...USCC_DEPARTMENTS.flatMap((d) => d.categories.map((c) => d.code + c.code))),
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 6, maxLength: 6 }),
      fc.string({ unit: alphabetChar, minLength: 9, maxLength: 9 }),
    )
    .map((parts) => parts.join(''));

  it('accepts any well-formed 17 characters followed by their check character', () => {
    fc.assert(
      fc.property(first17, (body) => {
        expect(checkUscc(body + computeUsccCheckChar(body)).valid).toBe(true);
      }),
    );
  });

  it('rejects the code when any one character is changed', () => {
    fc.assert(
      fc.property(first17, fc.integer({ min: 0, max: 17 }), alphabetChar, (body, index, replacement) => {
        const code = body + computeUsccCheckChar(body);
        fc.pre(code[index] !== replacement);
        const changed = code.slice(0, index) + replacement + code.slice(index + 1);
        expect(checkUscc(changed).valid).toBe(false);
      }),
    );
  });
});
