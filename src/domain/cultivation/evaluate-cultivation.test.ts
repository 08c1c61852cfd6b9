/**
 * The rule-version switch of evaluateCultivation (official-rules.md §0): 63号 before 2026-04-01 and
 * 2号 from that day for 专精特新 and 小巨人; the 63号 innovative-SME standard on both sides; the
 * 2026 小巨人 re-review on 63号 by default (工信厅企业函〔2026〕117号 [U]) and on 2号 when configured.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_SCHEME_RULES, CultivationRulesError, RULES_2026_FROM, definitionFor, evaluateCultivation, rulesFor,
} from './evaluate-cultivation.js';
import { DEFAULT_CULTIVATION_CONFIG } from './cultivation-config.js';
import { SPECIALISED_SME_2022 } from './evaluate-specialised-sme-2022.js';
import { SPECIALISED_SME_2026 } from './evaluate-specialised-sme-2026.js';
import { LITTLE_GIANT_2022 } from './evaluate-little-giant-2022.js';
import { LITTLE_GIANT_2026 } from './evaluate-little-giant-2026.js';
import { INNOVATIVE_SME_2022 } from './score-innovative-sme.js';
import type { CultivationProfile } from './cultivation-profile.js';
import { CULTIVATION_SCHEMES, type Evaluation } from './cultivation-evaluation.js';

const WAN = 10_000;
const V2022_SPECIALISED = '工信部企业〔2022〕63号 附件2';
const V2026_SPECIALISED = '工信部企业〔2026〕2号 附件1';
const V2022_GIANT = '工信部企业〔2022〕63号 附件3';
const V2026_GIANT = '工信部企业〔2026〕2号 附件2';

/**
 * A 小巨人 under both versions except the niche years: 2 years meets the 2022 专精特新 B1 but not
 * the 2026 S2 (3 years). Profiles are full enough for every scheme.
 */
const PROFILE: CultivationProfile = {
  sector: 'industry', employees: 300,
  revenue: 12_000 * WAN, revenuePreviousYear: 11_000 * WAN, revenueYearBeforePrevious: 10_000 * WAN,
  mainBusinessRevenue: 11_400 * WAN, mainBusinessRevenuePreviousYear: 10_000 * WAN, mainBusinessRevenueYearBeforePrevious: 9_000 * WAN,
  totalAssets: 10_000 * WAN, totalLiabilities: 5_000 * WAN, rdExpense: 800 * WAN, rdExpensePreviousYear: 700 * WAN, rdStaff: 70, netProfit: 1_200 * WAN,
  yearsInNiche: 5, ip: { class1HighValue: 1, class1SelfDeveloped: 5, class1: 6, class2: 10 },
  honours: ['innovative-sme', 'specialised-sme'], scienceAward: { level: 'none' }, rdInstitutionLevel: 'provincial',
  equityFinancingLast2Years: 0, equityFinancingLast3Years: 0, makerChina: 'none', digitalisationLevel: 3,
  qualityItems: ['own-brand', 'quality-system-certified'], productField2022: 'chain-key-link', provincialPoints: { provincial: 10 },
  nicheMarketShare: 0.2, nicheMarketRank: 1, developmentScore: 75, developmentScorePreviousYear: 72,
  qualitativeClaims: ['information-system', 'management-certified', 'own-brand', 'in-house-rd-institution', 'chain-key-link', 'priority-field', 'market-position-leading'],
};

