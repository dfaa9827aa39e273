import type { Database } from 'better-sqlite3';
import type { RetentionRepository } from '../types';

type Counts = Record<string, { messages: number; conversations: number }>;

/**
 * Chat data past the retention period, deleted a batch per transaction so a long backlog never
 * holds the write lock for long. Only messages and the threads they leave empty: audit records
 * stay (the chain is evidence and records the purge), and knowledge-base documents are the
 * tenant's content, not chat data. When chat attachments arrive, their originals join here.
 */
export function createSqliteRetentionRepository(db: Database): RetentionRepository {
  const oldMessages = db.prepare<
    [string, number],
    { id: string; tenant_id: string; conversation_id: string }
  >(
    'SELECT id, tenant_id, conversation_id FROM messages WHERE created_at < ? ORDER BY created_at LIMIT ?',
  );
  const deleteMessage = db.prepare('DELETE FROM messages WHERE id = ?');
  // Only threads idle since the cutoff: one created a moment ago has no message yet.
  const emptyOld = db.prepare<[string, number], { id: string; tenant_id: string }>(
    `SELECT id, tenant_id FROM conversations c WHERE updated_at < ?
       AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id) LIMIT ?`,
  );
  const deleteConversation = db.prepare('DELETE FROM conversations WHERE id = ?');

  const purgeTx = db.transaction((cutoff: string, limit: number): Counts => {
    const counts: Counts = {};
    const of = (tenant: string) => {
      counts[tenant] ??= { messages: 0, conversations: 0 };
      return counts[tenant];
    };
    for (const m of oldMessages.all(cutoff, limit)) {
      deleteMessage.run(m.id);
      of(m.tenant_id).messages += 1;
    }
    for (const c of emptyOld.all(cutoff, limit)) {
      deleteConversation.run(c.id);
      of(c.tenant_id).conversations += 1;
    }
    return counts;
  });

  return {
    async purgeBatch(cutoff, limit) {
      return purgeTx(cutoff, limit);
    },
  };
}
