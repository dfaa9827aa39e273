import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { Message, MessageRepository, MessageRole, StoredCitation } from '../types';

interface MessageRow {
  id: string;
  conversation_id: string;
  tenant_id: string;
  role: MessageRole;
  text: string;
  citations: string;
  confidence: number | null;
  response_time_ms: number | null;
  created_at: string;
}

const toMessage = (r: MessageRow): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  tenantId: r.tenant_id,
  role: r.role,
  text: r.text,
  citations: JSON.parse(r.citations) as StoredCitation[],
  confidence: r.confidence,
  responseTimeMs: r.response_time_ms,
  createdAt: r.created_at,
});

/** A new message with its id and time, as `append` stores it. */
export function newMessage(input: Omit<Message, 'id' | 'createdAt'> & { id?: string }): Message {
  return { ...input, id: input.id ?? randomUUID(), createdAt: new Date().toISOString() };
}

/**
 * The synchronous insert (also touching the thread's `updated_at`), for writes that must
 * commit together with others: inside a caller's transaction it joins it.
 */
export function createSqliteMessageAppender(db: Database): (message: Message) => void {
  // seq orders messages within a thread even when two share a millisecond.
  const insert = db.prepare(
    `INSERT INTO messages (id, conversation_id, tenant_id, seq, role, text, citations, confidence, response_time_ms, created_at)
     VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM messages WHERE conversation_id = ?), ?, ?, ?, ?, ?, ?)`,
  );
  const touch = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  const appendTx = db.transaction((m: Message) => {
    insert.run(
      m.id,
      m.conversationId,
      m.tenantId,
      m.conversationId,
      m.role,
      m.text,
      JSON.stringify(m.citations),
      m.confidence,
      m.responseTimeMs,
      m.createdAt,
    );
    touch.run(m.createdAt, m.conversationId);
  });
  return (message) => appendTx(message);
}

export function createSqliteMessageRepository(db: Database): MessageRepository {
  const appendSync = createSqliteMessageAppender(db);
  const selectNewest = db.prepare<[string, string, number], MessageRow>(
    `SELECT * FROM (SELECT * FROM messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY seq DESC LIMIT ?)
     ORDER BY seq ASC`,
  );
  return {
    async append(input) {
      const message = newMessage(input);
      appendSync(message);
      return message;
    },
    async list(tenantId, conversationId, limit = 1000) {
      return selectNewest.all(tenantId, conversationId, limit).map(toMessage);
    },
  };
}
