import { beforeEach, describe, expect, it } from 'vitest';
import { type CachedAnswer, cosine, createMemoryAnswerCache } from './answer-cache';

const answer = (text: string): CachedAnswer => ({
  text,
  citations: [{ document_id: 'd1', title: 'Tips', page: 1, snippet: 'Tips are paid on Friday.' }],
  confidence: 0.9,
  trace: {
    mode: 'connected',
    intent: 'question',
    outcome: 'answered',
    model: 'gpt-4o-mini',
    promptVersion: 'p1',
    retrieved: [{ document_id: 'd1', version: 1, page: 1 }],
    grounding: 0.9,
    threshold: 0.5,
  },
});

describe('memory answer cache', () => {
  let clock: number;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('serves a repeated question, however it is typed, to the same tenant only', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000, now });
    await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
    expect((await cache.get('t1', 'when will my TIPS get paid', 'fp1'))?.text).toBe('Fridays.');
    expect(await cache.get('t2', 'When are my tips paid?', 'fp1')).toBeNull();
    expect(await cache.get('t1', 'How are my tips paid?', 'fp1')).toBeNull();
  });

  it('misses once the knowledge changed, and forgets the old answers', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000, now });
    await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
    expect(await cache.get('t1', 'When are my tips paid?', 'fp2')).toBeNull();
    await cache.put('t1', 'What is the fee?', 'fp2', answer('None.'));
    expect(await cache.get('t1', 'When are my tips paid?', 'fp1')).toBeNull();
  });

  it('expires answers after the TTL', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000, now });
    await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
    clock += 59_999;
    expect(await cache.get('t1', 'When are my tips paid?', 'fp1')).not.toBeNull();
    clock += 1;
    expect(await cache.get('t1', 'When are my tips paid?', 'fp1')).toBeNull();
  });

  it('is off with a TTL of 0', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 0, now });
    await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
    expect(await cache.get('t1', 'When are my tips paid?', 'fp1')).toBeNull();
  });

  it('keeps at most N answers per tenant, dropping the least recently used', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000, maxEntriesPerTenant: 2, now });
    await cache.put('t1', 'tip payout fee', 'fp1', answer('a'));
    await cache.put('t1', 'pay card lost', 'fp1', answer('b'));
    await cache.get('t1', 'tip payout fee', 'fp1'); // now the most recent
    await cache.put('t1', 'direct deposit setup', 'fp1', answer('c'));
    expect(await cache.get('t1', 'pay card lost', 'fp1')).toBeNull();
    expect((await cache.get('t1', 'tip payout fee', 'fp1'))?.text).toBe('a');
    expect((await cache.get('t1', 'direct deposit setup', 'fp1'))?.text).toBe('c');
  });

  it('never stores anything but an answered outcome', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000, now });
    const handed = { ...answer('x'), trace: { ...answer('x').trace, outcome: 'handed_over' } };
    await cache.put('t1', 'where are my tips', 'fp1', handed as unknown as CachedAnswer);
    expect(await cache.get('t1', 'where are my tips', 'fp1')).toBeNull();
  });

  describe('semantic match (connected mode)', () => {
    // The embedding provider is the edge: fixed vectors stand in for it.
    const vectors: Record<string, number[]> = {
      'When are my tips paid?': [1, 0, 0],
      'what day do tips land': [0.99, 0.1, 0], // cosine 0.995
      'what day is the fee charged': [0.8, 0.6, 0], // cosine 0.8
    };
    let embedCalls: string[];
    const embed = async (text: string) => {
      embedCalls.push(text);
      const v = vectors[text];
      if (!v) throw new Error('embedding provider down');
      return v;
    };
    beforeEach(() => {
      embedCalls = [];
    });

    it('hits at cosine >= 0.95 and misses below', async () => {
      const cache = createMemoryAnswerCache({ ttlMs: 60_000, embed, now });
      await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
      expect((await cache.get('t1', 'what day do tips land', 'fp1'))?.text).toBe('Fridays.');
      expect(await cache.get('t1', 'what day is the fee charged', 'fp1')).toBeNull();
      expect(await cache.get('t2', 'what day do tips land', 'fp1')).toBeNull();
      expect(await cache.get('t1', 'what day do tips land', 'fp2')).toBeNull();
    });

    it('reuses the vector of the missed get for the put', async () => {
      const cache = createMemoryAnswerCache({ ttlMs: 60_000, embed, now });
      await cache.put('t1', 'what day is the fee charged', 'fp1', answer('Mondays.'));
      embedCalls = [];
      expect(await cache.get('t1', 'When are my tips paid?', 'fp1')).toBeNull();
      await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
      expect(embedCalls).toEqual(['When are my tips paid?']);
    });

    it('treats an embedding failure as a miss, not an error', async () => {
      const cache = createMemoryAnswerCache({ ttlMs: 60_000, embed, now });
      await cache.put('t1', 'When are my tips paid?', 'fp1', answer('Fridays.'));
      expect(await cache.get('t1', 'something else entirely', 'fp1')).toBeNull();
    });
  });

  it('cosine is 1 for the same direction and 0 for orthogonal or empty vectors', () => {
    expect(cosine([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 1])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(cosine([1], [1, 0])).toBe(0);
  });
});
