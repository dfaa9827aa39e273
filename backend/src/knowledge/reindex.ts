import type { Logger } from 'pino';
import type { DocumentRepository } from '../store/documents';
import type { Embedder } from './embedding/types';
import type { ChunkRow } from './index/chunk-row';
import { type ChunkTable, sqlString } from './index/chunk-table';

export interface ReindexInput {
  table: ChunkTable;
  embedder: Embedder;
  liveKeys: string[];
  /** Where the re-indexed versions' `embedding_model` is recorded. */
  documents: DocumentRepository;
  logger: Logger;
}

/**
 * After an embedding model switch the current model's table is new and the old model's
 * table still holds the live chunks. Re-embed those chunks into the new table, then drop
 * the old table: vectors of two models never meet. Interrupted half-way, the old table is
 * still there and the next start does it again from a cleared new table.
 */
export async function reindexStaleTables(input: ReindexInput) {
  const { table, embedder, liveKeys, documents, logger } = input;
  const stale = await table.staleTables();
  if (stale.length === 0) return;
  let source: { name: string; rows: ChunkRow[] } | null = null;
  if (liveKeys.length > 0) {
    const filter = `version_key IN (${liveKeys.map(sqlString).join(', ')})`;
    for (const name of stale) {
      const other = await table.openStale(name);
      const rows = await other.scan(filter);
      if (!source || rows.length > source.rows.length) source = { name, rows };
    }
  }
  if (source && source.rows.length > 0) {
    const started = performance.now();
    await table.deleteWhere('true');
    for (let start = 0; start < source.rows.length; start += 256) {
      const batch = source.rows.slice(start, start + 256);
      const vectors = await embedder.embedDocuments(batch.map((row) => row.search_text));
      await table.add(batch.map((row, i) => ({ ...row, vector: vectors[i]! })));
    }
    await table.maintain();
    // Before the old table is dropped: a crash in between redoes the copy and this again.
    const moved = new Map(source.rows.map((row) => [row.version_key, row]));
    for (const row of moved.values()) {
      await documents.setEmbeddingModel(row.document_id, row.version, embedder.model);
    }
    logger.info(
      {
        from: source.name,
        to: table.name,
        rows: source.rows.length,
        ms: Math.round(performance.now() - started),
      },
      'embedding model changed: re-indexed live chunks',
    );
  }
  for (const name of stale) await table.dropTable(name);
}
