import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import { runChatTurn, type TurnDeps, type TurnEvent } from '../agent/run-turn';
import type {
  Citation,
  ConversationHistory,
  ConversationList,
  StreamEventData,
} from '../contract/v1';
import { AppError, isAppError, toAppError } from '../errors';
import type { CitationLinker } from './citation-links';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';
import { createEventChannel } from './event-channel';
import {
  attachmentIdsField,
  attachmentsByMessage,
  checkMessageAttachments,
  storeLinkingAttachments,
} from './message-attachments';
import { auditCaller } from './middleware/audit';
import { errorBody } from './middleware/errors';
import { parseJsonBody } from './validate';

const MAX_MESSAGE_CHARS = 4000;

const messageBody = z.object({
  message: z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'must not be empty' })
    .max(MAX_MESSAGE_CHARS, { message: `must be at most ${MAX_MESSAGE_CHARS} characters` }),
  conversation_id: z
    .uuid({ message: 'must be a conversation id from an earlier answer' })
    .optional(),
  attachment_ids: attachmentIdsField,
});

const tooLarge = () => {
  throw new AppError(
    'too_large',
    `The message is too large; keep it under ${MAX_MESSAGE_CHARS} characters.`,
  );
};

/** Appends a thread access (or refusal) by the verified caller to the audit trail. */
function recordThreadAccess(
  deps: TurnDeps,
  c: Context<AppEnv>,
  action: string,
  conversationId: string,
  details: Record<string, unknown>,
) {
  // Only a well-formed id is kept: the path is the caller's to fill with anything.
  const id = z.uuid().safeParse(conversationId).success ? conversationId : null;
  return auditCaller(deps.store.audit, c, action, { type: 'conversation', id }, details);
}

export interface ChatRouteOptions {
  /** Adds signed PDF links to citations, for protocol 2 callers (v1 gets the v1 shapes). */
  linkCitations?: CitationLinker | undefined;
}

/** `POST /message` (JSON or SSE by Accept) and `GET /history/:id` (API v1). */
export function createChatRoutes(deps: TurnDeps, options: ChatRouteOptions = {}) {
  const now = deps.now ?? Date.now;
  const withLinks = (c: Context<AppEnv>, citations: Citation[]) =>
    options.linkCitations && c.get('protocol') >= 2 && citations.length > 0
      ? options.linkCitations(c.get('principal').tenantId, citations)
      : citations;
  return new Hono<AppEnv>()
    .post('/message', bodyLimit({ maxSize: 32 * 1024, onError: tooLarge }), async (c) => {
      const startedAt = now();
      const body = await parseJsonBody(c, messageBody);
      const request = {
        principal: c.get('principal'),
        message: body.message,
        conversationId: body.conversation_id,
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
        startedAt,
      };
      const attachmentIds = await checkMessageAttachments(
        deps.store,
        c,
        body.conversation_id,
        body.attachment_ids,
      );
      const turnDeps = {
        ...deps,
        store: storeLinkingAttachments(deps.store, attachmentIds),
        logger: c.get('log'),
      };
      // A message into a thread that is not the caller's is refused as missing, and recorded.
      const turn = (emit: (event: TurnEvent) => void) =>
        runChatTurn(turnDeps, request, emit).catch(async (error: unknown) => {
          if (body.conversation_id && isAppError(error) && error.code === 'not_found') {
            await recordThreadAccess(deps, c, 'conversation.write_denied', body.conversation_id, {
              status: 404,
            });
          }
          throw error;
        });

      if (!(c.req.header('accept') ?? '').includes('text/event-stream')) {
        // TurnResult is exactly the v1 JSON body.
        const result = await turn(() => {});
        return c.json({ ...result, citations: await withLinks(c, result.citations) });
      }

      const channel = createEventChannel<TurnEvent>();
      void turn((event) => channel.push(event)).then(
        () => channel.close(),
        (error: unknown) => channel.close(error),
      );
      const events = channel[Symbol.asyncIterator]();
      // A failure before the first event (an unknown conversation, say) still gets a real status.
      const first = await events.next();

      return streamSSE(c, async (stream) => {
        const send = async (event: TurnEvent) => {
          // A gone client must not stop the turn: it runs on and its answer is stored regardless.
          if (stream.aborted) return;
          const data = event.event === 'citations' ? await withLinks(c, event.data) : event.data;
          await stream.writeSSE({ event: event.event, data: JSON.stringify(data) });
        };
        try {
          if (!first.done) await send(first.value);
          for (let next = await events.next(); !next.done; next = await events.next())
            await send(next.value);
        } catch (failure) {
          c.get('log').error({ err: failure }, 'chat turn failed mid-stream');
          const { code, message } = errorBody(toAppError(failure), c.get('requestId')).error;
          const data: StreamEventData['error'] = { code, message };
          if (!stream.aborted)
            await stream.writeSSE({ event: 'error', data: JSON.stringify(data) });
        } finally {
          await stream.close();
        }
      });
    })
    .get('/conversations', async (c) => {
      const principal = c.get('principal');
      const limit = z.coerce
        .number()
        .int()
        .min(1)
        .max(50)
        .default(10)
        .safeParse(c.req.query('limit'));
      if (!limit.success)
        throw new AppError('invalid_request', 'limit must be a whole number from 1 to 50.');
      const threads = await deps.store.conversations.listBySubject(
        principal.tenantId,
        principal.subject,
        limit.data,
      );
      const body: ConversationList = {
        conversations: threads.map((t) => ({
          conversation_id: t.id,
          status: t.status,
          updated_at: t.updatedAt,
        })),
      };
      return c.json(body);
    })
    .get('/history/:conversation_id', async (c) => {
      const principal = c.get('principal');
      const id = c.req.param('conversation_id');
      const conversation = z.uuid().safeParse(id).success
        ? await deps.store.conversations.get(principal.tenantId, id)
        : null;
      // Every history read is evidence, refused ones too (someone probing for others' threads).
      if (!conversation || conversation.subject !== principal.subject) {
        await recordThreadAccess(deps, c, 'conversation.read_denied', id, { status: 404 });
        throw new AppError('not_found', 'No conversation with that id.');
      }
      const messages = await deps.store.messages.list(principal.tenantId, conversation.id);
      await recordThreadAccess(deps, c, 'conversation.read', id, { messages: messages.length });
      const citations = await Promise.all(messages.map((m) => withLinks(c, m.citations)));
      const attachments = await attachmentsByMessage(
        deps.store,
        principal.tenantId,
        conversation.id,
      );
      const body: ConversationHistory = {
        conversation_id: conversation.id,
        status: conversation.status,
        // Per thread: a hand-over (and, with the Zendesk work, its ticket) covers the conversation.
        escalation: conversation.status === 'escalation_pending' ? { status: 'pending' } : null,
        messages: messages.map((m, i) => ({
          id: m.id,
          role: m.role,
          text: m.text,
          citations: citations[i] ?? m.citations,
          ...(attachments.has(m.id) ? { attachments: attachments.get(m.id) } : {}),
          created_at: m.createdAt,
        })),
      };
      return c.json(body);
    });
}
