import { chunkDocument } from './chunking/chunk-document';
import type { ChunkingOptions } from './chunking/types';
import type { Embedder } from './embedding/types';
import { type ChunkRow, versionKey } from './index/chunk-row';
import type { ExtractedPdf } from './pdf/types';
import { normalizeSearchText } from './text/normalize';

export interface BuildRowsInput {
  tenantId: string;
  documentId: string;
  version: number;
  title: string;
  pdf: ExtractedPdf;
  embedder: Embedder;
  chunking?: Partial<ChunkingOptions>;
  /** Vectors of the previous version by `reuseKey`, so unchanged passages are not re-embedded. */
  previousVectors?: Map<string, number[]>;
  /** Texts per embedding call (default 64). */
  batchSize?: number;
}

/** Identifies a passage whose vector can be reused: same title, section and text. */
export const reuseKey = (title: string, contentHash: string) => `${title}\n${contentHash}`;

/** What BM25 and the embedder see: headings make the passage findable by topic. */
export const searchTextOf = (title: string, section: string, text: string) =>
  normalizeSearchText([title, section, text].filter(Boolean).join('\n'));

/**
 * Chunks an extracted PDF and embeds the chunks into rows for the index. Embeds in
 * batches and yields to the event loop between them, so chat stays responsive while
 * a large document is embedded on the main thread.
 */
export async function buildChunkRows(input: BuildRowsInput): Promise<ChunkRow[]> {
  const { tenantId, documentId, version, title, embedder } = input;
  const chunks = chunkDocument(input.pdf.pages, input.chunking);
  const rows: ChunkRow[] = chunks.map((chunk) => ({
    id: `${versionKey(documentId, version)}#${chunk.ordinal}`,
    tenant_id: tenantId,
    document_id: documentId,
    version,
    version_key: versionKey(documentId, version),
    title,
    section: chunk.section,
    page: chunk.page,
    page_end: chunk.pageEnd,
    ordinal: chunk.ordinal,
    is_qa: chunk.isQa,
    content_hash: chunk.contentHash,
    text: chunk.text,
    search_text: searchTextOf(title, chunk.section, chunk.text),
    vector: input.previousVectors?.get(reuseKey(title, chunk.contentHash)) ?? [],
  }));
  const pending = rows.filter((row) => row.vector.length === 0);
  const batch = input.batchSize ?? 64;
  for (let start = 0; start < pending.length; start += batch) {
    const slice = pending.slice(start, start + batch);
    const vectors = await embedder.embedDocuments(slice.map((row) => row.search_text));
    slice.forEach((row, i) => {
      row.vector = vectors[i]!;
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return rows;
}
