/**
 * The widget keeps its own copy of the v1 wire contract (no backend code may enter the bundle).
 * This test is what keeps the copy honest: the lists are compared at run time, the shapes by
 * the type checker (`pnpm typecheck` fails on a drift, as `expectTypeOf` is checked by tsc).
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type Citation as ContractCitation,
  type EscalationReason as ContractEscalationReason,
  type TurnOutcome as ContractTurnOutcome,
  type ErrorCode,
  STATUS_BY_ERROR_CODE,
  STREAM_EVENTS,
  type StreamEventData,
} from '../../../backend/src/contract/v1';
import { codeByStatus } from './failure';
import { toOutcome } from './sse';
import {
  CHAT_EVENT_NAMES,
  type ChatEvent,
  type Citation,
  type EscalationReason,
  SERVER_ERROR_CODES,
  type TurnOutcome,
} from './types';

describe('the widget copy of contract v1', () => {
  it('knows every server error code, each with the status the server sends it with', () => {
    expect([...SERVER_ERROR_CODES].sort()).toEqual(Object.keys(STATUS_BY_ERROR_CODE).sort());
    for (const [code, status] of Object.entries(STATUS_BY_ERROR_CODE)) {
      expect(codeByStatus[status], `status ${status}`).toBe(code);
    }
    expectTypeOf<(typeof SERVER_ERROR_CODES)[number]>().toEqualTypeOf<ErrorCode>();
  });

  it('reads exactly the stream events the server sends', () => {
    expect([...CHAT_EVENT_NAMES]).toEqual([...STREAM_EVENTS]);
    expectTypeOf<ChatEvent['type']>().toEqualTypeOf<keyof StreamEventData>();
  });

  it('has the same citations, escalation reasons and outcomes', () => {
    expectTypeOf<Citation>().toEqualTypeOf<ContractCitation>();
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

  it('reads every field of the done event', () => {
    type WidgetDone = Omit<Extract<ChatEvent, { type: 'done' }>, 'type'>;
    expectTypeOf<keyof StreamEventData['done']>().toEqualTypeOf<keyof WidgetDone>();
  });
});
