/**
 * Confidence from retrieval evidence alone (offline mode has no model to ask).
 * Three signals, each 0..1: how much of the question the best passage covers, with words
 * weighted by rarity in the tenant's corpus; how close the vectors are; and whether vector
 * and full-text search agree on the best passage. Weights were set against the demo eval
 * set and a list of off-topic questions (see confidence.int.test.ts).
 */
import { termCoverage } from '../../knowledge/text/terms';
import type { SearchHit } from '../../knowledge/types';

export interface Evidence {
  coverage: number;
  similarity: number;
  agreement: number;
  /** Whether the question's rarest word appears in one of the top passages. */
  keyTermFound: boolean;
}

export function measureEvidence(
  queryTerms: string[],
  hits: readonly SearchHit[],
  weight: (term: string) => number,
): Evidence {
  const best = hits[0];
  if (!best || queryTerms.length === 0) {
    return { coverage: 0, similarity: 0, agreement: 0, keyTermFound: false };
  }
  const window = hits.slice(0, 3);
  const key = queryTerms.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  const coverage = Math.max(
    ...window.map((h) => termCoverage(queryTerms, `${h.section} ${h.text}`, weight)),
  );
  const similarity = Math.max(0, ...window.map((h) => h.vectorSimilarity ?? 0));
  const agreement = best.vectorSimilarity !== null && best.textScore !== null ? 1 : 0;
  const keyTermFound = window.some((h) => termCoverage([key], `${h.section} ${h.text}`) === 1);
  return { coverage, similarity, agreement, keyTermFound };
}

/**
 * Combines the evidence into one number in 0..1, rounded to two places. A question whose
 * rarest word no top passage contains ("vacation", "mortgage") is most often about something
 * the help centre does not cover, whatever else matches: that costs a quarter.
 */
export function confidenceFrom(e: Evidence): number {
  const base = 0.6 * e.coverage + 0.25 * Math.min(1, e.similarity / 0.6) + 0.15 * e.agreement;
  const value = e.keyTermFound ? base : base * 0.75;
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
