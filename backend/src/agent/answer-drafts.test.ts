import { AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { createAnswerDrafts, type DraftPlan, passagesKey } from './answer-drafts';

const chunk = (text: string) => new AIMessageChunk({ content: text });

/** A plan whose model call sends the given words, then waits for `finish` (or the abort). */
function controllablePlan(words: string[], passages = 'p1') {
  let finish: () => void = () => {};
  let seenSignal: AbortSignal | undefined;
  const plan: DraftPlan = {
    passages,
    write: (signal, push) =>
      new Promise((resolve, reject) => {
        seenSignal = signal;
        for (const w of words) push(chunk(w));
        finish = () => resolve({ usage: [] });
        signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      }),
  };
  return { plan, finish: () => finish(), signal: () => seenSignal };
}

describe('answer drafts', () => {
  it('keeps what was written before the claim and relays the rest as it comes', async () => {
    const drafts = createAnswerDrafts();
    const c = controllablePlan(['Instant ', 'Pay ']);
    drafts.start('t1', async () => c.plan);
    const draft = drafts.claim('t1');
    expect(draft).toBeDefined();
    expect(drafts.claim('t1')).toBeUndefined();
    expect(await draft?.passages).toBe('p1');

    const seen: string[] = [];
    const relayed = draft?.relay((ch) => seen.push(String(ch.content)));
    expect(seen).toEqual(['Instant ', 'Pay ']);
    c.finish();
    await expect(relayed).resolves.toEqual({ usage: [] });
  });

  it('aborts the model call of a cancelled draft, and of one replaced by a new start', async () => {
    const drafts = createAnswerDrafts();
    const first = controllablePlan(['a']);
    drafts.start('t1', async () => first.plan);
    await drafts.claim('t1')?.passages;
    const second = controllablePlan(['b']);
    drafts.start('t2', async () => second.plan);
    const third = controllablePlan(['c']);
    await new Promise((r) => setTimeout(r, 0));
    drafts.start('t2', async () => third.plan);
    await new Promise((r) => setTimeout(r, 0));
    expect(second.signal()?.aborted).toBe(true);
    drafts.cancel('t2');
    expect(third.signal()?.aborted).toBe(true);
    expect(first.signal()?.aborted).toBe(false);
    expect(drafts.size).toBe(0);
  });

  it('writes nothing when the plan finds no passages, or is cancelled before it is ready', async () => {
    const drafts = createAnswerDrafts();
    drafts.start('none', async () => null);
    const none = drafts.claim('none');
    expect(await none?.passages).toBeNull();
    await expect(none?.relay(() => {})).resolves.toEqual({ usage: [] });

    let wrote = false;
    drafts.start('late', async () => ({
      passages: 'p',
      write: async () => {
        wrote = true;
        return { usage: [] };
      },
    }));
    drafts.cancel('late');
    await new Promise((r) => setTimeout(r, 0));
    expect(wrote).toBe(false);
  });

  it('passes a failed model call on to whoever relays the draft', async () => {
    const drafts = createAnswerDrafts();
    drafts.start('t', async () => ({
      passages: 'p',
      write: async () => {
        throw new Error('provider 500');
      },
    }));
    await expect(drafts.claim('t')?.relay(() => {})).rejects.toThrow('provider 500');
  });

  it('keys passages by their chunk ids in rank order', () => {
    expect(passagesKey([{ chunkId: 'a' }, { chunkId: 'b' }])).not.toBe(
      passagesKey([{ chunkId: 'b' }, { chunkId: 'a' }]),
    );
  });
});
