import { describe, expect, it } from 'vitest';
import { addDays } from './iso-date.js';
import { OFFICIAL_ARRANGEMENTS, type YearArrangement } from './official-arrangements.js';
import { EXPECTED_ADJUSTED_WORKDAYS, EXPECTED_DAYS_OFF } from './official-days.fixture.js';
import { parseYearArrangement } from './parse-year-arrangement.js';

function expand(arrangement: YearArrangement): string[] {
  const days: string[] = [];
  for (const { from, to } of arrangement.offRanges) {
    for (let date = from; date <= to; date = addDays(date, 1)) days.push(date);
  }
  return days;
}

describe('OFFICIAL_ARRANGEMENTS', () => {
  it.each([
    [2024, '国办发明电〔2023〕7号', '2023-10-25', 'https://www.gov.cn/zhengce/zhengceku/202310/content_6911528.htm', 28, 8],
    [2025, '国办发明电〔2024〕12号', '2024-11-12', 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm', 28, 5],
    [2026, '国办发明电〔2025〕7号', '2025-11-04', 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm', 33, 6],
  ])('%i follows %s', (year, notice, issuedOn, source, daysOff, adjusted) => {
    const arrangement = OFFICIAL_ARRANGEMENTS.find((a) => a.year === year);
    expect(arrangement).toMatchObject({ notice, issuedOn, source });
    expect(arrangement && expand(arrangement)).toHaveLength(daysOff);
    expect(arrangement?.adjustedWorkdays).toHaveLength(adjusted);
  });

  it.each(OFFICIAL_ARRANGEMENTS.map((a) => [a.year, a] as const))('%i lists exactly the days off and adjusted working days of the notice', (year, arrangement) => {
    expect(expand(arrangement)).toEqual(EXPECTED_DAYS_OFF[year]);
    expect(arrangement.adjustedWorkdays).toEqual(EXPECTED_ADJUSTED_WORKDAYS[year]);
  });

  it.each(OFFICIAL_ARRANGEMENTS.map((a) => [a.year, a] as const))('%i passes its own validator', (_year, arrangement) => {
    expect(parseYearArrangement(JSON.parse(JSON.stringify(arrangement)))).toEqual(arrangement);
  });
});
