import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FieldCipher, FieldCrypto } from '../../security/field-crypto';
import type { Feedback, FeedbackRepository } from '../types';

/** The column feedback comments are encrypted for (GCM associated data). */
export const FEEDBACK_COMMENT_FIELD = 'feedback.comment';

const PLAIN: FieldCipher = { encrypt: (text) => text, decrypt: (stored) => stored };

interface FeedbackRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  target: string;
  subject: string;
  thumbs: 'up' | 'down' | null;
  rating: number | null;
  comment: string | null;
  created_at: string;
  updated_at: string;
}

/** Feedback (migration 10); comments encrypted at rest when `crypto` is given. */
export function createSqliteFeedbackRepository(
  db: Database,
  crypto?: FieldCrypto,
): FeedbackRepository {
  const cipher = crypto ? crypto.forField(FEEDBACK_COMMENT_FIELD) : PLAIN;
  // The same target again keeps the row's id and first time, and replaces the rest.
  const upsert = db.prepare(
    `INSERT INTO feedback (id, tenant_id, conversation_id, target, subject, thumbs, rating, comment,
       created_at, updated_at)
     VALUES (@id, @tenant_id, @conversation_id, @target, @subject, @thumbs, @rating, @comment, @now, @now)
     ON CONFLICT (conversation_id, target) DO UPDATE SET subject = excluded.subject,
       thumbs = excluded.thumbs, rating = excluded.rating, comment = excluded.comment,
       updated_at = excluded.updated_at`,
  );
  const select = db.prepare<[string, string], FeedbackRow>(
    'SELECT * FROM feedback WHERE conversation_id = ? AND target = ?',
  );
  const selectAll = db.prepare<[string, string], FeedbackRow>(
    'SELECT * FROM feedback WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at, id',
  );
  const toFeedback = (r: FeedbackRow): Feedback => ({
    id: r.id,
    tenantId: r.tenant_id,
    conversationId: r.conversation_id,
    messageId: r.target === '' ? null : r.target,
    subject: r.subject,
    thumbs: r.thumbs,
    rating: r.rating as Feedback['rating'],
    comment: r.comment === null ? null : cipher.decrypt(r.comment),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  });
  const save = db.transaction((input: Omit<Feedback, 'id' | 'createdAt' | 'updatedAt'>) => {
    const target = input.messageId ?? '';
    upsert.run({
      id: randomUUID(),
      tenant_id: input.tenantId,
      conversation_id: input.conversationId,
      target,
      subject: input.subject,
      thumbs: input.thumbs,
      rating: input.rating,
      comment: input.comment === null ? null : cipher.encrypt(input.comment),
      now: new Date().toISOString(),
    });
    return toFeedback(select.get(input.conversationId, target)!);
  });
  return {
    async save(input) {
      return save(input);
    },
    async list(tenantId, conversationId) {
      return selectAll.all(tenantId, conversationId).map(toFeedback);
    },
  };
}
