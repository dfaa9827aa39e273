/**
 * Per-tenant answer cache for repeated questions (§9 of the design document: the same few
 * questions make up most of the traffic, and a cached answer costs no tokens). A hit needs
 * the same tenant and knowledge fingerprint (knowledge-fingerprint.ts) and either the same
 * normalised question (question-key.ts) or, in connected mode, an embedding within cosine
 * 0.95 of a cached question. In memory per process; a Redis implementation of AnswerCache
 * comes with scale-out.
 */
import type { AnswerTrace, Citation } from '../types';
import { questionKey } from './question-key';

/** What a cache hit replays: the answer and how it was made (usage and fallback are per turn). */
export interface CachedAnswer {
  text: string;
  citations: Citation[];
  confidence: number;
  trace: Omit<AnswerTrace, 'usage' | 'fallback' | 'cached' | 'outcome'> & { outcome: 'answered' };
}

export interface AnswerCache {
  get(tenantId: string, question: string, fingerprint: string): Promise<CachedAnswer | null>;
  /**
   * Stores a confident, grounded, connected-mode answer. NEVER call it for an answer that
   * used account data (tool results), names or concerns the caller, or holds any
   * customer-specific text: the cache is shared by everyone in the tenant. The graph decides;
   * anything but outcome 'answered' is ignored here as a last guard.
   */
  put(tenantId: string, question: string, fingerprint: string, answer: CachedAnswer): Promise<void>;
}

export interface MemoryAnswerCacheOptions {
  /** How long an answer stays; 0 disables the cache (`config.answerCacheTtlMs`). */
  ttlMs: number;
  /** Least recently used answers go first past this many per tenant. */
  maxEntriesPerTenant?: number;
  /**
   * Connected mode: embeds a question for the semantic match (the tenant is passed so the
   * call can go through the model gate and its budget). A failure is just a miss.
   */
  embed?: (text: string, tenantId: string) => Promise<number[]>;
  /** Cosine similarity that counts as the same question. */
  similarity?: number;
  now?: () => number;
}

interface Entry {
  vector: number[] | null;
  answer: CachedAnswer;
  storedAt: number;
}

/** One tenant's answers under one fingerprint; a new fingerprint replaces the bucket. */
interface Bucket {
  fingerprint: string;
  entries: Map<string, Entry>;
}

/** Cosine similarity of two vectors; 0 when either is all zeros or their sizes differ. */
export function cosine(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** @example const cache = createMemoryAnswerCache({ ttlMs: config.answerCacheTtlMs }) */
export function createMemoryAnswerCache(options: MemoryAnswerCacheOptions): AnswerCache {
  const max = options.maxEntriesPerTenant ?? 500;
  const similarity = options.similarity ?? 0.95;
  const now = options.now ?? Date.now;
  const buckets = new Map<string, Bucket>();
  // The vector a missed `get` computed, so the `put` that follows does not embed again.
  const recentVectors = new Map<string, number[]>();

  const fresh = (entry: Entry) => now() - entry.storedAt < options.ttlMs;

  async function embed(question: string, tenantId: string): Promise<number[] | null> {
    if (!options.embed) return null;
    try {
      return await options.embed(question, tenantId);
    } catch {
      return null;
    }
  }

  function hit(bucket: Bucket, key: string, entry: Entry): CachedAnswer {
    bucket.entries.delete(key); // Map order is the LRU order: move to the newest end.
    bucket.entries.set(key, entry);
    return entry.answer;
  }

  return {
    async get(tenantId, question, fingerprint) {
      const key = questionKey(question);
      if (options.ttlMs <= 0 || key === '') return null;
      const bucket = buckets.get(tenantId);
      if (!bucket || bucket.fingerprint !== fingerprint) return null;
      const exact = bucket.entries.get(key);
      if (exact && fresh(exact)) return hit(bucket, key, exact);
      if (exact) bucket.entries.delete(key);

      const vector = await embed(question, tenantId);
      if (!vector) return null;
      remember(`${tenantId}\n${key}`, vector);
      let best: { key: string; entry: Entry; score: number } | null = null;
      for (const [k, entry] of bucket.entries) {
        if (!entry.vector || !fresh(entry)) continue;
        const score = cosine(vector, entry.vector);
        if (score >= similarity && (!best || score > best.score)) best = { key: k, entry, score };
      }
      // The bucket may have been replaced while we embedded: then it is a miss.
      if (!best || buckets.get(tenantId) !== bucket) return null;
      return hit(bucket, best.key, best.entry);
    },

    async put(tenantId, question, fingerprint, answer) {
      const key = questionKey(question);
      if (options.ttlMs <= 0 || key === '' || answer.trace.outcome !== 'answered') return;
      const vectorKey = `${tenantId}\n${key}`;
      const vector = recentVectors.get(vectorKey) ?? (await embed(question, tenantId));
      recentVectors.delete(vectorKey);
      let bucket = buckets.get(tenantId);
      if (!bucket || bucket.fingerprint !== fingerprint) {
        bucket = { fingerprint, entries: new Map() };
        buckets.set(tenantId, bucket);
      }
      bucket.entries.delete(key);
      bucket.entries.set(key, { vector, answer, storedAt: now() });
      for (const oldest of bucket.entries.keys()) {
        if (bucket.entries.size <= max) break;
        bucket.entries.delete(oldest);
      }
    },
  };

  function remember(key: string, vector: number[]) {
    recentVectors.set(key, vector);
    // A get without a put (not cacheable, or an error) leaves its vector: keep only a few.
    for (const oldest of recentVectors.keys()) {
      if (recentVectors.size <= 64) break;
      recentVectors.delete(oldest);
    }
  }
}
