/**
 * Words as search, corpus statistics, the hashing embedder and the offline answerer compare
 * them: lower-case, accents folded, stop words dropped, stemmed (stem.ts).
 */
import { normalizeSearchText } from './normalize';
import { stem } from './stem';
import { STOP_WORDS } from './stop-words';

/** Lower-case words of a text, accents folded, "don't" -> "dont", "worker's" -> "worker". */
export function wordsOf(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? [];
  return words.map((w) => w.replace(/['’](?:s)$/, '').replace(/['’]/g, ''));
}

/**
 * Stems of a text's content words, in order and with repeats (what the embedder counts).
 * The text is taken as is: callers that index or search normalise it first. Single digits
 * are kept only when asked: "box 7" and "step 4" name different things to the answerer, but
 * in the embedder's hashed features they cost more than they help (demo recall@1 -0.03).
 */
export function stemsOf(text: string, options: { singleDigits?: boolean } = {}): string[] {
  const keep = (w: string) => w.length >= 2 || (options.singleDigits === true && /\d/.test(w));
  return wordsOf(text)
    .filter((w) => keep(w) && !STOP_WORDS.has(w))
    .map(stem);
}

/** Distinct content-word stems of a text, in order of first appearance (search-normalised). */
export function contentTerms(text: string): string[] {
  return [...new Set(stemsOf(normalizeSearchText(text), { singleDigits: true }))];
}

/**
 * Share of `query` terms found in `passage` (0..1), each term counted by `weight` (1 unless
 * given); 0 for a query with no content words.
 */
export function termCoverage(
  query: string[],
  passage: string,
  weight: (term: string) => number = () => 1,
): number {
  const total = query.reduce((sum, t) => sum + weight(t), 0);
  if (total === 0) return 0;
  const have = new Set(contentTerms(passage));
  return query.reduce((sum, t) => sum + (have.has(t) ? weight(t) : 0), 0) / total;
}

/**
 * Inverse document frequency: rare words weigh more. A word no passage contains gets the
 * highest weight, so leaving it unmatched costs the most.
 */
export function rarityWeight(stats: {
  passages: number;
  documentFrequency(term: string): number;
}): (term: string) => number {
  return (term: string) => Math.log((stats.passages + 1) / (stats.documentFrequency(term) + 0.5));
}
