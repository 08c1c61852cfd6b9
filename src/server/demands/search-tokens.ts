import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';

/**
 * Chinese full-text search without a Chinese parser in PostgreSQL (PGlite cannot load zhparser):
 * text is cut into words here, stored as space-separated tokens and indexed with
 * `to_tsvector('simple', tokens)`; a query is cut the same way and matched with
 * `to_tsquery('simple', searchQuery(q))`.
 *
 * Tokens are runs of letters, digits and marks only, so PostgreSQL's default parser keeps each
 * one whole and nothing typed by a user can reach tsquery syntax.
 */

/** Words of the zone's work that jieba's dictionary lacks or splits. */
const DOMAIN_WORDS = [
  '产证办理', '竣工验收', '厂房土地', '资金贷款', '配套服务', '环评审批', '人才用工', '政策兑现',
  '水电气网', '承诺即开工', '专精特新', '小巨人', '不动产权证', '营业执照', '排污许可',
];
/** High enough that jieba keeps the word whole; search mode still emits its dictionary sub-words. */
const DOMAIN_WORD_FREQUENCY = 100_000;
/** PostgreSQL skips lexemes over 2047 bytes; a "word" this long is noise (a hash, a pasted blob). */
const MAX_TOKEN_LENGTH = 100;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const SINGLE_HAN = /^\p{Script=Han}$/u;

let jieba: Jieba | undefined;

/**
 * The native module and its dictionary (≈ 5 MB, ≈ 0.2 s to build here) are loaded on first use, once
 * per process, so importing this file costs nothing. `require` because both are CommonJS and
 * `@node-rs/jieba/dict` reads its file when loaded.
 */
function segmenter(): Jieba {
  if (jieba === undefined) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    const { dict } = require('@node-rs/jieba/dict') as typeof import('@node-rs/jieba/dict.js');
    jieba = Jieba.withDict(dict);
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} ${DOMAIN_WORD_FREQUENCY}`).join('\n'), 'utf8'));
  }
  return jieba;
}

/** jieba's search-mode words, folded (NFKC: full-width to half-width; lower case) and split to letter/digit runs. */
function words(text: string): string[] {
  const normalized = text.normalize('NFKC');
  const out: string[] = [];
  for (const piece of segmenter().cutForSearch(normalized, true)) {
    for (const word of piece.toLowerCase().match(WORD) ?? []) {
      if (word.length <= MAX_TOKEN_LENGTH) out.push(word);
    }
  }
  return out;
}

/** Every pair of adjacent Chinese characters, so a two-character query matches inside any longer word. */
function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.normalize('NFKC').match(HAN_RUN) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
  }
  return out;
}

/**
 * The tokens to store for a document: jieba's search-mode words plus the bigrams of each run of
 * Chinese characters, deduplicated, in order of first appearance, separated by single spaces.
 * "厂房产证一直办不下来" yields 房产证 and 房产 from jieba, and 厂房 and 产证 from the bigrams.
 * Empty text gives ''.
 */
export function searchTokens(text: string): string {
  return [...new Set([...words(text), ...hanBigrams(text)])].join(' ');
}

/**
 * A query for `to_tsquery('simple', $1)`: the query's words, each quoted as a lexeme, joined with
 * ' & ' (every word must occur). Operators, quotes and backslashes typed by the user are dropped.
 * Single Chinese characters (的, 和, 在…) are dropped when the query has longer words, since a
 * document holds a single character only where jieba happened to leave it alone.
 * Returns null when nothing searchable is left (empty or punctuation only): the caller must not
 * pass that to to_tsquery (a syntax error); the demand list then matches nothing.
 */
export function searchQuery(text: string): string | null {
  const unique = [...new Set(words(text))];
  const longer = unique.filter((w) => !SINGLE_HAN.test(w));
  const chosen = longer.length > 0 ? longer : unique;
  if (chosen.length === 0) return null;
  return chosen.map(quoteLexeme).join(' & ');
}

/** tsquery quoting: a lexeme in single quotes, with quotes doubled and backslashes escaped. */
function quoteLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
