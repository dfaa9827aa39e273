import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createLocalBlobStore } from './blob-store';
import { createKeyedLock, createSemaphore, createSerialQueue } from './concurrency';
import { createCorpusStats } from './corpus-stats';
import { openChunkTable, sqlString } from './index/chunk-table';
import { createVersionIndexer, titleFromFilename } from './index-version';
import { FAILURE_MESSAGES, ingestError } from './ingest-errors';
import {
  DEFAULT_TUNING,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
} from './knowledge-base-types';
import { createLiveSet } from './live-set';
import { createPdfExtractor } from './pdf/extract-pool';
import { recoverIndex } from './recover-index';
import { reindexStaleTables } from './reindex';
import { createHybridSearch } from './search/hybrid-search';

/**
 * @example
 * const kb = await createKnowledgeBase({ dataDir, documents: store.documents,
 *   embedder: createEmbedder(config.openai), logger });
 * await kb.recover();
 * const hits = await kb.search({ tenantId: 'demo', text: 'instant pay fee' });
 */
export async function createKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const { documents, embedder, logger } = options;
  const blobs = options.blobs ?? createLocalBlobStore(join(options.dataDir, 'uploads'));
  const table = await openChunkTable({
    uri: join(options.dataDir, 'lancedb'),
    model: embedder.model,
    dimension: embedder.dimension,
    logger,
    annMinRows: tuning.annMinRows,
  });
  const live = await createLiveSet(documents);
  await reindexStaleTables({ table, embedder, liveKeys: live.allKeys(), documents, logger });
  const extractor = createPdfExtractor({ workers: tuning.extractWorkers });
  // LanceDB commits are optimistic; one writer at a time avoids retries and conflicts.
  const writes = createSerialQueue();
  const slots = createSemaphore(tuning.ingestConcurrency);
  const perDocument = createKeyedLock();
  let maintenance: Promise<void> = Promise.resolve();
  let maintenanceQueued = false;
  let activeIngests = 0;

  // Compaction and index updates rewrite files and take the write queue: run them once a
  // batch is done rather than after every document (rows not yet indexed are still searched).
  const scheduleMaintenance = () => {
    if (maintenanceQueued || activeIngests > 0) return;
    maintenanceQueued = true;
    maintenance = maintenance.then(() =>
      writes.run(async () => {
        maintenanceQueued = false;
        await table.maintain().catch((error: unknown) => {
          logger.error({ err: error }, 'index maintenance failed');
        });
      }),
    );
  };

  const indexer = createVersionIndexer({
    table,
    documents,
    embedder,
    extractor,
    writes,
    live,
    tuning,
    logger,
    afterWrite: () => scheduleMaintenance(),
  });

  const search = createHybridSearch(() => table, embedder, live);
  const corpusStats = createCorpusStats(() => table, live);

  return {
    search,
    corpusStats,

    async ingest(input) {
      const bytes = input.bytes;
      const limit = input.maxBytes ?? tuning.maxDocumentBytes;
      const tooLarge = bytes.byteLength > limit;
      return perDocument.run(`${input.tenantId}\n${input.filename}`, () =>
        slots.run(async () => {
          const blobKey = tooLarge ? '' : `${input.tenantId}/${randomUUID()}.pdf`;
          // The original is stored before anything else: an accepted upload is never lost.
          if (!tooLarge) await blobs.put(blobKey, bytes);
          const version = await documents.beginVersion({
            tenantId: input.tenantId,
            filename: input.filename,
            title: titleFromFilename(input.filename),
            sha256: createHash('sha256').update(bytes).digest('hex'),
            sizeBytes: bytes.byteLength,
            blobKey,
            uploadedBy: input.uploadedBy ?? null,
          });
          if (tooLarge) {
            await documents.failVersion(
              version.documentId,
              version.version,
              'too_large',
              FAILURE_MESSAGES.too_large,
            );
            throw ingestError('too_large', { document_id: version.documentId, max_bytes: limit });
          }
          activeIngests++;
          try {
            return await indexer.process(version, bytes);
          } finally {
            activeIngests--;
            scheduleMaintenance();
          }
        }),
      );
    },

    listDocuments: (tenantId) => documents.list(tenantId),
    getDocument: (tenantId, id) => documents.get(tenantId, id),

    async renameDocument(tenantId, id, title) {
      const record = await documents.rename(tenantId, id, title);
      // The live set caches titles for search hits: refresh so the next search shows the new one.
      if (record) await live.refresh();
      return record;
    },

    async deleteDocument(tenantId, id) {
      const record = await documents.get(tenantId, id);
      if (!record) return false;
      return perDocument.run(`${tenantId}\n${record.name}`, async () => {
        const versions = await documents.listVersions(id);
        if (!(await documents.delete(tenantId, id))) return false;
        await live.refresh();
        await live.drain();
        await writes.run(() => table.deleteWhere(`document_id = ${sqlString(id)}`));
        await Promise.all(versions.filter((v) => v.blobKey).map((v) => blobs.delete(v.blobKey)));
        scheduleMaintenance();
        logger.info({ documentId: id }, 'document deleted');
        return true;
      });
    },

    async recover() {
      await recoverIndex({
        table,
        documents,
        blobs,
        indexer,
        writes,
        live,
        embeddingModel: embedder.model,
        logger,
      });
      scheduleMaintenance();
      await maintenance;
    },

    async settled() {
      // Maintenance queued while this one ran chains onto `maintenance`: wait until none is left.
      let seen: Promise<void> | null = null;
      while (seen !== maintenance || maintenanceQueued) {
        seen = maintenance;
        await maintenance;
      }
    },

    async close() {
      await maintenance;
      await writes.run(async () => undefined);
      await extractor.close();
      table.close();
    },
  };
}

export type {
  DocumentVersionInfo,
  IngestInput,
  KnowledgeBase,
  KnowledgeBaseOptions,
  KnowledgeBaseTuning,
} from './knowledge-base-types';
export { DEFAULT_TUNING } from './knowledge-base-types';
