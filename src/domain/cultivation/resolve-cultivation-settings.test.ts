import { describe, it, expect } from 'vitest';
import { DEFAULT_CULTIVATION_CONFIG } from './cultivation-config.js';
import {
  cultivationConfigOf, DEFAULT_CULTIVATION_SETTINGS, PROVINCIAL_INDICATORS_TOTAL, resolveCultivationSettings, type CultivationSettingsValues,
} from './resolve-cultivation-settings.js';

const label = { zh: '指标', en: 'indicator' };
const two = [{ key: 'a', label, max: 10 }, { key: 'b', label, max: 5 }];
const three = [{ key: 'a', label, max: 7 }, { key: 'b', label, max: 5 }, { key: 'c', label, max: 3 }];

describe('resolveCultivationSettings', () => {
  it('gives the reference defaults and the pipeline margins (10 points, 1 condition) for a zone with no overrides', () => {
    const s = resolveCultivationSettings({});
    expect(s).toEqual({ ...DEFAULT_CULTIVATION_CONFIG, closeWithinPoints: 10, closeWithinConditions: 1 });
    expect(s).toEqual(DEFAULT_CULTIVATION_SETTINGS);
  });

  it('reads anything that is not an object as no overrides', () => {
    for (const stored of [null, undefined, 'x', 3, [], [{ boundaryTakesHigherBand: false }]]) {
      expect(resolveCultivationSettings(stored)).toEqual(DEFAULT_CULTIVATION_SETTINGS);
    }
  });

  type Case = [name: string, stored: Record<string, unknown>, expected: Partial<CultivationSettingsValues>];
  const cases: Case[] = [
    ['boundary false', { boundaryTakesHigherBand: false }, { boundaryTakesHigherBand: false }],
    ['boundary as a string is ignored', { boundaryTakesHigherBand: 'false' }, { boundaryTakesHigherBand: true }],
    ['two indicators adding up to 15', { provincialIndicators: two }, { provincialIndicators: two }],
    ['three indicators adding up to 15', { provincialIndicators: three }, { provincialIndicators: three }],
    ['indicators adding up to 14 are ignored', { provincialIndicators: [{ key: 'a', label, max: 14 }] }, { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators }],
    ['indicators adding up to 16 are ignored', { provincialIndicators: [{ key: 'a', label, max: 10 }, { key: 'b', label, max: 6 }] }, { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators }],
    ['duplicate indicator keys are ignored', { provincialIndicators: [{ key: 'a', label, max: 10 }, { key: 'a', label, max: 5 }] }, { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators }],
    ['four indicators are ignored', { provincialIndicators: [1, 2, 3, 4].map((n) => ({ key: `k${n}`, label, max: n === 4 ? 6 : 3 })) }, { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators }],
    ['an indicator without a label is ignored', { provincialIndicators: [{ key: 'a', max: 15 }] }, { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators }],
    ['an empty list of indicators is ignored', { provincialIndicators: [] }, { provincialIndicators: DEFAULT_CULTIVATION_CONFIG.provincialIndicators }],
    ['only innovative SME counts for 2026', { specialised2026PrerequisiteTitles: ['innovative-sme'] }, { specialised2026PrerequisiteTitles: ['innovative-sme'] }],
    ['repeated titles are read once', { specialised2026PrerequisiteTitles: ['tech-sme', 'tech-sme'] }, { specialised2026PrerequisiteTitles: ['tech-sme'] }],
    ['an unknown title is ignored', { specialised2026PrerequisiteTitles: ['high-tech'] }, { specialised2026PrerequisiteTitles: ['innovative-sme', 'tech-sme'] }],
    ['2026 review rules', { littleGiantReviewRules2026: '2026' }, { littleGiantReviewRules2026: '2026' }],
    ['unknown review rules are ignored', { littleGiantReviewRules2026: '2024' }, { littleGiantReviewRules2026: '2022' }],
    ['close within 0 points', { closeWithinPoints: 0 }, { closeWithinPoints: 0 }],
    ['close within 60 points', { closeWithinPoints: 60 }, { closeWithinPoints: 60 }],
    ['close within 61 points is ignored', { closeWithinPoints: 61 }, { closeWithinPoints: 10 }],
    ['close within −1 points is ignored', { closeWithinPoints: -1 }, { closeWithinPoints: 10 }],
    ['close within 2.5 points is ignored', { closeWithinPoints: 2.5 }, { closeWithinPoints: 10 }],
    ['close within 5 conditions', { closeWithinConditions: 5 }, { closeWithinConditions: 5 }],
    ['close within 6 conditions is ignored', { closeWithinConditions: 6 }, { closeWithinConditions: 1 }],
    ['unknown keys are ignored', { somethingElse: true }, {}],
  ];
  for (const [name, stored, expected] of cases) {
    it(`merges ${name}`, () => {
      expect(resolveCultivationSettings(stored)).toEqual({ ...DEFAULT_CULTIVATION_SETTINGS, ...expected });
    });
  }

  it('keeps the other overrides when one is malformed', () => {
    expect(resolveCultivationSettings({ boundaryTakesHigherBand: false, closeWithinPoints: 'ten' })).toEqual({ ...DEFAULT_CULTIVATION_SETTINGS, boundaryTakesHigherBand: false });
  });

  it('never hands out the defaults themselves (a caller changing the result changes nothing else)', () => {
    const s = resolveCultivationSettings({});
    s.provincialIndicators[0]!.max = 1;
    s.specialised2026PrerequisiteTitles.pop();
    expect(DEFAULT_CULTIVATION_CONFIG.provincialIndicators[0]!.max).toBe(PROVINCIAL_INDICATORS_TOTAL);
    expect(DEFAULT_CULTIVATION_CONFIG.specialised2026PrerequisiteTitles).toHaveLength(2);
  });
});

describe('cultivationConfigOf', () => {
  it('keeps the rule configuration and drops the pipeline margins', () => {
    const config = cultivationConfigOf({ ...DEFAULT_CULTIVATION_SETTINGS, boundaryTakesHigherBand: false, closeWithinPoints: 3 });
    expect(config).toEqual({ ...DEFAULT_CULTIVATION_CONFIG, boundaryTakesHigherBand: false });
    expect(Object.keys(config).sort()).toEqual(Object.keys(DEFAULT_CULTIVATION_CONFIG).sort());
  });
});
