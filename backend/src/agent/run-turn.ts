/**
 * One chat turn, from accepted message to stored answer. The user's message is stored before
 * the agent runs and the answer is stored even if the caller has gone away mid-stream, so an
 * accepted message is never lost. Events go out through `emit` in the v1 wire vocabulary.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ChatAnswer, Escalation, StreamEvent, TurnOutcome } from '../contract/v1';
import { AppError } from '../errors';
import { redactPii } from '../security/redact';
import type { Principal } from '../security/session-tokens';
import type { Store } from '../store/types';
import type { AnswerTrace, ChatAgent, Citation } from './types';

/** Turns of history the agent sees (ARCHITECTURE.md: the last 10 turns). */
export const MEMORY_TURNS = 10;

/** A streamed turn's events, in the v1 wire vocabulary (errors are added by the route). */
export type TurnEvent = Exclude<StreamEvent, { event: 'error' }>;

/** The whole turn: exactly the v1 JSON body. */
export type TurnResult = ChatAnswer;

export interface TurnDeps {
  store: Store;
  agent: ChatAgent;
  logger: Logger;
  now?: () => number;
}

export interface TurnRequest {
  principal: Principal;
  message: string;
  conversationId: string | undefined;
  /** Request facts for the audit trail. */
  ip: string | null;
  userAgent: string | null;
  startedAt: number;
}

export async function runChatTurn(
  deps: TurnDeps,
  request: TurnRequest,
  emit: (event: TurnEvent) => void,
): Promise<TurnResult> {
  const { store, agent } = deps;
  const now = deps.now ?? Date.now;
  const { principal } = request;

  const conversation = request.conversationId
    ? await store.conversations.get(principal.tenantId, request.conversationId)
    : await store.conversations.create({
        tenantId: principal.tenantId,
        subject: principal.subject,
      });
  // Someone else's thread looks exactly like a missing one: no probing for ids.
  if (!conversation || conversation.subject !== principal.subject) {
    throw new AppError('not_found', 'No conversation with that id.');
  }

  const redacted = redactPii(request.message);
  const history = await store.messages.list(principal.tenantId, conversation.id, MEMORY_TURNS * 2);
  await store.messages.append({
    conversationId: conversation.id,
    tenantId: principal.tenantId,
    role: 'user',
    text: redacted.text,
    citations: [],
    confidence: null,
    responseTimeMs: null,
  });

  const messageId = randomUUID();
  emit({ event: 'meta', data: { conversation_id: conversation.id, message_id: messageId } });

  let answer = '';
  let citations: Citation[] = [];
  let escalation: Escalation | null = null;
  let confidence = 0;
  let trace: AnswerTrace | null = null;
  for await (const event of agent.respond({
    tenantId: principal.tenantId,
    conversationId: conversation.id,
    message: redacted.text,
    history: history.map((m) => ({ role: m.role, text: m.text })),
    principal,
  })) {
    if (event.type === 'token') {
      answer += event.text;
      emit({ event: 'token', data: { text: event.text } });
    } else if (event.type === 'citations') {
      citations = event.citations;
      emit({ event: 'citations', data: citations });
    } else if (event.type === 'escalate') {
      escalation = { status: 'pending', reason: event.reason };
      emit({ event: 'escalation', data: escalation });
    } else {
      confidence = event.confidence;
      trace = event.trace;
    }
  }
  const outcome: TurnOutcome = trace?.outcome ?? (escalation ? 'handed_over' : 'answered');

  const responseTimeMs = Math.max(0, Math.round(now() - request.startedAt));
  answer = answer.trim();
  // The answer, the hand-over and their audit record commit together or not at all.
  await store.turns.record({
    answer: {
      id: messageId,
      conversationId: conversation.id,
      tenantId: principal.tenantId,
      role: 'assistant',
      text: answer,
      citations,
      confidence,
      responseTimeMs,
    },
    status: escalation ? 'escalation_pending' : null,
    audit: {
      tenantId: principal.tenantId,
      actorType: principal.role,
      actorId: principal.subject,
      action: 'chat.message',
      resourceType: 'conversation',
      resourceId: conversation.id,
      details: {
        message_id: messageId,
        ...explainAnswer(trace, confidence),
        citations: citations.map((c) => ({ document_id: c.document_id, page: c.page })),
        escalated: escalation?.reason ?? null,
        pii_redacted: redacted.found,
      },
      ip: request.ip,
      userAgent: request.userAgent,
    },
  });
  deps.logger.info(
    {
      conversation_id: conversation.id,
      message_id: messageId,
      confidence,
      escalated: escalation !== null,
      outcome,
      response_time_ms: responseTimeMs,
    },
    'chat turn answered',
  );
  emit({ event: 'done', data: { confidence, response_time_ms: responseTimeMs, outcome } });
  return {
    conversation_id: conversation.id,
    message_id: messageId,
    answer,
    citations,
    confidence,
    escalation,
    outcome,
    response_time_ms: responseTimeMs,
  };
}

/**
 * What the audit record keeps of how an answer was made, so any answer can be explained later:
 * the mode and model, the prompt version, the knowledge-base pages and versions it stood on,
 * the grounding and confidence against the threshold that applied, and what it cost.
 */
function explainAnswer(trace: AnswerTrace | null, confidence: number) {
  if (!trace) return { confidence };
  return {
    mode: trace.mode,
    intent: trace.intent,
    outcome: trace.outcome,
    model: trace.model,
    prompt_version: trace.promptVersion,
    retrieved: trace.retrieved,
    confidence,
    grounding: trace.grounding,
    threshold: trace.threshold,
    fallback: trace.fallback,
    cached: trace.cached,
    usage: trace.usage.map((u) => ({
      model: u.model,
      input_tokens: u.inputTokens,
      output_tokens: u.outputTokens,
      cost_usd: u.costUsd,
    })),
  };
}
