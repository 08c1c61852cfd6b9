/**
 * Table tests for the SME size classification of 工信部联企业〔2011〕300号
 * (../shared/reference/official-rules.md §2). The table below is transcribed again, independently
 * of the implementation, from the reference (persons and 万元), and every sector is tested at
 * and one unit below each bound: the caps (大型 vs 中型), the 中型 bounds, the 小型 bounds, and
 * 微型 by either indicator.
 */
import { describe, expect, it } from 'vitest';
import { SIZE_SECTORS, type SizeSector } from '../enterprises/size-sectors.js';
import { classifySmeSize, formatWan, isSmeSizeMissing, SME_SIZE_TABLE, type SmeSize, type SmeSizeIndicator, type SmeSizeProfile, type SmeSizeResult } from './classify-sme-size.js';

type Row = Partial<Record<SmeSizeIndicator, number>>;
// sector: [cap, medium (both ≥), small (both ≥)], persons / 万元, as printed in §2.
const TABLE: Record<SizeSector, [Row, Row, Row]> = {
  agriculture: [{ revenue: 20000 }, { revenue: 500 }, { revenue: 50 }],
  industry: [{ employees: 1000, revenue: 40000 }, { employees: 300, revenue: 2000 }, { employees: 20, revenue: 300 }],
  construction: [{ revenue: 80000, totalAssets: 80000 }, { revenue: 6000, totalAssets: 5000 }, { revenue: 300, totalAssets: 300 }],
  wholesale: [{ employees: 200, revenue: 40000 }, { employees: 20, revenue: 5000 }, { employees: 5, revenue: 1000 }],
  retail: [{ employees: 300, revenue: 20000 }, { employees: 50, revenue: 500 }, { employees: 10, revenue: 100 }],
  transport: [{ employees: 1000, revenue: 30000 }, { employees: 300, revenue: 3000 }, { employees: 20, revenue: 200 }],
  warehousing: [{ employees: 200, revenue: 30000 }, { employees: 100, revenue: 1000 }, { employees: 20, revenue: 100 }],
  postal: [{ employees: 1000, revenue: 30000 }, { employees: 300, revenue: 2000 }, { employees: 20, revenue: 100 }],
  accommodation: [{ employees: 300, revenue: 10000 }, { employees: 100, revenue: 2000 }, { employees: 10, revenue: 100 }],
  catering: [{ employees: 300, revenue: 10000 }, { employees: 100, revenue: 2000 }, { employees: 10, revenue: 100 }],
  'information-transmission': [{ employees: 2000, revenue: 100000 }, { employees: 100, revenue: 1000 }, { employees: 10, revenue: 100 }],
  'software-it': [{ employees: 300, revenue: 10000 }, { employees: 100, revenue: 1000 }, { employees: 10, revenue: 50 }],
  'real-estate': [{ revenue: 200000, totalAssets: 10000 }, { revenue: 1000, totalAssets: 5000 }, { revenue: 100, totalAssets: 2000 }],
  'property-management': [{ employees: 1000, revenue: 5000 }, { employees: 300, revenue: 1000 }, { employees: 100, revenue: 500 }],
  'leasing-business': [{ employees: 300, totalAssets: 120000 }, { employees: 100, totalAssets: 8000 }, { employees: 10, totalAssets: 100 }],
  other: [{ employees: 300 }, { employees: 100 }, { employees: 10 }],
};

/** A table value in the profile's unit: persons, or yuan (1 万元 = 10,000 yuan). */
const inProfileUnit = (indicator: SmeSizeIndicator, n: number) => (indicator === 'employees' ? n : n * 10_000);
/** One unit below: one person, or one yuan. */
const justBelow = (indicator: SmeSizeIndicator, n: number) => inProfileUnit(indicator, n) - 1;

function profileAt(sector: SizeSector, row: Row, override: Row = {}): SmeSizeProfile {
  const p: SmeSizeProfile = { sector };
  for (const [k, v] of Object.entries(row) as [SmeSizeIndicator, number][]) p[k] = inProfileUnit(k, v);
  return { ...p, ...override };
}

function sizeOf(p: SmeSizeProfile): SmeSize {
  const r = classifySmeSize(p);
  if (isSmeSizeMissing(r)) throw new Error(`unexpected missing ${r.fields.join(',')}`);
  return r.size;
}

type Case = [string, SmeSizeProfile, SmeSize];

