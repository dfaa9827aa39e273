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
  {
    version: 3,
    name: 'demo accounts',
    // Sample account data for the demo tenant's AccountLookup (integrations/accounts); a real
    // deployment reads the payout system over HTTP and leaves these tables empty.
    sql: `
      CREATE TABLE demo_payouts (
        tenant_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        id TEXT NOT NULL,
        amount_cents INTEGER NOT NULL,
        currency TEXT NOT NULL DEFAULT 'USD',
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        scheduled_for TEXT NOT NULL,
        paid_at TEXT,
        destination TEXT NOT NULL,
        failure_reason TEXT,
        PRIMARY KEY (tenant_id, subject, id)
      );
      CREATE INDEX demo_payouts_account_date ON demo_payouts(tenant_id, subject, scheduled_for);
      CREATE TABLE demo_pay_cards (
        tenant_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        last4 TEXT NOT NULL,
        status TEXT NOT NULL,
        shipped_at TEXT,
        PRIMARY KEY (tenant_id, subject)
      );
      CREATE TABLE demo_direct_deposits (
        tenant_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        status TEXT NOT NULL,
        bank_name TEXT,
        account_last4 TEXT,
        since TEXT,
        PRIMARY KEY (tenant_id, subject)
      );
    `,
  },
  {
    version: 4,
    name: 'model usage and budget alerts',
    // One row per tenant, UTC month and model, upserted per model call (store/sqlite/usage.ts):
    // the monthly budget reads a sum over a handful of rows, never a scan of turns.
    // `model_usage_alerts` makes "alert once per tenant per month and level" a primary key.
    sql: `
      CREATE TABLE model_usage (
        tenant_id TEXT NOT NULL,
        month TEXT NOT NULL,
        model TEXT NOT NULL,
        input_tokens INTEGER NOT NULL DEFAULT 0,
        output_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd REAL NOT NULL DEFAULT 0,
        calls INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, month, model)
      );
      CREATE TABLE model_usage_alerts (
        tenant_id TEXT NOT NULL,
        month TEXT NOT NULL,
        level INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, month, level)
      );
    `,
  },
  {
    version: 5,
    name: 'document title override',
    // An admin's name for a document; kept when later versions bring their own detected title.
    sql: `ALTER TABLE documents ADD COLUMN title_override TEXT;`,
  },
  {
    version: 6,
    name: 'tenant identity settings, theme and AI budget',
    // How a tenant's portal signs its users' tokens (a shared HS256 secret and/or a JWKS URL,
    // with issuer, audience and an algorithm allow-list), the widget theme, and the monthly
    // AI budget (NULL: the configured default).
    sql: `
      ALTER TABLE tenants ADD COLUMN jwt_hs256_secret TEXT;
      ALTER TABLE tenants ADD COLUMN jwt_jwks_url TEXT;
      ALTER TABLE tenants ADD COLUMN jwt_issuer TEXT;
      ALTER TABLE tenants ADD COLUMN jwt_audience TEXT;
      ALTER TABLE tenants ADD COLUMN jwt_algorithms TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE tenants ADD COLUMN theme TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE tenants ADD COLUMN ai_budget_usd REAL;
      ALTER TABLE tenants ADD COLUMN updated_at TEXT;
    `,
  },
  {
    version: 7,
    name: 'users',
    // Customers whose portal token verified: the portal's `sub` per tenant, with the optional
    // email/name claims (PII: store/sqlite/users.ts is the only reader and writer, so field
    // encryption can wrap it). No passwords: the portal signs people in, not us.
    sql: `
      CREATE TABLE users (
        tenant_id TEXT NOT NULL,
        subject TEXT NOT NULL,
        email TEXT,
        name TEXT,
        first_seen_at TEXT NOT NULL,
        last_seen_at TEXT NOT NULL,
        PRIMARY KEY (tenant_id, subject)
      );
    `,
  },
  {
    version: 8,
    name: 'audit log filters and retention indexes',
    // The admin audit-log API pages newest first within a tenant by the filters it offers; the
    // retention job finds old messages and idle empty threads across tenants.
    sql: `
      CREATE INDEX audit_logs_tenant_id ON audit_logs(tenant_id, id);
      CREATE INDEX audit_logs_tenant_action ON audit_logs(tenant_id, action, id);
      CREATE INDEX audit_logs_tenant_actor ON audit_logs(tenant_id, actor_id, id);
      CREATE INDEX audit_logs_tenant_resource ON audit_logs(tenant_id, resource_type, resource_id, id);
      CREATE INDEX messages_created ON messages(created_at);
      CREATE INDEX conversations_updated ON conversations(updated_at);
    `,
  },
  {
    version: 10,
    name: 'feedback and widget config',
    // Feedback: thumbs on one answer (`target` = its message id) or a 1-5 rating of the whole
    // conversation (`target` = ''); the same target again replaces the row. The comment is the
    // person's words (redacted, then encrypted like message text); it goes with the thread.
    // The widget config is the tenant's theme for GET /api/v1/widget/config; NULL: default.
    sql: `
      CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        target TEXT NOT NULL,
        subject TEXT NOT NULL,
        thumbs TEXT CHECK (thumbs IN ('up', 'down')),
        rating INTEGER CHECK (rating BETWEEN 1 AND 5),
        comment TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((thumbs IS NULL) <> (rating IS NULL)),
        UNIQUE (conversation_id, target)
      );
      CREATE INDEX feedback_tenant_updated ON feedback(tenant_id, updated_at);
      CREATE TABLE tenant_widget_config (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
        title TEXT,
        greeting TEXT,
        accent TEXT,
        logo_url TEXT,
        position TEXT CHECK (position IN ('bottom-right', 'bottom-left')),
        suggestions TEXT,
        updated_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 11,
    name: 'chat attachments',
    // Uploads and voice notes belong to their conversation (a hand-over carries them) and, once
    // sent, to the user message they went with. `content` is the bytes as base64 under field
    // encryption, like `name` and `transcript` (store/sqlite/attachments.ts). Deleting a thread or
    // its message (retention) deletes its attachments.
    sql: `
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        message_id TEXT REFERENCES messages(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('file', 'voice')),
        name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content TEXT NOT NULL,
        transcript TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX attachments_conversation ON attachments(conversation_id, created_at);
      CREATE INDEX attachments_message ON attachments(message_id);
    `,
  },
  {
    version: 12,
    name: 'conversations by owner',
    // A signed-in worker's latest thread, found from any device (GET /chat/conversations).
    sql: `
      CREATE INDEX conversations_owner ON conversations(tenant_id, subject, updated_at);
    `,
  },
];
