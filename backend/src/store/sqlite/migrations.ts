/**
 * SQLite schema, versioned. Append new entries; never edit one that has shipped:
 * `applyMigrations` records each version in `schema_migrations` and runs only the new ones.
 * Tables follow §3.4.1 of the design document, with tenant ids on every row.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const sqliteMigrations: Migration[] = [
  {
    version: 1,
    name: 'tenants, conversations, messages, audit_logs',
    sql: `
      CREATE TABLE tenants (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        allowed_origins TEXT NOT NULL DEFAULT '[]',
        allow_localhost INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        subject TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'active',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX conversations_tenant_updated ON conversations(tenant_id, updated_at);
      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations(id),
        tenant_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        text TEXT NOT NULL,
        citations TEXT NOT NULL DEFAULT '[]',
        confidence REAL,
        response_time_ms INTEGER,
        created_at TEXT NOT NULL,
        UNIQUE (conversation_id, seq)
      );
      CREATE TABLE audit_logs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL,
        actor_type TEXT NOT NULL,
        actor_id TEXT NOT NULL,
        action TEXT NOT NULL,
        resource_type TEXT,
        resource_id TEXT,
        details TEXT NOT NULL DEFAULT '{}',
        ip TEXT,
        user_agent TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX audit_logs_tenant_created ON audit_logs(tenant_id, created_at);
      -- Append-only: the audit trail is evidence, so the database itself refuses edits.
      CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs
        BEGIN SELECT RAISE(ABORT, 'audit_logs is append-only'); END;
      CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs
        BEGIN SELECT RAISE(ABORT, 'audit_logs is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'documents',
    // One row per file name per tenant; one row per upload of it. `live_version` is the
    // version searches use; swapping it is a single UPDATE, hence atomic for readers.
    sql: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT NOT NULL,
        live_version INTEGER,
        latest_version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, name)
      );
      CREATE TABLE document_versions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        tenant_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('processing', 'ready', 'superseded', 'failed')),
        filename TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        blob_key TEXT NOT NULL,
        page_count INTEGER,
        chunk_count INTEGER,
        embedding_model TEXT,
        error_reason TEXT,
        error_message TEXT,
        uploaded_by TEXT,
        created_at TEXT NOT NULL,
        completed_at TEXT,
        PRIMARY KEY (document_id, version)
      );
      CREATE INDEX document_versions_status ON document_versions(status);
    `,
  },
];
