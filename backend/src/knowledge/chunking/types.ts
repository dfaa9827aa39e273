/** A passage of one document, before it gets a tenant, version and vector. */
export interface Chunk {
  /** Position in the document, 0-based; stable for one version. */
  ordinal: number;
  /** Readable prose shown to users and used to compose answers. */
  text: string;
  /** First and last page (1-based). */
  page: number;
  pageEnd: number;
  /** Heading path, e.g. "Instant pay > Fees"; empty when no heading precedes it. */
  section: string;
  /** True for a question with its answer, kept whole. */
  isQa: boolean;
  /** sha256 of section and text (hex), so unchanged passages are recognised across versions. */
  contentHash: string;
}

export interface ChunkingOptions {
  /** Aim for chunks about this long, in characters (default 1000, about 220 tokens). */
  targetChars: number;
  /** Never exceed this; longer paragraphs are split at sentences (default 1600). */
  maxChars: number;
  /** Characters of the previous chunk's end repeated at the start of the next (default 200). */
  overlapChars: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = {
  targetChars: 1000,
  maxChars: 1600,
  overlapChars: 200,
};
