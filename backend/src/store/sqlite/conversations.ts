import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Conversation, ConversationRepository, ConversationStatus } from '../types';

interface ConversationRow {
  id: string;
  tenant_id: string;
  subject: string;
  status: ConversationStatus;
  created_at: string;
  updated_at: string;
}

const toConversation = (r: ConversationRow): Conversation => ({
  id: r.id,
  tenantId: r.tenant_id,
  subject: r.subject,
  status: r.status,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function createSqliteConversationRepository(db: Database): ConversationRepository {
  const insert = db.prepare(
    'INSERT INTO conversations (id, tenant_id, subject, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<[string, string], ConversationRow>(
    'SELECT * FROM conversations WHERE tenant_id = ? AND id = ?',
  );
  const bySubject = db.prepare<[string, string, number], ConversationRow>(
    'SELECT * FROM conversations WHERE tenant_id = ? AND subject = ? ORDER BY updated_at DESC, rowid DESC LIMIT ?',
  );
  const updateStatus = db.prepare(
    'UPDATE conversations SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?',
  );
  return {
    async create({ tenantId, subject }) {
      const now = new Date().toISOString();
      const id = randomUUID();
      insert.run(id, tenantId, subject, 'active', now, now);
      return { id, tenantId, subject, status: 'active', createdAt: now, updatedAt: now };
    },
    async get(tenantId, id) {
      const row = select.get(tenantId, id);
      return row ? toConversation(row) : null;
    },
    async listBySubject(tenantId, subject, limit) {
      return bySubject.all(tenantId, subject, limit).map(toConversation);
    },
    async setStatus(tenantId, id, status) {
      updateStatus.run(status, new Date().toISOString(), tenantId, id);
    },
  };
}
