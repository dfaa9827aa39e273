/**
 * Attachments on `POST /chat/message` (`attachment_ids`) and in a thread's history: the
 * checks, the link to the user's message, and the per-message listing.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Attachment as AttachmentJson } from '../contract/v1';
import { AppError } from '../errors';
import type { Store } from '../store/types';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';
import { attachmentJson } from './upload-routes';

/** The body field: up to 10 distinct ids. */
export const attachmentIdsField = z
  .array(z.uuid({ message: 'must be attachment ids from uploads' }), {
    message: 'must be a list of attachment ids',
  })
  .max(10, { message: 'at most 10 attachments per message' })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat an id' })
  .optional();

/**
 * Refuses ids that are not the caller's own unsent uploads in this conversation. Someone
 * else's id looks exactly like a missing one (404), and the attempt is recorded.
 */
export async function checkMessageAttachments(
  store: Pick<Store, 'attachments' | 'conversations' | 'audit'>,
  c: Context<AppEnv>,
  conversationId: string | undefined,
  ids: string[] | undefined,
): Promise<string[]> {
  if (!ids || ids.length === 0) return [];
  if (!conversationId) {
    throw new AppError(
      'invalid_request',
      'conversation_id: is required with attachment_ids (the conversation the upload created).',
    );
  }
  const principal = c.get('principal');
  const conversation = await store.conversations.get(principal.tenantId, conversationId);
  const owned = conversation?.subject === principal.subject;
  for (const id of ids) {
    const attachment = owned ? await store.attachments.get(principal.tenantId, id) : null;
    if (!attachment || attachment.conversationId !== conversationId) {
      await store.audit.append({
        tenantId: principal.tenantId,
        actorType: principal.role,
        actorId: principal.subject,
        action: 'chat.attachment.attach_denied',
        resourceType: 'attachment',
        resourceId: id,
        details: { status: 404, request_id: c.get('requestId') },
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
      throw new AppError('not_found', 'No attachment with that id in this conversation.');
    }
    if (attachment.messageId !== null) {
      throw new AppError('conflict', 'That attachment was already sent with another message.');
    }
  }
  return ids;
}

/**
 * The store a turn runs with when the message carries attachments: the user's message, the
 * one the turn stores first (agent/run-turn.ts), takes them as it is stored.
 */
export function storeLinkingAttachments(store: Store, ids: string[]): Store {
  if (ids.length === 0) return store;
  const { messages } = store;
  return {
    ...store,
    messages: {
      ...messages,
      async append(input) {
        const message = await messages.append(input);
        if (message.role === 'user')
          await store.attachments.link(message.tenantId, ids, message.id);
        return message;
      },
    },
  };
}

/** A thread's sent attachments by message id, for its history. */
export async function attachmentsByMessage(
  store: Pick<Store, 'attachments'>,
  tenantId: string,
  conversationId: string,
): Promise<Map<string, AttachmentJson[]>> {
  const byMessage = new Map<string, AttachmentJson[]>();
  for (const a of await store.attachments.listByConversation(tenantId, conversationId)) {
    if (a.messageId === null) continue;
    byMessage.set(a.messageId, [...(byMessage.get(a.messageId) ?? []), attachmentJson(a)]);
  }
  return byMessage;
}
