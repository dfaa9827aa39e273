import type { Logger } from 'pino';
import type { DocumentRepository } from '../store/documents';
import type { BlobStore } from './blob-store';
import type { SerialQueue } from './concurrency';
import { versionKey } from './index/chunk-row';
import { type ChunkTable, sqlString } from './index/chunk-table';
import { byVersionKey, type VersionIndexer } from './index-version';
import { failOriginalMissing } from './ingest-errors';
import type { LiveSet } from './live-set';
import { rebuildLiveVersions } from './rebuild-live-versions';

export interface RecoverIndexDeps {
  table: ChunkTable;
  documents: DocumentRepository;
  blobs: BlobStore;
  indexer: VersionIndexer;
  writes: SerialQueue;
  live: LiveSet;
  embeddingModel: string;
  logger: Logger;
}

/**
 * Brings the index back in line with SQLite, which is the record of truth:
 * 1. versions a crash left `processing` are indexed again from their stored originals;
 * 2. live versions whose chunks the index lacks (LanceDB folder lost or damaged) are
 *    rebuilt from their originals, or failed when the original is gone too;
 * 3. chunks no live version owns (a crash between a swap and its clean-up) are removed.
 */
export async function recoverIndex(deps: RecoverIndexDeps): Promise<void> {
  const { table, documents, blobs, indexer, writes, live, logger } = deps;
  for (const version of await documents.listProcessing()) {
    const log = logger.child({ documentId: version.documentId, version: version.version });
    await writes.run(() =>
      table.deleteWhere(byVersionKey(versionKey(version.documentId, version.version))),
    );
    const bytes = version.blobKey ? await blobs.get(version.blobKey) : null;
    if (!bytes) {
      log.error('interrupted ingest cannot resume: its original file is missing');
      await failOriginalMissing(documents, version);
      continue;
    }
    log.info('resuming interrupted ingest');
    // process() records its own failure; one bad file must not stop the rest.
    await indexer.process(version, bytes).catch(() => undefined);
  }

  await rebuildLiveVersions(deps);

  // Chunks of versions no longer live: a crash between the swap and the clean-up, or a delete.
  const keys = live.allKeys().map(sqlString);
  await writes.run(() =>
    table.deleteWhere(keys.length > 0 ? `version_key NOT IN (${keys.join(', ')})` : 'true'),
  );
}
