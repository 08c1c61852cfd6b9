import { describe, expect, it } from 'vitest';
import { findIndustryDivision, industrySectionOf, INDUSTRY_DIVISIONS, INDUSTRY_SECTIONS, isValidIndustryDivision } from './industry-codes.js';

describe('GB/T 4754-2017 industry codes', () => {
  it('has 20 sections A–T and 97 divisions 01–97 in order', () => {
    expect(INDUSTRY_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
    expect(INDUSTRY_DIVISIONS.map((d) => d.code)).toEqual(Array.from({ length: 97 }, (_, i) => String(i + 1).padStart(2, '0')));
  });

  it.each([
    ['01', 'A', '农业'],
    ['06', 'B', '煤炭开采和洗选业'],
    ['13', 'C', '农副食品加工业'],
    ['30', 'C', '非金属矿物制品业'],
    ['37', 'C', '铁路、船舶、航空航天和其他运输设备制造业'],
    ['43', 'C', '金属制品、机械和设备修理业'],
    ['44', 'D', '电力、热力生产和供应业'],
    ['50', 'E', '建筑装饰、装修和其他建筑业'],
    ['51', 'F', '批发业'],
    ['52', 'F', '零售业'],
    ['60', 'G', '邮政业'],
    ['65', 'I', '软件和信息技术服务业'],
    ['70', 'K', '房地产业'],
    ['79', 'N', '土地管理业'],
    ['97', 'T', '国际组织'],
  ])('%s is in section %s (%s)', (code, section, name) => {
    expect(industrySectionOf(code)).toBe(section);
    expect(findIndustryDivision(code)?.name).toBe(name);
    expect(isValidIndustryDivision(code)).toBe(true);
  });

  it.each(['00', '98', '7', '130', 'C13', ''])('rejects %j', (code) => {
    expect(isValidIndustryDivision(code)).toBe(false);
    expect(industrySectionOf(code)).toBeNull();
  });
});
