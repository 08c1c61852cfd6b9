/**
 * How alike two short texts are, to suggest possible duplicates of a demand while it is typed
 * ("厂房产证一直办不下来" and "我司厂房的产权证书迟迟办不下来" are the same problem).
 *
 * Chinese has no spaces between words, so there are no words to compare without a segmenter
 * (a dictionary and a model). Overlapping character bigrams stand in for words: most Chinese
 * words are two characters long, so two texts about the same thing share many bigrams even
 * when reworded. The Sørensen–Dice coefficient over the bigram multisets, 2·|A∩B| / (|A|+|B|),
 * is the usual cheap measure for short Chinese text: no dictionary, no training, linear time.
 */

/** Texts this short (in characters, after normalising) are compared on single characters as well as bigrams. */
export const SHORT_TEXT_CHARS = 3;
/** Default lowest score `rankSimilar` reports as a possible duplicate. */
export const DEFAULT_SIMILARITY_THRESHOLD = 0.3;
/** Default number of suggestions `rankSimilar` returns. */
export const DEFAULT_SIMILARITY_LIMIT = 5;

/**
 * NFKC (full-width letters and digits to ASCII, compatibility forms folded), lower case, then
 * only letters and digits kept: whitespace and all punctuation and symbols, Chinese ones
 * included (，。、！？（）【】“”), are dropped. Returns the characters (code points).
 */
function normalise(text: string): string[] {
  return Array.from(text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
}

type Grams = { counts: Map<string, number>; total: number };

function grams(chars: readonly string[], withUnigrams: boolean): Grams {
  const counts = new Map<string, number>();
  const add = (gram: string) => counts.set(gram, (counts.get(gram) ?? 0) + 1);
  if (withUnigrams) chars.forEach(add);
  for (let i = 0; i + 1 < chars.length; i += 1) add(`${chars[i]}${chars[i + 1]}`);
  let total = 0;
  for (const count of counts.values()) total += count;
  return { counts, total };
}

function dice(a: Grams, b: Grams): number {
  if (a.total === 0 || b.total === 0) return 0;
  let shared = 0;
  for (const [gram, count] of a.counts) shared += Math.min(count, b.counts.get(gram) ?? 0);
  return (2 * shared) / (a.total + b.total);
}

function similarityOfNormalised(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const withUnigrams = Math.min(a.length, b.length) <= SHORT_TEXT_CHARS;
  return dice(grams(a, withUnigrams), grams(b, withUnigrams));
}

/**
 * Similarity of two short texts in [0, 1]: the Sørensen–Dice coefficient of their character
 * bigram multisets after normalising (see above). 1 for texts equal after normalising, 0 when
 * either is empty after normalising or they share no bigram. When either text has at most
 * SHORT_TEXT_CHARS characters, single characters are counted too (a one-character text has no
 * bigram). Symmetric. Repeated bigrams count as often as they occur (multisets, not sets).
 */
export function textSimilarity(a: string, b: string): number {
  return similarityOfNormalised(normalise(a), normalise(b));
}

export type SimilarCandidate<T> = { item: T; text: string };
export type SimilarMatch<T> = { item: T; score: number };

/**
 * The candidates most like `text` (e.g. open demands of the same enterprise, title + description),
 * best first: those scoring at least `threshold` by `textSimilarity`, at most `limit` of them.
 * A candidate sharing nothing with `text` (score 0) is never returned, whatever the threshold.
 * Equal scores keep the candidates' order.
 */
export function rankSimilar<T>(
  text: string,
  candidates: readonly SimilarCandidate<T>[],
  { threshold = DEFAULT_SIMILARITY_THRESHOLD, limit = DEFAULT_SIMILARITY_LIMIT }: { threshold?: number; limit?: number } = {},
): SimilarMatch<T>[] {
  const query = normalise(text);
  if (query.length === 0 || limit <= 0) return [];
  return candidates
    .map(({ item, text: candidate }) => ({ item, score: similarityOfNormalised(query, normalise(candidate)) }))
    .filter(({ score }) => score > 0 && score >= threshold)
    .sort((x, y) => y.score - x.score)
    .slice(0, limit);
}
