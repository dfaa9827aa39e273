import { stemsOf } from '../text/terms';
import type { Embedder } from './types';

export interface HashingEmbedderOptions {
  /** Vector length (default 384). */
  dimension?: number;
}

/** FNV-1a, 32-bit: fast, deterministic, good enough spread for feature hashing. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function features(text: string): Map<string, number> {
  const stems = stemsOf(text);
  const weights = new Map<string, number>();
  const add = (key: string, weight: number) => weights.set(key, (weights.get(key) ?? 0) + weight);
  stems.forEach((s, i) => {
    add(`w:${s}`, 1);
    const next = stems[i + 1];
    if (next) add(`b:${s} ${next}`, 0.6);
    // Character trigrams let "withdrawal" meet "withdraw" and survive small typos.
    const padded = `^${s}$`;
    for (let j = 0; j + 3 <= padded.length; j++) add(`c:${padded.slice(j, j + 3)}`, 0.25);
  });
  return weights;
}

/**
 * The offline embedder: hashed bag of stemmed words, word pairs and character
 * trigrams, sublinear term weights, L2-normalised. Deterministic and downloads
 * nothing; paired with BM25 in hybrid search it is the embedded default.
 * @example const vector = await createHashingEmbedder().embedQuery('instant pay fee');
 */
export function createHashingEmbedder(options: HashingEmbedderOptions = {}): Embedder {
  const dimension = options.dimension ?? 384;
  const embed = (text: string): number[] => {
    const vector = new Float64Array(dimension);
    for (const [key, weight] of features(text)) {
      const hash = fnv1a(key);
      // The sign bit spreads collisions around zero instead of piling them up.
      vector[hash % dimension]! += (hash & 0x80000000 ? -1 : 1) * Math.log1p(weight);
    }
    let norm = 0;
    for (const value of vector) norm += value * value;
    norm = Math.sqrt(norm);
    // An all-zero vector has no cosine; give empty text a fixed unit vector instead.
    if (norm === 0) return Array.from(vector, (_, i) => (i === 0 ? 1 : 0));
    return Array.from(vector, (value) => value / norm);
  };
  return {
    // v2: the shared stemmer and stop words (knowledge/text); a new id re-embeds old indexes.
    model: `hashing-v2-${dimension}`,
    dimension,
    async embedDocuments(texts) {
      return texts.map(embed);
    },
    async embedQuery(text) {
      return embed(text);
    },
  };
}
