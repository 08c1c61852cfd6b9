import { PGlite } from '@electric-sql/pglite';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchQuery, searchTokens } from './search-tokens.js';

const COMPLAINT = '厂房产证一直办不下来，影响贷款';

let pg: PGlite;
beforeAll(async () => {
  pg = new PGlite();
  await pg.waitReady;
});
afterAll(async () => {
  await pg.close();
});

/** Does PostgreSQL find `query` in a document stored as searchTokens(doc)? null when the query has no words. */
async function matches(doc: string, query: string): Promise<boolean | null> {
  const q = searchQuery(query);
  if (q === null) return null;
  const { rows } = await pg.query<{ hit: boolean }>(
    "SELECT to_tsvector('simple', $1) @@ to_tsquery('simple', $2) AS hit",
    [searchTokens(doc), q],
  );
  return rows[0]?.hit ?? null;
}

async function lexemes(tokens: string): Promise<string[]> {
  const { rows } = await pg.query<{ lexeme: string }>("SELECT unnest(tsvector_to_array(to_tsvector('simple', $1))) AS lexeme", [tokens]);
  return rows.map((r) => r.lexeme).sort();
}

describe('searchTokens', () => {
  it('keeps jieba words and adds the bigrams of Chinese runs, dropping punctuation', () => {
    const tokens = searchTokens(COMPLAINT).split(' ');
    expect(tokens).toEqual(expect.arrayContaining(['房产证', '贷款', '影响', '厂房', '产证']));
    expect(tokens).not.toContain('，');
    expect(new Set(tokens).size).toBe(tokens.length);
  });

  it('keeps the domain words whole', () => {
    for (const word of ['产证办理', '承诺即开工', '专精特新', '小巨人', '不动产权证', '水电气网']) {
      expect(searchTokens(`我们申请${word}试点`).split(' ')).toContain(word);
    }
  });

  it('folds full-width and upper-case letters and splits on symbols', () => {
    expect(searchTokens('ＡＢＣ公司 Hello-World 2026').split(' ')).toEqual(expect.arrayContaining(['abc', '公司', 'hello', 'world', '2026']));
  });

  it('gives an empty string for text without words', () => {
    expect(searchTokens('')).toBe('');
    expect(searchTokens(' ，。！？…… ')).toBe('');
  });

  it('is kept whole by PostgreSQL: each token is one lexeme', async () => {
    for (const doc of [COMPLAINT, '专精特新“小巨人”企业认定，承诺即开工', 'ＡＢＣ公司 Hello-World 2026年 v2.0']) {
      const tokens = searchTokens(doc);
      expect(await lexemes(tokens)).toEqual(tokens.split(' ').sort());
    }
  });
});

describe('searchQuery', () => {
  it.each([
    ['产证', true],
    ['贷款', true],
    ['厂房 产证', true],
    ['厂房的产证', true],
    ['房产证', true],
    ['产证 贷款 影响', true],
    ['环评', false],
    ['产证 环评', false],
  ])('finds %s in the complaint: %s', async (query, expected) => {
    expect(await matches(COMPLAINT, query)).toBe(expected);
  });

  it('matches domain words and the two-character words inside them', async () => {
    const doc = '园区推行承诺即开工，已为企业办理不动产权证';
    for (const query of ['承诺即开工', '开工', '不动产权证', '产权', '权证', '企业 办理']) expect(await matches(doc, query)).toBe(true);
    expect(await matches(doc, '排污许可')).toBe(false);
  });

  it('quotes every word and joins them with &', () => {
    expect(searchQuery('厂房 产证')).toBe("'厂房' & '产证'");
    expect(searchQuery('  贷款！')).toBe("'贷款'");
  });

  it('is null when nothing searchable is left', () => {
    for (const query of ['', '   ', '，。！', "& | ! ( ) :* ' \" \\ <->"]) expect(searchQuery(query)).toBeNull();
  });

  it('lets no operator through from a hostile query', async () => {
    const hostile = ["a & | ! ( ) :* '\\\" ", "贷款' | '环评", '环评:* | 贷款', '!贷款', '贷款 <-> 环评', "''贷款''", '\\贷款\\\'', '(贷款 | 环评) & !产证', "O'Brien's 贷款"];
    for (const query of hostile) {
      const q = searchQuery(query);
      expect(q, query).not.toBeNull();
      expect(q).toMatch(/^'[^'\\&|!():*<>]+'( & '[^'\\&|!():*<>]+')*$/);
      await expect(matches(COMPLAINT, query), query).resolves.toBeTypeOf('boolean');
    }
    expect(await matches(COMPLAINT, "贷款' | '环评")).toBe(false);
    expect(await matches(COMPLAINT, '(贷款 | 环评) & !产证')).toBe(false);
  });

  // PostgreSQL's parser treats characters newer than its Unicode tables (CJK Extension G, …) as
  // blanks, in the document and the query alike: a query left with no lexeme matches nothing.
  it('never breaks tsquery and always finds a text in itself, whatever the input', async () => {
    const symbols = [...'厂房产证贷款环评的 aZ09&|!():*\'"\\<->，。　\u0000\u200b'];
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: fc.constantFrom(...symbols), maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(text, async (input) => {
        const q = searchQuery(input);
        if (q === null) return;
        const { rows } = await pg.query<{ hit: boolean; lexemes: number }>(
          "SELECT to_tsvector('simple', $1) @@ to_tsquery('simple', $2) AS hit, numnode(to_tsquery('simple', $2)) AS lexemes",
          [searchTokens(input), q],
        );
        expect(rows[0]?.hit || rows[0]?.lexemes === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
