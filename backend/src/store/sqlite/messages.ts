import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FieldCipher, FieldCrypto } from '../../security/field-crypto';
import type { Message, MessageRepository, MessageRole, StoredCitation } from '../types';

/** The column message text is encrypted for (GCM associated data; see security/field-crypto.ts). */
export const MESSAGE_TEXT_FIELD = 'messages.text';

/** Stores text as is when the store was opened without crypto (unit tests of other modules). */
const PLAIN: FieldCipher = { encrypt: (text) => text, decrypt: (stored) => stored };

/** The cipher for message text, or plain pass-through without crypto. */
export const messageTextCipher = (crypto: FieldCrypto | undefined): FieldCipher =>
  crypto ? crypto.forField(MESSAGE_TEXT_FIELD) : PLAIN;

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

const toMessage = (r: MessageRow, text: FieldCipher): Message => ({
  id: r.id,
  conversationId: r.conversation_id,
  tenantId: r.tenant_id,
  role: r.role,
  text: text.decrypt(r.text),
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
 * commit together with others: inside a caller's transaction it joins it. The text is
 * encrypted on its way in (§4.2); the caller keeps the plain message.
 */
export function createSqliteMessageAppender(
  db: Database,
  crypto?: FieldCrypto,
): (message: Message) => void {
  const cipher = messageTextCipher(crypto);
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
      cipher.encrypt(m.text),
      JSON.stringify(m.citations),
      m.confidence,
      m.responseTimeMs,
      m.createdAt,
    );
    touch.run(m.createdAt, m.conversationId);
  });
  return (message) => appendTx(message);
}

/** Messages of a thread; text encrypted at rest when `crypto` is given (deps.ts always gives it). */
export function createSqliteMessageRepository(
  db: Database,
  crypto?: FieldCrypto,
): MessageRepository {
  const appendSync = createSqliteMessageAppender(db, crypto);
  const cipher = messageTextCipher(crypto);
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
      return selectNewest.all(tenantId, conversationId, limit).map((row) => toMessage(row, cipher));
    },
  };
}
