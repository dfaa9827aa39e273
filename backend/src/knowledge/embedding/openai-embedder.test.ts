import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOpenAI, startFakeOpenAI } from '../../testing/fake-openai';
import { createEmbedder } from './create-embedder';
import { createOpenAIEmbedder } from './openai-embedder';

describe('createOpenAIEmbedder against a fake OpenAI server', () => {
  let server: FakeOpenAI;
  beforeEach(async () => {
    server = await startFakeOpenAI({ dimension: 8 });
  });
  afterEach(async () => {
    await server.close();
  });

  it('receives exactly the vectors the server sent (base64 requested by the SDK)', async () => {
    const embedder = createOpenAIEmbedder({ baseUrl: server.url, dimension: 8, batchSize: 2 });
    const texts = ['instant pay fee', 'direct deposit timing', 'tip payouts'];
    const vectors = await embedder.embedDocuments(texts);
    expect(server.embeddingRequests.every((r) => r.encodingFormat === 'base64')).toBe(true);
    vectors.forEach((vector, i) => {
      expect(vector).toHaveLength(8);
      for (const [j, value] of server.vectorFor(texts[i]!, 8).entries()) {
        expect(vector[j]).toBeCloseTo(value, 6);
      }
    });
    // batchSize 2: three texts take two requests.
    expect(server.embeddingRequests.map((r) => r.input.length)).toEqual([2, 1]);
    expect(server.embeddingRequests[0]?.model).toBe('text-embedding-3-small');
  });

  it('waits out rate limits and server errors and then succeeds', async () => {
    server.failNext(429);
    server.failNext(503);
    const embedder = createOpenAIEmbedder({ baseUrl: server.url, dimension: 8 });
    const vector = await embedder.embedQuery('pay card');
    expect(vector[0]).toBeCloseTo(server.vectorFor('pay card', 8)[0]!, 6);
    // Back-off waits about 1 s and 2 s (randomised) between the attempts.
  }, 20_000);

  it('gives up at once on a client error such as 401', async () => {
    server.failNext(401, 10);
    const embedder = createOpenAIEmbedder({ baseUrl: server.url, dimension: 8, maxRetries: 5 });
    await expect(embedder.embedQuery('x')).rejects.toThrow();
    expect(server.embeddingRequests).toHaveLength(0);
  });

  it('rejects vectors of the wrong size instead of indexing them', async () => {
    const embedder = createOpenAIEmbedder({ baseUrl: server.url, dimension: 16 });
    // `dimensions` is sent, so the fake answers 16 values.
    expect(await embedder.embedQuery('a')).toHaveLength(16);
    await server.close();
    server = await startFakeOpenAI({ embed: () => [1, 0, 0] });
    const short = createOpenAIEmbedder({ baseUrl: server.url, dimension: 16 });
    await expect(short.embedQuery('a')).rejects.toThrow(/3 dimensions, expected 16/);
  });
});

describe('createEmbedder', () => {
  it('is offline without configuration and OpenAI with a base URL', () => {
    expect(createEmbedder(null).model).toMatch(/^hashing/);
    const connected = createEmbedder({
      baseUrl: 'http://127.0.0.1:1/v1',
      embeddingModel: 'text-embedding-3-large',
    });
    expect(connected.model).toBe('text-embedding-3-large');
    expect(connected.dimension).toBe(3072);
  });
});
