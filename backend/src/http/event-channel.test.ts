import { describe, expect, it } from 'vitest';
import { createEventChannel } from './event-channel';

describe('createEventChannel', () => {
  it('delivers events pushed before and after the consumer starts, then ends', async () => {
    const channel = createEventChannel<number>();
    channel.push(1);
    const seen: number[] = [];
    const consumer = (async () => {
      for await (const n of channel) seen.push(n);
    })();
    await Promise.resolve();
    channel.push(2);
    channel.push(3);
    channel.close();
    channel.push(4);
    await consumer;
    expect(seen).toEqual([1, 2, 3]);
  });

  it('hands the buffered events over first, then the error', async () => {
    const channel = createEventChannel<string>();
    channel.push('a');
    channel.close(new Error('model down'));
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const e of channel) seen.push(e);
      })(),
    ).rejects.toThrow('model down');
    expect(seen).toEqual(['a']);
  });
});
