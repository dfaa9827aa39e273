import type { Embedder } from '../embedding/types';
import type { ChunkTable } from '../index/chunk-table';
import type { LiveSet } from '../live-set';
import { normalizeSearchText } from '../text/normalize';
import { expandSlang } from '../text/slang';
import type { SearchHit, SearchQuery } from '../types';
import { reciprocalRankFusion } from './reciprocal-rank-fusion';

export interface HybridSearchOptions {
  /** Candidates taken from each retriever before fusion (default max(limit * 6, 30); 20 cost
   * recall@5 on the demo eval set, 30 and 40 scored the same). */
  candidates?: number;
  /** RRF constant (default 60). */
  rrfK?: number;
}

/** Longest query we search for; longer input is cut (the chat API allows 4,000 characters). */
const MAX_QUERY_CHARS = 1000;

/**
 * Vector and BM25 searches run side by side over the tenant's live versions and are fused
 * with reciprocal rank fusion. Each hit keeps both raw scores as evidence for confidence.
 */
export function createHybridSearch(
  table: () => ChunkTable,
  embedder: Embedder,
  live: LiveSet,
  options: HybridSearchOptions = {},
) {
  return async function search(query: SearchQuery): Promise<SearchHit[]> {
    const limit = Math.max(1, Math.min(50, Math.floor(query.limit ?? 5)));
    const text = query.text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
    const view = live.view(query.tenantId);
    if (!view || !/[\p{L}\p{N}]/u.test(text)) return [];
    const k = options.candidates ?? Math.max(limit * 6, 30);
    const current = table();
    const normalized = normalizeSearchText(expandSlang(text));
    const read = (async () => {
      const vector = await embedder.embedQuery(normalized);
      return Promise.all([
        current.vectorSearch(vector, view.filter, k),
        // Keep only word characters for BM25: the FTS parser has its own syntax.
        current.textSearch(normalized.replace(/[^\p{L}\p{N}$]+/gu, ' ').trim(), view.filter, k),
      ]);
    })();
    const [vectorHits, textHits] = await live.track(read);
    // BM25 first: a tie between a word match and an embedding match goes to the words typed.
    const fused = reciprocalRankFusion(
      [textHits, vectorHits].map((hits) => hits.map((hit) => ({ id: hit.row.id, item: hit }))),
      options.rrfK,
    );
    const vectorScore = new Map(vectorHits.map((h) => [h.row.id, h.score]));
    const textScore = new Map(textHits.map((h) => [h.row.id, h.score]));
    return fused.slice(0, limit).map(({ id, item: { row }, score }) => ({
      chunkId: id,
      documentId: row.document_id,
      documentVersion: row.version,
      title: view.titles.get(row.document_id) ?? row.title,
      page: row.page,
      pageEnd: row.page_end,
      section: row.section,
      text: row.text,
      score,
      vectorSimilarity: vectorScore.get(id) ?? null,
      textScore: textScore.get(id) ?? null,
    }));
  };
}
