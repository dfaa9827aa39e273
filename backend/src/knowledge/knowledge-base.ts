import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DocumentVersion } from '../store/documents';
import { createLocalBlobStore } from './blob-store';
import { buildChunkRows, reuseKey } from './build-chunk-rows';
import { createKeyedLock, createSemaphore, createSerialQueue } from './concurrency';
import { createCorpusStats } from './corpus-stats';
import { versionKey } from './index/chunk-row';
import { openChunkTable, sqlString } from './index/chunk-table';
import { FAILURE_MESSAGES, ingestError } from './ingest-errors';
import {
  DEFAULT_TUNING,
  type DocumentVersionInfo,
  type KnowledgeBase,
  type KnowledgeBaseOptions,
} from './knowledge-base-types';
import { createLiveSet } from './live-set';
import { ExtractionError } from './pdf/extract-pdf';
import { createPdfExtractor } from './pdf/extract-pool';
import { sniffPdf } from './pdf/sniff-pdf';
import { reindexStaleTables } from './reindex';
import { createHybridSearch } from './search/hybrid-search';

const titleFromFilename = (filename: string) => {
  const base = filename
    .replace(/\.pdf$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : 'Untitled document';
};

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
  await reindexStaleTables({ table, embedder, liveKeys: live.allKeys(), logger });
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

  const byKey = (key: string) => `version_key = ${sqlString(key)}`;

  /** Indexes one `processing` version and swaps it in; throws AppError after recording failure. */
  const processVersion = async (version: DocumentVersion, bytes: Uint8Array) => {
    const started = performance.now();
    const key = versionKey(version.documentId, version.version);
    const log = logger.child({ documentId: version.documentId, version: version.version });
    try {
      const sniffed = sniffPdf(bytes);
      if (sniffed) throw new ExtractionError(sniffed, FAILURE_MESSAGES[sniffed]);
      const pdf = await extractor.extract(bytes);
      const title = pdf.title ?? titleFromFilename(version.filename);
      const before = await documents.get(version.tenantId, version.documentId);
      const previous = before?.liveVersion ?? null;
      const previousVectors = new Map<string, number[]>();
      if (previous !== null) {
        for (const row of await table.scan(byKey(versionKey(version.documentId, previous)))) {
          previousVectors.set(reuseKey(row.title, row.content_hash), row.vector);
        }
      }
      const rows = await buildChunkRows({
        tenantId: version.tenantId,
        documentId: version.documentId,
        version: version.version,
        title,
        pdf,
        embedder,
        chunking: tuning.chunking,
        previousVectors,
        batchSize: tuning.embedBatchSize,
      });
      if (rows.length === 0) throw new ExtractionError('pdf_no_text', FAILURE_MESSAGES.pdf_no_text);
      await writes.run(async () => {
        await table.add(rows);
        await table.ensureTextIndex();
      });
      // The swap: one SQLite transaction, then new searches see only the new version.
      const record = await documents.completeVersion({
        documentId: version.documentId,
        version: version.version,
        title,
        pageCount: pdf.pageCount,
        chunkCount: rows.length,
        embeddingModel: embedder.model,
      });
      await live.refresh();
      if (previous !== null && previous !== version.version) {
        // Searches that began before the swap may still read the old chunks.
        await live.drain();
        await writes.run(() => table.deleteWhere(byKey(versionKey(version.documentId, previous))));
      }
      scheduleMaintenance();
      const durationMs = Math.round(performance.now() - started);
      log.info({ chunks: rows.length, pages: pdf.pageCount, durationMs }, 'document ingested');
      return {
        documentId: record.id,
        tenantId: record.tenantId,
        name: record.name,
        title: record.title,
        version: version.version,
        replacedVersion: previous,
        pageCount: pdf.pageCount,
        chunkCount: rows.length,
        sizeBytes: version.sizeBytes,
        durationMs,
      } satisfies DocumentVersionInfo;
    } catch (error) {
      const reason = error instanceof ExtractionError ? error.reason : 'index_failed';
      log.warn({ reason, err: reason === 'index_failed' ? error : undefined }, 'ingest failed');
      await documents.failVersion(
        version.documentId,
        version.version,
        reason,
        FAILURE_MESSAGES[reason],
      );
      await writes
        .run(() => table.deleteWhere(byKey(key)))
        .catch((cleanup: unknown) => {
          log.error({ err: cleanup }, 'could not remove chunks of a failed version');
        });
      throw ingestError(
        reason,
        { document_id: version.documentId, version: version.version },
        error,
      );
    }
  };

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
            return await processVersion(version, bytes);
          } finally {
            activeIngests--;
            scheduleMaintenance();
          }
        }),
      );
    },

    listDocuments: (tenantId) => documents.list(tenantId),
    getDocument: (tenantId, id) => documents.get(tenantId, id),

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
      for (const version of await documents.listProcessing()) {
        const key = versionKey(version.documentId, version.version);
        await writes.run(() => table.deleteWhere(byKey(key)));
        const bytes = version.blobKey ? await blobs.get(version.blobKey) : null;
        if (!bytes) {
          await documents.failVersion(
            version.documentId,
            version.version,
            'index_failed',
            'The upload was interrupted and its file is missing.',
          );
          continue;
        }
        logger.info(
          { documentId: version.documentId, version: version.version },
          'resuming interrupted ingest',
        );
        await processVersion(version, bytes).catch(() => undefined);
      }
      // Chunks of versions no longer live: a crash between the swap and the clean-up, or a delete.
      const keys = live.allKeys().map(sqlString);
      await writes.run(() =>
        table.deleteWhere(keys.length > 0 ? `version_key NOT IN (${keys.join(', ')})` : 'true'),
      );
      scheduleMaintenance();
      await maintenance;
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