describe('rulesFor / evaluateCultivation: the version switch on 2026-04-01', () => {
  it.each([
    ['specialised-sme', '2026-03-31', SPECIALISED_SME_2022, V2022_SPECIALISED],
    ['specialised-sme', '2026-04-01', SPECIALISED_SME_2026, V2026_SPECIALISED],
    ['little-giant', '2026-03-31', LITTLE_GIANT_2022, V2022_GIANT],
    ['little-giant', '2026-04-01', LITTLE_GIANT_2026, V2026_GIANT],
    ['specialised-sme', '2022-06-01', SPECIALISED_SME_2022, V2022_SPECIALISED],
    ['little-giant', '2030-01-01', LITTLE_GIANT_2026, V2026_GIANT],
  ] as const)('%s on %s', (scheme, on, rules, version) => {
    expect(rulesFor(scheme, on)).toBe(rules);
    const e = evaluateCultivation(scheme, PROFILE, { on });
    expect(e).toMatchObject({ scheme, on, purpose: 'new', rulesVersion: version });
  });

  it('the switch date is 2026-04-01', () => {
    expect(RULES_2026_FROM).toBe('2026-04-01');
  });

  it('the innovative-SME evaluation keeps 63号 附件1 on both sides of the switch', () => {
    expect(rulesFor('innovative-sme', '2026-03-31')).toBe(INNOVATIVE_SME_2022);
    expect(rulesFor('innovative-sme', '2026-04-01')).toBe(INNOVATIVE_SME_2022);
  });

  it('the same enterprise can qualify under 63号 and not under 2号 (2 years in the niche)', () => {
    const p = { ...PROFILE, yearsInNiche: 2 };
    expect(evaluateCultivation('specialised-sme', p, { on: '2026-03-31' }).qualified).toBe(true);
    const after = evaluateCultivation('specialised-sme', p, { on: '2026-04-01' });
    expect(after.qualified).toBe(false);
    expect(after.gaps).toEqual([{ kind: 'condition', key: 'niche-years', from: 2, to: 3, points: null }]);
  });

  it('the base profile qualifies for both tiers under both versions', () => {
    for (const scheme of ['specialised-sme', 'little-giant'] as const) {
      for (const on of ['2026-03-31', '2026-04-01']) expect(evaluateCultivation(scheme, PROFILE, { on }).outcome).toBe('qualified');
    }
  });

  describe('小巨人 re-review in 2026', () => {
    it('uses 63号 by default and says so', () => {
      const e = evaluateCultivation('little-giant', { ...PROFILE, honours: ['little-giant'] }, { on: '2026-06-01', purpose: 'review' });
      expect(e).toMatchObject({ rulesVersion: V2022_GIANT, purpose: 'review', qualified: true });
      expect(e.unconfirmed).toContain('littleGiantReviewRules2026');
    });

    it('uses 2号 when the zone configures it, and says so', () => {
      const config = { ...DEFAULT_CULTIVATION_CONFIG, littleGiantReviewRules2026: '2026' as const };
      const e = evaluateCultivation('little-giant', { ...PROFILE, honours: ['little-giant'] }, { on: '2026-06-01', purpose: 'review', config });
      expect(e).toMatchObject({ rulesVersion: V2026_GIANT, purpose: 'review', qualified: true });
      expect(e.unconfirmed).toEqual(['littleGiantReviewRules2026']);
    });

    it('a new 小巨人 application in 2026 uses 2号 whatever the review setting', () => {
      expect(evaluateCultivation('little-giant', PROFILE, { on: '2026-06-01' }).rulesVersion).toBe(V2026_GIANT);
    });

    it('a re-review before the switch is plain 63号, with nothing configured about it', () => {
      const e = evaluateCultivation('little-giant', { ...PROFILE, honours: ['little-giant'] }, { on: '2026-03-31', purpose: 'review' });
      expect(e.rulesVersion).toBe(V2022_GIANT);
      expect(e.unconfirmed).not.toContain('littleGiantReviewRules2026');
    });

    it('a review under 63号 and 2号 can differ: 2号 skips the growth condition (G4) but 63号 checks 专 growth', () => {
      const shrinking = { ...PROFILE, honours: ['little-giant' as const], mainBusinessRevenue: 8_400 * WAN, revenue: 9_000 * WAN, revenueYearBeforePrevious: 12_000 * WAN };
      const review2026 = { ...DEFAULT_CULTIVATION_CONFIG, littleGiantReviewRules2026: '2026' as const };
      expect(evaluateCultivation('little-giant', shrinking, { on: '2026-06-01', purpose: 'review' }).qualified).toBe(false);
      expect(evaluateCultivation('little-giant', { ...shrinking, mainBusinessRevenue: 8_550 * WAN }, { on: '2026-06-01', purpose: 'review', config: review2026 }).qualified).toBe(true);
    });
  });

  it('rejects a date before 63号 took effect, and a malformed date', () => {
    expect(() => evaluateCultivation('specialised-sme', PROFILE, { on: '2022-05-31' })).toThrow(CultivationRulesError);
    expect(() => evaluateCultivation('little-giant', PROFILE, { on: '2026-4-1' })).toThrow(CultivationRulesError);
  });

  it('every rule version is registered with its own rules version, and explained by its definition', () => {
    const versions = ALL_SCHEME_RULES.map((r) => r.definition.rulesVersion);
    expect(new Set(versions).size).toBe(versions.length);
    for (const [scheme, version] of [['specialised-sme', V2022_SPECIALISED], ['specialised-sme', V2026_SPECIALISED], ['little-giant', V2022_GIANT], ['little-giant', V2026_GIANT]] as const) {
      expect(definitionFor(scheme, version)?.scheme).toBe(scheme);
    }
  });

  it('every condition and indicator key an evaluation returns has words in its definition', () => {
    const profiles: CultivationProfile[] = [PROFILE, {}, { ...PROFILE, revenue: 4_000 * WAN }, { ...PROFILE, ip: null, scienceAward: null }];
    const covers = (e: Evaluation) => {
      const d = definitionFor(e.scheme, e.rulesVersion)!;
      return e.conditions.every((c) => c.key in d.conditions) && e.indicators.every((i) => i.key in d.indicators) && e.gaps.every((g) => g.key in (g.kind === 'indicator' ? d.indicators : d.conditions));
    };
    for (const scheme of CULTIVATION_SCHEMES) {
      for (const on of ['2025-06-01', '2026-06-01']) {
        for (const purpose of ['new', 'review'] as const) {
          for (const p of profiles) expect(covers(evaluateCultivation(scheme, p, { on, purpose }))).toBe(true);
        }
      }
    }
  });

  it('an empty profile is incomplete or not qualified, never qualified, and nothing is read as zero', () => {
    for (const scheme of ['specialised-sme', 'little-giant'] as const) {
      for (const on of ['2025-06-01', '2026-06-01']) {
        const e = evaluateCultivation(scheme, {}, { on });
        expect(e.qualified).toBe(false);
        expect(e.missing.length).toBeGreaterThan(0);
        expect(e.conditions.filter((c) => c.missing.length > 0).every((c) => c.met === null)).toBe(true);
      }
    }
  });
});

describe('evaluateCultivation: the innovative-SME score after 2026-04-01 is flagged as an unconfirmed reading', () => {
  it('adds innovativeSme2026Continuation from 2026-04-01 only, and explains it', async () => {
    const { explainEvaluation } = await import('./explain-evaluation.js');
    expect(evaluateCultivation('innovative-sme', {}, { on: '2026-03-31' }).unconfirmed).not.toContain('innovativeSme2026Continuation');
    const after = evaluateCultivation('innovative-sme', {}, { on: '2026-04-01' });
    expect(after.unconfirmed).toContain('innovativeSme2026Continuation');
    expect(explainEvaluation(after).unconfirmedNotes.map((n) => n.note.zh).join('')).toContain('第三十条');
  });
});
