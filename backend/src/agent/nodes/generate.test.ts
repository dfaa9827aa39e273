import { AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it, vi } from 'vitest';
import { createAnswerDrafts, passagesKey } from '../answer-drafts';
import { createHeadStarts } from '../head-starts';
import { HANDOVER_TEXT } from '../offline/replies';
import type { TurnClassification } from '../state';
import {
  CUSTOMER,
  collectingRuntime,
  depsOf,
  FEE_HIT,
  SNAPSHOT,
  stateOf,
} from '../testing/graph-fixtures';
import { providerError, ScriptedChatModel } from '../testing/scripted-chat-model';
import type { Judged } from './check-confidence';
import { createGenerateNode } from './generate';

const question: TurnClassification = {
  intent: 'question',
  topic: 'payouts',
  sensitive: false,
  standaloneQuestion: null,
};

describe('generate', () => {
  it('offline: quotes the passage, word by word, with its citation', async () => {
    const { runtime, events, text } = collectingRuntime();
    const out = await createGenerateNode(depsOf())(
      stateOf({ classification: question, hits: [FEE_HIT] }),
      runtime,
    );
    expect(text()).toContain('$2.99 per transfer');
    expect(events.length).toBeGreaterThan(3);
    expect(out.reply).toMatchObject({ source: 'offline', outcome: 'answered', streamed: true });
    expect(out.reply?.citations[0]?.document_id).toBe('doc-instant');
  });

  it('offline: hands over with nothing to answer from', async () => {
    const out = await createGenerateNode(depsOf())(stateOf({ classification: question, hits: [] }));
    expect(out.reply).toMatchObject({
      text: HANDOVER_TEXT,
      outcome: 'handed_over',
      escalation: 'no_knowledge',
    });
  });

  it('offline: describes the account from the looked-up facts', async () => {
    const out = await createGenerateNode(depsOf())(
      stateOf({ principal: CUSTOMER, message: 'when do I get my tips', account: SNAPSHOT }),
    );
    expect(out.reply?.text).toContain('$84.20');
    expect(out.reply?.confidence).toBe(1);
  });

  it('connected: streams the model tokens as they come and maps cited ids to citations', async () => {
    const model = new ScriptedChatModel(() => 'A transfer costs $2.99 [1], see [7].');
    const { runtime, events } = collectingRuntime();
    const out = await createGenerateNode(depsOf({ model, modelName: 'scripted-model' }))(
      stateOf({ mode: 'connected', classification: question, hits: [FEE_HIT] }),
      runtime,
    );
    expect(events.map((e) => (e.type === 'token' ? e.text : ''))).toEqual([
      'A ',
      'transfer ',
      'costs ',
      '$2.99 ',
      '[1], ',
      'see ',
      '[7].',
    ]);
    // [7] names no passage: it is dropped, not invented.
    expect(out.reply?.citations.map((c) => c.document_id)).toEqual(['doc-instant']);
    expect(out.usage).toHaveLength(1);
  });

  it('connected: asks for the grounding judgment as soon as the answer is written', async () => {
    const model = new ScriptedChatModel((call) =>
      call.kind === 'structured'
        ? { json: { supported: 0.9, unsupported_claims: [], answers_question: true } }
        : 'A transfer costs $2.99 [1].',
    );
    const judgment = createHeadStarts<Judged>();
    await createGenerateNode(
      depsOf({ model, headStarts: { classification: createHeadStarts(), judgment } }),
    )(stateOf({ mode: 'connected', classification: question, hits: [FEE_HIT] }));
    const judged = await judgment.take('turn-1');
    expect(judged?.judgment).toMatchObject({ supported: 0.9 });
    // The judge read the whole answer, after it was written.
    const call = model.calls.at(-1);
    expect(call?.kind).toBe('structured');
    expect(String(call?.messages.at(-1)?.content)).toContain('A transfer costs $2.99 [1].');
  });

  it('connected: asks for the judgment once the last words are in, before the usage arrives', async () => {
    let release = () => {};
    const usageAfter = new Promise<void>((resolve) => {
      release = resolve;
    });
    const model = new ScriptedChatModel((call) =>
      call.kind === 'structured'
        ? { json: { supported: 1, unsupported_claims: [], answers_question: true } }
        : { text: 'A transfer costs $2.99 [1].', usageAfter },
    );
    const judgment = createHeadStarts<Judged>();
    const out = createGenerateNode(
      depsOf({ model, headStarts: { classification: createHeadStarts(), judgment } }),
    )(stateOf({ mode: 'connected', classification: question, hits: [FEE_HIT] }));
    // The answer's stream has not ended (its usage is held back) and the judge already has it.
    await vi.waitFor(() => expect(model.calls.at(-1)?.kind).toBe('structured'));
    release();
    expect((await out).usage).toHaveLength(1);
    expect((await judgment.take('turn-1'))?.judgment).toMatchObject({ supported: 1 });
  });

  it('connected: a stream that fails after some words is followed by the offline answer', async () => {
    const model = new ScriptedChatModel(() => ({
      text: 'A transfer costs',
      error: providerError(500),
      failAfterWords: 2,
    }));
    const { runtime, text } = collectingRuntime();
    const out = await createGenerateNode(depsOf({ model }))(
      stateOf({ mode: 'connected', classification: question, hits: [FEE_HIT] }),
      runtime,
    );
    expect(text().startsWith('A transfer \n\n')).toBe(true);
    expect(out.reply?.text).toBe(text());
    expect(out).toMatchObject({ mode: 'offline', fallback: 'provider_error' });
  });

  it('connected: relays the draft written from the same passages instead of asking again', async () => {
    const model = new ScriptedChatModel(() => 'written anew');
    const drafts = createAnswerDrafts();
    drafts.start('turn-1', async () => ({
      passages: passagesKey([FEE_HIT]),
      write: async (_signal, push) => {
        push(new AIMessageChunk({ content: 'Drafted: $2.99 [1].' }));
        return { usage: [] };
      },
    }));
    const { runtime, text } = collectingRuntime();
    const out = await createGenerateNode(depsOf({ model, drafts }))(
      stateOf({ mode: 'connected', classification: question, hits: [FEE_HIT] }),
      runtime,
    );
    expect(text()).toBe('Drafted: $2.99 [1].');
    expect(out.reply?.citations[0]?.document_id).toBe('doc-instant');
    expect(model.calls).toHaveLength(0);
  });

  it('connected: cancels a draft written from other passages and writes anew', async () => {
    const model = new ScriptedChatModel(() => 'Written anew [1].');
    const drafts = createAnswerDrafts();
    let aborted = false;
    drafts.start('turn-1', async () => ({
      passages: 'some-other-chunk',
      write: (signal, push) =>
        new Promise((_resolve, reject) => {
          push(new AIMessageChunk({ content: 'stale draft' }));
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(signal.reason);
          });
        }),
    }));
    const { runtime, text } = collectingRuntime();
    await createGenerateNode(depsOf({ model, drafts }))(
      stateOf({ mode: 'connected', classification: question, hits: [FEE_HIT] }),
      runtime,
    );
    expect(text()).toBe('Written anew [1].');
    expect(aborted).toBe(true);
  });
});
