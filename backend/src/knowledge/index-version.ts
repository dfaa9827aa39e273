import type { Logger } from 'pino';
import type { DocumentRepository, DocumentVersion } from '../store/documents';
import { buildChunkRows, reuseKey } from './build-chunk-rows';
import type { SerialQueue } from './concurrency';
import type { Embedder } from './embedding/types';
import { type ChunkRow, versionKey } from './index/chunk-row';
import { type ChunkTable, sqlString } from './index/chunk-table';
import { FAILURE_MESSAGES, ingestError } from './ingest-errors';
import type { DocumentVersionInfo, KnowledgeBaseTuning } from './knowledge-base-types';
import type { LiveSet } from './live-set';
import type { PdfExtractor } from './pdf/extract-pool';
import { ExtractionError } from './pdf/extraction-error';
import { titleFromFilename } from './pdf/file-name-title';
import { sniffPdf } from './pdf/sniff-pdf';
import type { ExtractedPdf } from './pdf/types';

export { titleFromFilename } from './pdf/file-name-title';

export interface VersionIndexerDeps {
  table: ChunkTable;
  documents: DocumentRepository;
  embedder: Embedder;
  extractor: PdfExtractor;
  /** The single LanceDB writer queue. */
  writes: SerialQueue;
  live: LiveSet;
  tuning: KnowledgeBaseTuning;
  logger: Logger;
  /** Called after a version's rows changed, to fold them into the indexes later. */
  afterWrite: () => void;
}

/** What indexing one version produced, before anything is written. */
export interface BuiltVersion {
  title: string;
  pdf: ExtractedPdf;
  rows: ChunkRow[];
}

export const byVersionKey = (key: string) => `version_key = ${sqlString(key)}`;

/** Indexing of one stored version: shared by uploads, crash recovery and index rebuilds. */
export interface VersionIndexer {
  /**
   * Checks, extracts, chunks and embeds the PDF; writes nothing. Throws ExtractionError
   * when the file itself is unusable (a permanent failure), anything else when it is not.
   */
  build(
    version: DocumentVersion,
    bytes: Uint8Array,
    previousVectors?: Map<string, number[]>,
  ): Promise<BuiltVersion>;
  /** Indexes one `processing` version and swaps it in; throws AppError after recording failure. */
  process(version: DocumentVersion, bytes: Uint8Array): Promise<DocumentVersionInfo>;
}

export function createVersionIndexer(deps: VersionIndexerDeps): VersionIndexer {
  const { table, documents, embedder, extractor, writes, live, tuning, logger } = deps;

  const build: VersionIndexer['build'] = async (version, bytes, previousVectors) => {
    const sniffed = sniffPdf(bytes);
    if (sniffed) throw new ExtractionError(sniffed, FAILURE_MESSAGES[sniffed]);
    const pdf = await extractor.extract(bytes);
    const title = pdf.title ?? titleFromFilename(version.filename);
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
    return { title, pdf, rows };
  };

  const process: VersionIndexer['process'] = async (version, bytes) => {
    const started = performance.now();
    const key = versionKey(version.documentId, version.version);
    const log = logger.child({ documentId: version.documentId, version: version.version });
    try {
      const before = await documents.get(version.tenantId, version.documentId);
      const previous = before?.liveVersion ?? null;
      // Unchanged passages keep their vectors: a re-upload re-embeds only what changed.
      const previousVectors = new Map<string, number[]>();
      if (previous !== null) {
        for (const row of await table.scan(
          byVersionKey(versionKey(version.documentId, previous)),
        )) {
          previousVectors.set(reuseKey(row.title, row.content_hash), row.vector);
        }
      }
      const { title, pdf, rows } = await build(version, bytes, previousVectors);
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
        await writes.run(() =>
          table.deleteWhere(byVersionKey(versionKey(version.documentId, previous))),
        );
      }
      deps.afterWrite();
      const durationMs = Math.round(performance.now() - started);
      log.info(
        {
          chunks: rows.length,
          pages: pdf.pageCount,
          titleSource: pdf.titleSource ?? 'file_name',
          durationMs,
        },
        'document ingested',
      );
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
      };
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
        .run(() => table.deleteWhere(byVersionKey(key)))
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

  return { build, process };
}