function edgeCases(sector: SizeSector): Case[] {
  const [cap, medium, small] = TABLE[sector];
  const indicators = Object.keys(cap) as SmeSizeIndicator[];
  const cases: Case[] = [];
  // Caps: at every cap → large; one indicator one unit below its cap (others at their caps) → medium.
  cases.push(['exactly at every cap', profileAt(sector, cap), 'large']);
  for (const i of indicators) cases.push([`${i} one below its cap, others at theirs`, profileAt(sector, cap, { [i]: justBelow(i, cap[i]!) }), 'medium']);
  // Medium: exactly at both 中型 bounds → medium; one of them one unit below → small.
  cases.push(['exactly at the medium bounds', profileAt(sector, medium), 'medium']);
  for (const i of indicators) cases.push([`${i} one below its medium bound`, profileAt(sector, medium, { [i]: justBelow(i, medium[i]!) }), 'small']);
  // Small: exactly at both 小型 bounds → small; one of them one unit below → micro.
  cases.push(['exactly at the small bounds', profileAt(sector, small), 'small']);
  for (const i of indicators) cases.push([`${i} one below its small bound`, profileAt(sector, small, { [i]: justBelow(i, small[i]!) }), 'micro']);
  // Micro by either indicator: one below the small bound is enough, even with the other one at the medium bound.
  if (indicators.length > 1)
    for (const i of indicators) cases.push([`micro by ${i} alone, the other at the medium bound`, profileAt(sector, medium, { [i]: justBelow(i, small[i]!) }), 'micro']);
  // Large needs every cap: one indicator at its cap is not enough.
  if (indicators.length > 1)
    for (const i of indicators) cases.push([`only ${i} at its cap, the other at the medium bound`, profileAt(sector, medium, { [i]: inProfileUnit(i, cap[i]!) }), 'medium']);
  return cases;
}

