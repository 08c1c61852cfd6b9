import { describe, expect, it } from 'vitest';
import type { CultivationProfile } from './cultivation-profile.js';
import type { CultivationScheme, Evaluation } from './cultivation-evaluation.js';
import { evaluateCultivation } from './evaluate-cultivation.js';
import { packEvaluation, runFieldsOf, unpackEvaluation } from './pack-evaluation.js';

/** Profiles from nothing declared to a strong 专精特新 candidate, with a few values missing. */
function profiles(): CultivationProfile[] {
  const out: CultivationProfile[] = [{}, { sector: 'industry' }];
  for (let k = 0; k < 40; k++) {
    const revenue = 5_000_000 + k * 9_000_000;
    const drop = (i: number) => k % 7 === i;
    out.push({
      sector: k % 3 === 0 ? 'software-it' : 'industry',
      employees: drop(0) ? null : 20 + k * 20,
      revenue, revenuePreviousYear: revenue / (1 + (k % 5) / 20), revenueYearBeforePrevious: revenue / 1.2,
      mainBusinessRevenue: revenue * (0.5 + (k % 6) / 12), mainBusinessRevenuePreviousYear: drop(1) ? null : revenue * 0.7, mainBusinessRevenueYearBeforePrevious: revenue * 0.6,
      totalAssets: revenue * 1.2, totalLiabilities: revenue * (0.3 + (k % 4) / 5),
      rdExpense: revenue * (k % 9) / 100, rdExpensePreviousYear: drop(2) ? null : revenue * 0.03, rdExpenseYearBeforePrevious: revenue * 0.02,
      rdStaff: 5 + k, netProfit: revenue * ((k % 5) - 1) / 40, yearsInNiche: k % 8,
      ip: { class1HighValue: k % 11 === 0 ? 1 : 0, class1SelfDeveloped: k % 3, class1: k % 6, class2: k % 10 },
      strategicEmergingIndustry: drop(3) ? null : k % 2 === 0,
      honours: k % 4 === 0 ? ['innovative-sme', 'specialised-sme'] : k % 5 === 0 ? ['high-tech-enterprise'] : [],
      scienceAward: { level: k % 13 === 0 ? 'national' : 'none', rank: 2, year: 2025 },
      rdInstitutionLevel: (['none', 'municipal', 'provincial', 'national'] as const)[k % 4],
      equityFinancingLast2Years: k % 9 === 0 ? 70_000_000 : 0, equityFinancingLast3Years: k % 9 === 0 ? 80_000_000 : 0,
      makerChina: 'none', digitalisationLevel: 1 + (k % 4), qualityItems: k % 2 ? ['own-brand'] : [], productField2022: 'six-foundations',
      provincialPoints: { provincial: k % 16 }, nicheMarketShare: (k % 15) / 100, nicheMarketRank: 1 + (k % 9),
      developmentScore: 40 + k, developmentScorePreviousYear: 45 + k,
      qualitativeClaims: k % 3 ? ['information-system', 'own-brand', 'chain-key-link', 'priority-field', 'market-position-leading'] : [],
      scopeIssues: k === 17 ? ['abnormal-operation'] : [],
    });
  }
  return out;
}

const VERSIONS: [CultivationScheme, string, 'new' | 'review'][] = [
  ['innovative-sme', '2025-06-01', 'new'], ['specialised-sme', '2025-06-01', 'new'], ['specialised-sme', '2026-06-01', 'new'],
  ['little-giant', '2025-06-01', 'new'], ['little-giant', '2026-06-01', 'new'], ['little-giant', '2026-06-01', 'review'],
];

describe('packEvaluation / unpackEvaluation', () => {
  it.each(VERSIONS)('round-trips every %s evaluation on %s (%s) through JSON, losing nothing', (scheme, on, purpose) => {
    for (const profile of profiles()) {
      const e = evaluateCultivation(scheme, profile, { on, purpose });
      const stored: unknown = JSON.parse(JSON.stringify(packEvaluation(e)));
      expect(unpackEvaluation(stored, runFieldsOf(e))).toEqual(JSON.parse(JSON.stringify(e)) as Evaluation);
    }
  });

  it('is smaller than the plain form', () => {
    const e = evaluateCultivation('specialised-sme', profiles()[10]!, { on: '2025-06-01' });
    expect(JSON.stringify(packEvaluation(e)).length).toBeLessThan(JSON.stringify(e).length * 0.75);
  });

  it('returns a stored plain evaluation as it is', () => {
    const e = evaluateCultivation('innovative-sme', profiles()[5]!, { on: '2025-06-01' });
    expect(unpackEvaluation(e, { scheme: 'little-giant', on: '2030-01-01', purpose: 'review', rulesVersion: 'x' })).toBe(e);
  });
});
