import { describe, expect, it } from 'vitest';
import { DECLINE_TEXT, HUMAN_TEXT, SENSITIVE_TEXT, THANKS_TEXT } from '../offline/replies';
import type { TurnClassification } from '../state';
import { collectingRuntime, stateOf } from '../testing/graph-fixtures';
import { replyDirectly } from './reply-directly';

const as = (intent: TurnClassification['intent'], sensitive = false): TurnClassification => ({
  intent,
  topic: 'general',
  sensitive,
  standaloneQuestion: null,
});

describe('reply_directly', () => {
  it('streams the fixed wording word by word', async () => {
    const { runtime, events, text } = collectingRuntime();
    const out = await replyDirectly(stateOf({ classification: as('human_requested') }), runtime);
    expect(text()).toBe(HUMAN_TEXT);
    expect(events.length).toBeGreaterThan(5);
    expect(out.reply).toMatchObject({
      outcome: 'handed_over',
      escalation: 'user_requested',
      streamed: true,
    });
  });

  it('puts a sensitive topic before the intent', async () => {
    const out = await replyDirectly(stateOf({ classification: as('question', true) }));
    expect(out.reply).toMatchObject({ text: SENSITIVE_TEXT, escalation: 'sensitive_topic' });
  });

  it('declines off-topic requests and thanks back', async () => {
    expect(
      (await replyDirectly(stateOf({ classification: as('out_of_scope') }))).reply,
    ).toMatchObject({
      text: DECLINE_TEXT,
      outcome: 'declined',
    });
    const thanks = await replyDirectly(
      stateOf({ classification: as('small_talk'), message: 'thanks!' }),
    );
    expect(thanks.reply?.text).toBe(THANKS_TEXT);
  });
});