describe('classifySmeSize (工信部联企业〔2011〕300号)', () => {
  it('covers the 16 sectors of the table with the keys of size-sectors.ts', () => {
    expect(SIZE_SECTORS).toHaveLength(16);
    expect(Object.keys(SME_SIZE_TABLE).sort()).toEqual(SIZE_SECTORS.map((s) => s.key).sort());
    expect(Object.keys(TABLE).sort()).toEqual(SIZE_SECTORS.map((s) => s.key).sort());
  });

  for (const { key, label } of SIZE_SECTORS) {
    describe(`${key} (${label})`, () => {
      it.each(edgeCases(key))('%s', (_case, profile, expected) => {
        expect(sizeOf(profile)).toBe(expected);
      });
    });
  }

  it.each<[string, SmeSizeProfile, SmeSize]>([
    ['other (persons only): 9 persons', { sector: 'other', employees: 9 }, 'micro'],
    ['other: 10 persons', { sector: 'other', employees: 10 }, 'small'],
    ['other: 99 persons', { sector: 'other', employees: 99 }, 'small'],
    ['other: 100 persons', { sector: 'other', employees: 100 }, 'medium'],
    ['other: 299 persons', { sector: 'other', employees: 299 }, 'medium'],
    ['other: 300 persons', { sector: 'other', employees: 300 }, 'large'],
    ['other ignores revenue and assets', { sector: 'other', employees: 50, revenue: 9e12, totalAssets: 9e12 }, 'small'],
    ['zero employees is a value, not missing', { sector: 'other', employees: 0 }, 'micro'],
    ['agriculture: zero revenue', { sector: 'agriculture', revenue: 0 }, 'micro'],
    ['industry: over the persons cap but below the revenue cap stays SME', { sector: 'industry', employees: 5000, revenue: 399_999_999 }, 'medium'],
    ['industry: many persons, tiny revenue → micro', { sector: 'industry', employees: 5000, revenue: 1_000_000 }, 'micro'],
    ['industry: revenue a cent below the medium bound', { sector: 'industry', employees: 400, revenue: 19_999_999.99 }, 'small'],
    ['industry: revenue a cent below the small bound', { sector: 'industry', employees: 400, revenue: 2_999_999.99 }, 'micro'],
    ['real estate: assets over the cap but revenue below it stays SME', { sector: 'real-estate', revenue: 50_000_000, totalAssets: 500_000_000 }, 'medium'],
    ['leasing uses assets, not revenue', { sector: 'leasing-business', employees: 150, totalAssets: 80_000_000, revenue: 0 }, 'medium'],
  ])('%s', (_case, profile, expected) => {
    expect(sizeOf(profile)).toBe(expected);
  });

  it('names the thresholds that decided, with values and bounds in yuan', () => {
    const r = classifySmeSize({ sector: 'industry', employees: 350, revenue: 25_000_000 }) as SmeSizeResult;
    expect(r.size).toBe('medium');
    expect(r.decidedBy).toEqual([
      { indicator: 'employees', value: 350, bound: 300, comparison: '>=', level: 'medium' },
      { indicator: 'revenue', value: 25_000_000, bound: 20_000_000, comparison: '>=', level: 'medium' },
      { indicator: 'employees', value: 350, bound: 1000, comparison: '<', level: 'cap' },
    ]);
    expect(r.reason.zh).toBe('工业：从业人员350人≥300人，且营业收入2500万元≥2000万元，达到中型标准；从业人员350人<1000人，低于中小微企业上限，为中型企业（工信部联企业〔2011〕300号）');
    expect(r.reason.en).toContain('medium');
    expect(r.rulesVersion).toBe('工信部联企业〔2011〕300号');
  });

  it('a micro decided by one indicator names only that indicator', () => {
    const r = classifySmeSize({ sector: 'wholesale', employees: 30, revenue: 9_999_999 }) as SmeSizeResult;
    expect(r.size).toBe('micro');
    expect(r.decidedBy).toEqual([{ indicator: 'revenue', value: 9_999_999, bound: 10_000_000, comparison: '<', level: 'small' }]);
    expect(r.reason.zh).toBe('批发业：营业收入999.9999万元<1000万元，低于小型标准，为微型企业（工信部联企业〔2011〕300号）');
  });

  it('a large enterprise is decided by every cap', () => {
    const r = classifySmeSize({ sector: 'construction', revenue: 800_000_000, totalAssets: 900_000_000 }) as SmeSizeResult;
    expect(r.size).toBe('large');
    expect(r.decidedBy.map((t) => [t.indicator, t.level, t.comparison])).toEqual([
      ['revenue', 'cap', '>='],
      ['totalAssets', 'cap', '>='],
    ]);
  });

  it('a small enterprise names the missed medium bound', () => {
    const r = classifySmeSize({ sector: 'software-it', employees: 120, revenue: 5_000_000 }) as SmeSizeResult;
    expect(r.size).toBe('small');
    expect(r.decidedBy).toContainEqual({ indicator: 'revenue', value: 5_000_000, bound: 10_000_000, comparison: '<', level: 'medium' });
  });

  it.each<[string, SmeSizeProfile, SmeSizeIndicator[]]>([
    ['industry without revenue', { sector: 'industry', employees: 10 }, ['revenue']],
    ['industry without anything', { sector: 'industry' }, ['employees', 'revenue']],
    ['construction with null assets', { sector: 'construction', revenue: 1, totalAssets: null }, ['totalAssets']],
    ['leasing needs assets, not revenue', { sector: 'leasing-business', employees: 5, revenue: 100 }, ['totalAssets']],
    ['agriculture needs revenue only', { sector: 'agriculture', employees: 5 }, ['revenue']],
    ['other needs persons only', { sector: 'other', revenue: 100 }, ['employees']],
  ])('reports missing inputs, never reads them as zero: %s', (_case, profile, fields) => {
    expect(classifySmeSize(profile)).toEqual({ error: 'missing', fields });
  });

  it.each<[string, SmeSizeProfile]>([
    ['an unknown sector', { sector: 'mining' as SizeSector, employees: 1 }],
    ['negative employees', { sector: 'other', employees: -1 }],
    ['fractional employees', { sector: 'other', employees: 10.5 }],
    ['a non-finite revenue', { sector: 'agriculture', revenue: Number.POSITIVE_INFINITY }],
    ['NaN assets', { sector: 'real-estate', revenue: 1, totalAssets: Number.NaN }],
  ])('throws a RangeError for %s', (_case, profile) => {
    expect(() => classifySmeSize(profile)).toThrow(RangeError);
  });

  it.each([
    [0, '0'],
    [10_000, '1'],
    [12_345_600, '1234.56'],
    [9_999_999, '999.9999'],
    [5_000, '0.5'],
  ])('formatWan(%d) = %s 万元', (yuan, wan) => {
    expect(formatWan(yuan)).toBe(wan);
  });
});
