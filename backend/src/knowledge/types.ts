/**
 * The knowledge base as the rest of the backend sees it. Chat calls `search`;
 * the admin routes and the CLI call the document lifecycle.
 */

/** One passage found for a query, with what a citation needs. */
export interface SearchHit {
  chunkId: string;
  documentId: string;
  documentVersion: number;
  /** Human title of the document (what a citation shows). */
  title: string;
  /** First and last PDF page (1-based) the passage comes from. */
  page: number;
  pageEnd: number;
  /** Heading path, e.g. "Instant pay > Fees". Empty when the page had none. */
  section: string;
  text: string;
  /** Fused rank score (reciprocal rank fusion); only comparable within one result list. */
  score: number;
  /** Cosine similarity of query and chunk vectors, 0..1, or null when only full text found it. */
  vectorSimilarity: number | null;
  /** BM25 score from the full-text index, or null when only the vector search found it. */
  textScore: number | null;
}

export interface SearchQuery {
  tenantId: string;
  text: string;
  /** How many hits to return (default 5). */
  limit?: number;
}

/** How common each content word is among a tenant's live passages (see corpus-stats.ts). */
export interface CorpusStats {
  passages: number;
  /** Passages containing the term (a `contentTerms` stem); 0 for a word the corpus lacks. */
  documentFrequency(term: string): number;
  /** The corpus word a misspelt one most likely means ("replacment" -> "replacement"), or null. */
  correction(term: string): string | null;
}

/** What chat needs of the knowledge base. */
export interface KnowledgeSearch {
  search(query: SearchQuery): Promise<SearchHit[]>;
  corpusStats(tenantId: string): Promise<CorpusStats>;
}
