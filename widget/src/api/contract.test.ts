/**
 * The widget keeps its own copy of the v1 wire contract (no backend code may enter the bundle).
 * This test is what keeps the copy honest: the lists are compared at run time, the shapes by
 * the type checker (`pnpm typecheck` fails on a drift, as `expectTypeOf` is checked by tsc).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Attachment as ContractAttachment,
  type Citation as ContractCitation,
  type ConversationList as ContractConversationList,
  type DocumentLinkBody as ContractDocumentLinkBody,
  type EscalationReason as ContractEscalationReason,
  type FeedbackRequest as ContractFeedbackRequest,
  type TurnOutcome as ContractTurnOutcome,
  type UploadBody as ContractUploadBody,
  type WidgetConfigBody as ContractWidgetConfigBody,
  type ErrorCode,
  STATUS_BY_ERROR_CODE,
  STREAM_EVENTS,
  type StreamEventData,
} from '../../../backend/src/contract/v1';
import { codeByStatus } from './failure';
import { toOutcome } from './sse';
import {
  type Attachment,
  CHAT_EVENT_NAMES,
  type ChatEvent,
  type Citation,
  type ConversationList,
  type DocumentLinkBody,
  type EscalationReason,
  type FeedbackRequest,
  SERVER_ERROR_CODES,
  type TurnOutcome,
  type UploadBody,
  type WidgetConfigBody,
} from './types';

describe('the widget copy of contract v1', () => {
  it('knows every server error code, each with the status the server sends it with', () => {
    expect([...SERVER_ERROR_CODES].sort()).toEqual(Object.keys(STATUS_BY_ERROR_CODE).sort());
    for (const [code, status] of Object.entries(STATUS_BY_ERROR_CODE)) {
      // A 400 without a readable body is read as the general code; the body names the exact one.
      if (code === 'unsupported_protocol') expect(codeByStatus[status]).toBe('invalid_request');
      else expect(codeByStatus[status], `status ${status}`).toBe(code);
    }
    expectTypeOf<(typeof SERVER_ERROR_CODES)[number]>().toEqualTypeOf<ErrorCode>();
  });

  it('reads exactly the stream events the server sends', () => {
    expect([...CHAT_EVENT_NAMES]).toEqual([...STREAM_EVENTS]);
    expectTypeOf<ChatEvent['type']>().toEqualTypeOf<keyof StreamEventData>();
  });

  it('has the same citations, escalation reasons and outcomes', () => {
    expectTypeOf<Citation>().toEqualTypeOf<ContractCitation>();
    expectTypeOf<ConversationList>().toEqualTypeOf<ContractConversationList>();
    expectTypeOf<EscalationReason>().toEqualTypeOf<ContractEscalationReason>();
    expectTypeOf<TurnOutcome>().toEqualTypeOf<ContractTurnOutcome>();
    const outcomes: ContractTurnOutcome[] = [
      'answered',
      'closest_passage',
      'handed_over',
      'declined',
      'small_talk',
      'sign_in_required',
    ];
    for (const outcome of outcomes) expect(toOutcome(outcome)).toBe(outcome);
  });

  it('has the same feedback, widget config and document link bodies', () => {
    expectTypeOf<FeedbackRequest>().toEqualTypeOf<ContractFeedbackRequest>();
    expectTypeOf<WidgetConfigBody>().toEqualTypeOf<ContractWidgetConfigBody>();
    expectTypeOf<DocumentLinkBody>().toEqualTypeOf<ContractDocumentLinkBody>();
  });

  it('has the same attachments and upload answer', () => {
    expectTypeOf<Attachment>().toEqualTypeOf<ContractAttachment>();
    expectTypeOf<UploadBody>().toEqualTypeOf<ContractUploadBody>();
  });

  it('reads every field of the done event', () => {
    type WidgetDone = Omit<Extract<ChatEvent, { type: 'done' }>, 'type'>;
    expectTypeOf<keyof StreamEventData['done']>().toEqualTypeOf<keyof WidgetDone>();
  });
});
