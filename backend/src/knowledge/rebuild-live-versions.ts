import { versionKey } from './index/chunk-row';
import { byVersionKey } from './index-version';
import { FAILURE_MESSAGES, failOriginalMissing } from './ingest-errors';
import { ExtractionError } from './pdf/extraction-error';
import type { RecoverIndexDeps } from './recover-index';

/**
 * SQLite can outlive the LanceDB folder (a restore of the database alone, a lost volume,
 * damaged files). Its live versions would then match no chunks and searches would quietly
 * find nothing, so every live version's chunk count is checked against the table and a
 * version that does not match is rebuilt from its stored original.
 */
export async function rebuildLiveVersions(deps: RecoverIndexDeps): Promise<void> {
  const { table, documents, blobs, indexer, writes, live, embeddingModel, logger } = deps;
  let counts: Map<string, number>;
  try {
    counts = await table.versionCounts();
  } catch (error) {
    logger.error(
      { err: error, table: table.name },
      'search index is unreadable; recreating it and rebuilding every live version',
    );
    await writes.run(() => table.reset());
    counts = new Map();
  }
  const outcome = { rebuilt: 0, failed: 0, deferred: 0 };
  for (const entry of await documents.listLive()) {
    const version = await documents.getVersion(entry.documentId, entry.version);
    if (!version) continue;
    const key = versionKey(version.documentId, version.version);
    const found = counts.get(key) ?? 0;
    if (found > 0 && (version.chunkCount === null || found === version.chunkCount)) {
      // The table is per model, so its chunks say which model embedded them.
      if (version.embeddingModel !== embeddingModel) {
        await documents.setEmbeddingModel(version.documentId, version.version, embeddingModel);
      }
      continue;
    }
    const log = logger.child({
      tenantId: version.tenantId,
      documentId: version.documentId,
      version: version.version,
    });
    log.warn(
      { found, expected: version.chunkCount },
      'live version is missing from the search index; rebuilding it from the original',
    );
    // A partial set would double up with the rebuilt one.
    await writes.run(() => table.deleteWhere(byVersionKey(key)));
    const bytes = version.blobKey ? await blobs.get(version.blobKey) : null;
    if (!bytes) {
      log.error('cannot rebuild: the original file is missing too; marking the version failed');
      await failOriginalMissing(documents, version);
      outcome.failed++;
      continue;
    }
    try {
      const { title, pdf, rows } = await indexer.build(version, bytes);
      await writes.run(async () => {
        await table.add(rows);
        await table.ensureTextIndex();
      });
      await documents.completeVersion({
        documentId: version.documentId,
        version: version.version,
        title,
        pageCount: pdf.pageCount,
        chunkCount: rows.length,
        embeddingModel,
      });
      log.info({ chunks: rows.length }, 'rebuilt live version from its original');
      outcome.rebuilt++;
    } catch (error) {
      if (error instanceof ExtractionError) {
        // The stored file no longer reads as a usable PDF: trying again will not help.
        log.error({ reason: error.reason }, 'cannot rebuild: the original is unusable');
        await documents.failVersion(
          version.documentId,
          version.version,
          error.reason,
          FAILURE_MESSAGES[error.reason],
        );
        outcome.failed++;
      } else {
        // An embedding outage, say: the record stays right and the next start tries again.
        log.error({ err: error }, 'rebuild failed; it will be retried at the next start');
        outcome.deferred++;
      }
      await writes.run(() => table.deleteWhere(byVersionKey(key)));
    }
  }
  await live.refresh();
  if (outcome.rebuilt + outcome.failed + outcome.deferred > 0) {
    logger.warn(outcome, 'search index repaired from stored originals');
  }
}
