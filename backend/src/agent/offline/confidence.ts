/**
 * Confidence from retrieval evidence alone (offline mode has no model to ask).
 * Three signals, each 0..1: how much of the question the best passage covers, how close
 * the vectors are, and whether vector and full-text search agree on the best passage.
 * Weights were set against the demo eval set: questions the help centre answers land
 * well above the default threshold (0.45), off-topic ones well below.
 */
import type { SearchHit } from '../../knowledge/types';
import { termCoverage } from './terms';

export interface Evidence {
  coverage: number;
  similarity: number;
  agreement: number;
}

export function measureEvidence(queryTerms: string[], hits: readonly SearchHit[]): Evidence {
  const best = hits[0];
  if (!best || queryTerms.length === 0) return { coverage: 0, similarity: 0, agreement: 0 };
  const window = hits.slice(0, 3);
  const coverage = Math.max(
    ...window.map((h) => termCoverage(queryTerms, `${h.section} ${h.text}`)),
  );
  const similarity = Math.max(0, ...window.map((h) => h.vectorSimilarity ?? 0));
  const agreement = best.vectorSimilarity !== null && best.textScore !== null ? 1 : 0;
  return { coverage, similarity, agreement };
}

/** Combines the evidence into one number in 0..1, rounded to two places. */
export function confidenceFrom(e: Evidence): number {
  const value = 0.6 * e.coverage + 0.25 * Math.min(1, e.similarity / 0.6) + 0.15 * e.agreement;
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
