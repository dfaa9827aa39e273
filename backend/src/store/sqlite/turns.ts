import type { Database } from 'better-sqlite3';
import type { FieldCrypto } from '../../security/field-crypto';
import type { TurnRepository } from '../types';
import { createSqliteAuditAppender } from './audit';
import { createSqliteMessageAppender, newMessage } from './messages';

/**
 * A chat turn's writes in one SQLite transaction: the answer, the thread's status change and
 * the audit record (and, as they arrive, usage and the escalation outbox). A crash between
 * them would otherwise leave an answer nobody audited or a hand-over nobody answered.
 * The answer's text is encrypted at rest when `crypto` is given (inside the same transaction).
 */
export function createSqliteTurnRepository(db: Database, crypto?: FieldCrypto): TurnRepository {
  const appendMessage = createSqliteMessageAppender(db, crypto);
  const appendAudit = createSqliteAuditAppender(db);
  const updateStatus = db.prepare(
    'UPDATE conversations SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ?',
  );
  const recordTx = db.transaction((turn: Parameters<TurnRepository['record']>[0]) => {
    const message = newMessage(turn.answer);
    appendMessage(message);
    if (turn.status) {
      updateStatus.run(turn.status, message.createdAt, message.tenantId, message.conversationId);
    }
    appendAudit(turn.audit);
    for (const write of turn.extraWrites ?? []) write();
    return message;
  });
  return {
    async record(turn) {
      return recordTx(turn);
    },
  };
}
