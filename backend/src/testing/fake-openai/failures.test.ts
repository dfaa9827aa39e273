import type { AIMessageChunk } from '@langchain/core/messages';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from './index';

describe('fake OpenAI failures, hangs and pacing through the real clients', () => {
  let fake: FakeOpenAI;
  const chatModel = (fields: ConstructorParameters<typeof ChatOpenAI>[0] = {}) =>
    new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'test',
      configuration: { baseURL: fake.url },
      ...fields,
    });
  beforeEach(async () => {
    fake = await startFakeOpenAI();
  });
  afterEach(async () => {
    await fake.close();
  });

  it('recovers from a 500 when one retry is allowed', async () => {
    fake.failNext(500);
    fake.enqueue('Back again.');
    const reply = await chatModel({ maxRetries: 1 }).invoke('hello');
    expect(reply.content).toBe('Back again.');
    expect(fake.chatRequests).toHaveLength(1); // the failed attempt is not recorded
  }, 10_000);

  it('surfaces a 429 as an error when retries are off', async () => {
    fake.failNext(429);
    const error = await chatModel({ maxRetries: 0 })
      .invoke('hello')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as { status?: number }).status).toBe(429);
    expect(fake.chatRequests).toHaveLength(0);
    // The fault was used up: the next call succeeds.
    expect((await chatModel({ maxRetries: 0 }).invoke('again')).content).toBe(
      'Fake answer to: again',
    );
  });

  it('waits out a 429 for the retry-after the fake sends', async () => {
    fake.failNext(429, 1, { retryAfter: 0 });
    const started = Date.now();
    expect((await chatModel({ maxRetries: 1 }).invoke('x')).content).toBe('Fake answer to: x');
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 10_000);

  it('applies a route-scoped failure to chat only', async () => {
    fake.failNext(503, 1, { route: 'chat' });
    const embeddings = new OpenAIEmbeddings({
      apiKey: 'test',
      maxRetries: 0,
      configuration: { baseURL: fake.url },
    });
    await embeddings.embedQuery('still fine');
    await expect(chatModel({ maxRetries: 0 }).invoke('x')).rejects.toMatchObject({ status: 503 });
  });

  it('hangs so that a client timeout rejects, and still closes cleanly', async () => {
    fake.hangNext();
    const started = Date.now();
    await expect(chatModel({ maxRetries: 0, timeout: 200 }).invoke('x')).rejects.toThrow(/time/i);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.chatRequests).toHaveLength(0);
  });

  it('drops a stream mid-way when asked', async () => {
    fake.enqueue({ content: 'one two three four five six', disconnectAfterChunks: 3 });
    const seen: string[] = [];
    const run = async () => {
      for await (const chunk of await chatModel({ maxRetries: 0 }).stream('x'))
        seen.push(String(chunk.content));
    };
    await expect(run()).rejects.toThrow();
    expect(seen.join('')).toBe('one two '); // role chunk + two words, then the connection died
  });

  it('paces the stream: first token delay, then tokens per second', async () => {
    fake.pace({ firstTokenMs: 150, tokensPerSecond: 50 });
    fake.enqueue('a b c d e f g h i j k');
    const started = performance.now();
    let first = 0;
    let last: AIMessageChunk | undefined;
    for await (const chunk of await chatModel().stream('x')) {
      if (!first && chunk.content) first = performance.now() - started;
      last = last ? last.concat(chunk) : chunk;
    }
    const total = performance.now() - started;
    expect(last?.content).toBe('a b c d e f g h i j k');
    expect(first).toBeGreaterThanOrEqual(140);
    expect(first).toBeLessThan(400);
    // Ten gaps of 20 ms after the first word.
    expect(total - first).toBeGreaterThanOrEqual(180);
  });

  it('delays a non-streamed answer by the same pace', async () => {
    fake.pace({ firstTokenMs: 100, tokensPerSecond: 20 });
    const started = performance.now();
    fake.enqueue('one two three');
    await chatModel().invoke('x');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190); // 100 + 2 × 50
  });

  it('closes at once with a hung request and a slow stream in flight', async () => {
    // That no timer or socket outlives close() is checked in a child process: close.int.test.ts.
    const slow = await startFakeOpenAI({ firstTokenMs: 10_000 });
    slow.hangNext();
    const model = new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'test',
      maxRetries: 0,
      configuration: { baseURL: slow.url },
    });
    const hung = model.invoke('x').catch((e: unknown) => e);
    let streaming!: () => void;
    const firstChunk = new Promise<void>((resolve) => {
      streaming = resolve;
    });
    const paced = (async () => {
      // The role chunk comes before the 10 s wait for the first token.
      for await (const _ of await model.stream('y')) streaming();
    })().catch((e: unknown) => e);
    await firstChunk;
    const started = performance.now();
    await slow.close();
    expect(await hung).toBeInstanceOf(Error);
    expect(await paced).toBeInstanceOf(Error);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('still decodes base64 embeddings for OpenAIEmbeddings', async () => {
    const embeddings = new OpenAIEmbeddings({
      apiKey: 'test',
      dimensions: 8,
      configuration: { baseURL: fake.url },
    });
    const vector = await embeddings.embedQuery('pay card');
    expect(fake.embeddingRequests[0]?.encodingFormat).toBe('base64');
    expect(vector).toHaveLength(8);
    for (const [i, value] of fake.vectorFor('pay card', 8).entries())
      expect(vector[i]).toBeCloseTo(value, 6);
  });
});
