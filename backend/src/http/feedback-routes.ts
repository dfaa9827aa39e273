import { Hono } from 'hono';
import { z } from 'zod';
import type { FeedbackBody } from '../contract/v1';
import { AppError } from '../errors';
import { redactPii } from '../security/redact';
import type { Store } from '../store/types';
import type { AppEnv } from './env';
import { auditCaller } from './middleware/audit';
import { parseJsonBody } from './validate';

export interface FeedbackDeps {
  store: Pick<Store, 'conversations' | 'messages' | 'feedback' | 'audit'>;
}

const MAX_COMMENT_CHARS = 1000;

/** Exactly one of `thumbs` (on one answer) or `rating` (of the conversation). */
const feedbackBody = z
  .object({
    conversation_id: z.uuid({ message: 'must be the id of one of your conversations' }),
    message_id: z.uuid({ message: 'must be the id of an answer' }).optional(),
    thumbs: z.enum(['up', 'down'], { message: "must be 'up' or 'down'" }).optional(),
    rating: z
      .number({ message: 'must be a whole number from 1 to 5' })
      .int({ message: 'must be a whole number from 1 to 5' })
      .min(1, { message: 'must be a whole number from 1 to 5' })
      .max(5, { message: 'must be a whole number from 1 to 5' })
      .optional(),
    comment: z
      .string({ message: 'must be text' })
      .max(MAX_COMMENT_CHARS, { message: `must be at most ${MAX_COMMENT_CHARS} characters` })
      .optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.thumbs === undefined) === (body.rating === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['thumbs'],
        message: 'send exactly one of thumbs (for one answer) or rating (for the conversation)',
      });
    else if (body.thumbs !== undefined && body.message_id === undefined)
      ctx.addIssue({ code: 'custom', path: ['message_id'], message: 'is required with thumbs' });
    else if (body.rating !== undefined && body.message_id !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['message_id'],
        message: 'must be left out with rating (a rating covers the conversation)',
      });
  });

/**
 * `POST /feedback` (mounted under /chat, behind requireAuth): thumbs on an answer or a 1-5
 * rating of the conversation, from the conversation's owner only. The comment is redacted
 * before it is stored; the audit record keeps the score, never the words.
 */
export function createFeedbackRoutes(deps: FeedbackDeps) {
  return new Hono<AppEnv>().post('/feedback', async (c) => {
    const principal = c.get('principal');
    const body = await parseJsonBody(c, feedbackBody);
    const conversation = await deps.store.conversations.get(
      principal.tenantId,
      body.conversation_id,
    );
    if (!conversation || conversation.subject !== principal.subject)
      throw new AppError('not_found', 'No conversation with that id.');
    if (body.message_id) {
      const messages = await deps.store.messages.list(principal.tenantId, conversation.id);
      const message = messages.find((m) => m.id === body.message_id);
      if (!message) throw new AppError('not_found', 'No answer with that id in this conversation.');
      if (message.role !== 'assistant')
        throw new AppError('invalid_request', 'message_id: must be an answer, not your message.', {
          details: { fields: ['message_id'] },
        });
    }
    const comment = body.comment?.trim() ? redactPii(body.comment.trim()) : null;
    const saved = await deps.store.feedback.save({
      tenantId: principal.tenantId,
      conversationId: conversation.id,
      messageId: body.message_id ?? null,
      subject: principal.subject,
      thumbs: body.thumbs ?? null,
      rating: (body.rating as 1 | 2 | 3 | 4 | 5 | undefined) ?? null,
      comment: comment?.text ?? null,
    });
    await auditCaller(
      deps.store.audit,
      c,
      'chat.feedback',
      { type: 'conversation', id: conversation.id },
      {
        feedback_id: saved.id,
        message_id: saved.messageId,
        thumbs: saved.thumbs,
        rating: saved.rating,
        comment: comment !== null,
        pii_redacted: comment?.found ?? {},
      },
    );
    const response: FeedbackBody = { feedback_id: saved.id };
    return c.json(response, 201);
  });
}
