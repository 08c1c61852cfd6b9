import { describe, expect, it } from 'vitest';
import { rankSimilar, textSimilarity } from './measure-text-similarity.js';

describe('textSimilarity', () => {
  it.each([
    ['identical texts', '厂房产证一直办不下来', '厂房产证一直办不下来', 1],
    ['punctuation and whitespace differ', '厂房 产证，一直办不下来！', '厂房产证一直办不下来。', 1],
    ['Chinese brackets and quotes differ', '【急】“竣工验收”何时能办？', '急 竣工验收何时能办', 1],
    ['full-width letters and digits', 'ＡＢＣ陶瓷５号厂房', 'abc陶瓷5号厂房', 1],
    ['upper and lower case', 'ERP系统补贴', 'erp系统补贴', 1],
    ['the same problem reworded (4 shared bigrams of 9 + 14)', '厂房产证一直办不下来', '我司厂房的产权证书迟迟办不下来', 8 / 23],
    ['unrelated demands', '申请人才公寓', '污水管网接入', 0],
    ['two empty texts', '', '', 0],
    ['one empty text', '', '厂房产证', 0],
    ['a text of punctuation only', '，。！？ ', '厂房产证', 0],
    ['one character each, the same', '水', '水', 1],
    ['one character each, different', '水', '电', 0],
    ['short texts share their characters (产, 证 of 产 证 产证 / 证 产 证产)', '产证', '证产', 2 / 3],
    ['repeats count as multisets (迟×2 + 迟迟×1 of 5 + 3)', '迟迟迟', '迟迟', 3 / 4],
  ])('scores %s: %j vs %j → %s', (_case, a, b, score) => {
    expect(textSimilarity(a, b)).toBeCloseTo(score, 12);
  });

  it('scores a reworded demand above the default threshold and an unrelated one below', () => {
    expect(textSimilarity('厂房产证一直办不下来', '我司厂房的产权证书迟迟办不下来')).toBeGreaterThan(0.3);
    expect(textSimilarity('申请人才公寓', '污水管网接入')).toBeLessThan(0.3);
  });

  it.each([
    ['厂房产证一直办不下来', '我司厂房的产权证书迟迟办不下来'],
    ['产证', '厂房产证一直办不下来'],
    ['贷款贴息', '贴息贷款'],
  ])('is symmetric for %j and %j', (a, b) => {
    expect(textSimilarity(a, b)).toBe(textSimilarity(b, a));
  });
});

describe('rankSimilar', () => {
  const candidates = [
    { item: 'D1', text: '我司厂房的产权证书迟迟办不下来' }, // 8/23 ≈ 0.35
    { item: 'D2', text: '申请人才公寓' }, // 0
    { item: 'D3', text: '厂房产证一直办不下来，请帮忙协调' }, // 9 shared of 9 + 14 bigrams: 18/23 ≈ 0.78
    { item: 'D4', text: '厂房产证一直办不下来' }, // 1
  ];

  it('returns the candidates above the threshold, best first', () => {
    expect(rankSimilar('厂房产证一直办不下来', candidates)).toEqual([
      { item: 'D4', score: 1 },
      { item: 'D3', score: 18 / 23 },
      { item: 'D1', score: 8 / 23 },
    ]);
  });

  it.each([
    ['a higher threshold', { threshold: 0.5 }, ['D4', 'D3']],
    ['a limit', { limit: 2 }, ['D4', 'D3']],
    ['a limit of 0', { limit: 0 }, []],
    ['a threshold of 0 (nothing shared is still left out)', { threshold: 0 }, ['D4', 'D3', 'D1']],
  ])('applies %s', (_case, options, items) => {
    expect(rankSimilar('厂房产证一直办不下来', candidates, options).map((m) => m.item)).toEqual(items);
  });

  it('keeps the candidates order when scores are equal', () => {
    const twins = [
      { item: 'first', text: '污水管网接入' },
      { item: 'second', text: '污水管网 接入！' },
    ];
    expect(rankSimilar('污水管网接入', twins).map((m) => m.item)).toEqual(['first', 'second']);
  });

  it.each([
    ['an empty text', '', candidates],
    ['no candidates', '厂房产证', []],
  ])('returns nothing for %s', (_case, text, list) => {
    expect(rankSimilar(text, list)).toEqual([]);
  });
});
