import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { DocumentRecord, DocumentRepository, LiveVersion } from '../documents';
import { type DocumentRow, toVersion, type VersionRow } from './documents-rows';

/** SQLite documents and document_versions (migrations 2 and 5). */
export function createSqliteDocumentRepository(db: Database): DocumentRepository {
  const now = () => new Date().toISOString();
  const byName = db.prepare<[string, string], DocumentRow>(
    'SELECT * FROM documents WHERE tenant_id = ? AND name = ?',
  );
  const byId = db.prepare<[string, string], DocumentRow>(
    'SELECT * FROM documents WHERE tenant_id = ? AND id = ?',
  );
  const byTenant = db.prepare<[string], DocumentRow>(
    'SELECT * FROM documents WHERE tenant_id = ? ORDER BY name',
  );
  const version = db.prepare<[string, number], VersionRow>(
    'SELECT * FROM document_versions WHERE document_id = ? AND version = ?',
  );

  const toRecord = (row: DocumentRow): DocumentRecord => {
    const latest = version.get(row.id, row.latest_version);
    const live = row.live_version === null ? undefined : version.get(row.id, row.live_version);
    return {
      id: row.id,
      tenantId: row.tenant_id,
      name: row.name,
      title: row.title,
      titleOverride: row.title_override,
      liveVersion: row.live_version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      latest: toVersion(latest!),
      live: live ? toVersion(live) : null,
    };
  };

  const begin = db.transaction((input: Parameters<DocumentRepository['beginVersion']>[0]) => {
    const at = now();
    let doc = byName.get(input.tenantId, input.filename);
    if (!doc) {
      db.prepare(
        `INSERT INTO documents (id, tenant_id, name, title, live_version, latest_version, created_at, updated_at)
         VALUES (?, ?, ?, ?, NULL, 0, ?, ?)`,
      ).run(randomUUID(), input.tenantId, input.filename, input.title, at, at);
      doc = byName.get(input.tenantId, input.filename)!;
    }
    const next = doc.latest_version + 1;
    db.prepare('UPDATE documents SET latest_version = ?, updated_at = ? WHERE id = ?').run(
      next,
      at,
      doc.id,
    );
    db.prepare(
      `INSERT INTO document_versions (document_id, tenant_id, version, status, filename, sha256,
         size_bytes, blob_key, uploaded_by, created_at)
       VALUES (?, ?, ?, 'processing', ?, ?, ?, ?, ?, ?)`,
    ).run(
      doc.id,
      input.tenantId,
      next,
      input.filename,
      input.sha256,
      input.sizeBytes,
      input.blobKey,
      input.uploadedBy ?? null,
      at,
    );
    return toVersion(version.get(doc.id, next)!);
  });

  const complete = db.transaction((input: Parameters<DocumentRepository['completeVersion']>[0]) => {
    const at = now();
    db.prepare(
      `UPDATE document_versions SET status = 'superseded'
       WHERE document_id = ? AND status = 'ready' AND version <> ?`,
    ).run(input.documentId, input.version);
    db.prepare(
      `UPDATE document_versions SET status = 'ready', page_count = ?, chunk_count = ?,
         embedding_model = ?, error_reason = NULL, error_message = NULL, completed_at = ?
       WHERE document_id = ? AND version = ?`,
    ).run(
      input.pageCount,
      input.chunkCount,
      input.embeddingModel,
      at,
      input.documentId,
      input.version,
    );
    // An admin's title outlives re-uploads; otherwise the new version's detected title shows.
    db.prepare(
      'UPDATE documents SET live_version = ?, title = COALESCE(title_override, ?), updated_at = ? WHERE id = ?',
    ).run(input.version, input.title, at, input.documentId);
    const row = db
      .prepare<[string], DocumentRow>('SELECT * FROM documents WHERE id = ?')
      .get(input.documentId);
    if (!row) throw new Error(`Document ${input.documentId} was deleted while ingesting`);
    return toRecord(row);
  });

  const fail = db.transaction((documentId: string, v: number, reason: string, message: string) => {
    const at = now();
    db.prepare(
      `UPDATE document_versions SET status = 'failed', error_reason = ?, error_message = ?, completed_at = ?
       WHERE document_id = ? AND version = ?`,
    ).run(reason, message, at, documentId, v);
    db.prepare(
      'UPDATE documents SET live_version = NULL, updated_at = ? WHERE id = ? AND live_version = ?',
    ).run(at, documentId, v);
  });

  return {
    async beginVersion(input) {
      return begin(input);
    },
    async completeVersion(input) {
      return complete(input);
    },
    async failVersion(documentId, v, reason, message) {
      fail(documentId, v, reason, message);
    },
    async setEmbeddingModel(documentId, v, model) {
      db.prepare(
        'UPDATE document_versions SET embedding_model = ? WHERE document_id = ? AND version = ?',
      ).run(model, documentId, v);
    },
    async list(tenantId) {
      return byTenant.all(tenantId).map(toRecord);
    },
    async get(tenantId, id) {
      const row = byId.get(tenantId, id);
      return row ? toRecord(row) : null;
    },
    async getVersion(documentId, v) {
      const row = version.get(documentId, v);
      return row ? toVersion(row) : null;
    },
    async listVersions(documentId) {
      return db
        .prepare<[string], VersionRow>(
          'SELECT * FROM document_versions WHERE document_id = ? ORDER BY version',
        )
        .all(documentId)
        .map(toVersion);
    },
    async rename(tenantId, id, title) {
      const changed = db
        .prepare(
          'UPDATE documents SET title = ?, title_override = ?, updated_at = ? WHERE tenant_id = ? AND id = ?',
        )
        .run(title, title, now(), tenantId, id).changes;
      const row = changed > 0 ? byId.get(tenantId, id) : undefined;
      return row ? toRecord(row) : null;
    },
    async delete(tenantId, id) {
      return db.transaction(() => {
        const row = byId.get(tenantId, id);
        if (!row) return false;
        db.prepare('DELETE FROM document_versions WHERE document_id = ?').run(id);
        db.prepare('DELETE FROM documents WHERE id = ?').run(id);
        return true;
      })();
    },
    async listProcessing() {
      return db
        .prepare<[], VersionRow>(
          "SELECT * FROM document_versions WHERE status = 'processing' ORDER BY created_at",
        )
        .all()
        .map(toVersion);
    },
    async listLive() {
      return db
        .prepare<[], { tenant_id: string; id: string; live_version: number; title: string }>(
          'SELECT tenant_id, id, live_version, title FROM documents WHERE live_version IS NOT NULL',
        )
        .all()
        .map(
          (r): LiveVersion => ({
            tenantId: r.tenant_id,
            documentId: r.id,
            version: r.live_version,
            title: r.title,
          }),
        );
    },
  };
}
