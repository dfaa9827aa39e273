import { describe, expect, it } from 'vitest';
import { createHeadStarts } from './head-starts';

describe('head starts', () => {
  it('hands the started work to whoever takes it, once', async () => {
    const starts = createHeadStarts<string>();
    let runs = 0;
    starts.start('turn-1', async () => {
      runs++;
      return 'classified';
    });
    expect(runs).toBe(1); // started at once, not when taken
    expect(starts.size).toBe(1);
    await expect(starts.take('turn-1')).resolves.toBe('classified');
    expect(starts.take('turn-1')).toBeUndefined();
    expect(starts.take('turn-2')).toBeUndefined();
    expect(starts.size).toBe(0);
  });

  it('aborts work nobody took when the turn ends, and leaves taken work alone', async () => {
    const starts = createHeadStarts<void>();
    const signals: AbortSignal[] = [];
    const work = async (signal: AbortSignal) => {
      signals.push(signal);
    };
    starts.start('taken', work);
    starts.start('left', work);
    const taken = starts.take('taken');
    starts.drop('taken');
    starts.drop('left');
    await taken;
    expect(signals.map((s) => s.aborted)).toEqual([false, true]);
    expect(starts.size).toBe(0);
  });

  it("aborts the work when the turn's own signal does (the caller went away)", () => {
    const starts = createHeadStarts<void>();
    const turn = new AbortController();
    let seen: AbortSignal | null = null;
    starts.start(
      'turn-1',
      async (signal) => {
        seen = signal;
      },
      turn.signal,
    );
    expect(seen).not.toBeNull();
    expect((seen as AbortSignal | null)?.aborted).toBe(false);
    turn.abort();
    expect((seen as AbortSignal | null)?.aborted).toBe(true);
  });

  it('delivers a failure, thrown at once or later, to the taker', async () => {
    const starts = createHeadStarts<string>();
    starts.start('sync', () => {
      throw new Error('no schema');
    });
    starts.start('async', async () => Promise.reject(new Error('provider down')));
    await expect(starts.take('sync')).rejects.toThrow('no schema');
    await expect(starts.take('async')).rejects.toThrow('provider down');
    // A failed start nobody takes is dropped quietly (no unhandled rejection fails this run).
    starts.start('never-taken', async () => Promise.reject(new Error('ignored')));
    starts.drop('never-taken');
    expect(starts.size).toBe(0);
  });
});
