import { describe, expect, it } from 'vitest';
import { HANDOVER_TEXT } from '../offline/replies';
import { collectingRuntime, stateOf } from '../testing/graph-fixtures';
import { escalate } from './escalate';

describe('escalate', () => {
  it('says what was not said yet, then escalates with the reason', async () => {
    const { runtime, events, text } = collectingRuntime();
    const out = await escalate(
      stateOf({
        reply: {
          text: HANDOVER_TEXT,
          streamed: false,
          source: 'offline',
          outcome: 'handed_over',
          escalation: 'no_knowledge',
          citations: [],
          used: [],
          confidence: 0,
        },
      }),
      runtime,
    );
    expect(text()).toBe(HANDOVER_TEXT);
    expect(events.at(-1)).toEqual({ type: 'escalate', reason: 'no_knowledge' });
    expect(out.reply).toMatchObject({ streamed: true, outcome: 'handed_over' });
  });
});
