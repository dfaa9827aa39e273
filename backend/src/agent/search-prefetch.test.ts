import { describe, expect, it } from 'vitest';
import type { KnowledgeSearch, SearchQuery } from '../knowledge/types';
import { createPrefetchingSearch } from './search-prefetch';
import { FEE_HIT } from './testing/graph-fixtures';

function countingKnowledge(fail = false) {
  const calls: string[] = [];
  const knowledge: KnowledgeSearch = {
    async search(q) {
      calls.push(q.text);
      if (fail && calls.length === 1) throw new Error('index busy');
      return [FEE_HIT];
    },
    async corpusStats() {
      return { passages: 1, documentFrequency: () => 1, correction: () => null };
    },
  };
  return { knowledge, calls };
}

const query = (text: string): SearchQuery => ({ tenantId: 'demo', text, limit: 6 });

describe('createPrefetchingSearch', () => {
  it('hands a prefetched search to the first matching search, once', async () => {
    const { knowledge, calls } = countingKnowledge();
    const search = createPrefetchingSearch(knowledge);
    search.prefetch(query('instant pay fee'));
    expect(await search.search(query('instant pay fee'))).toEqual([FEE_HIT]);
    expect(calls).toEqual(['instant pay fee']);
    await search.search(query('instant pay fee'));
    expect(calls).toEqual(['instant pay fee', 'instant pay fee']);
  });

  it('searches anew for other text, another tenant or another limit', async () => {
    const { knowledge, calls } = countingKnowledge();
    const search = createPrefetchingSearch(knowledge);
    search.prefetch(query('instant pay fee'));
    await search.search(query('and on weekends?'));
    await search.search({ ...query('instant pay fee'), tenantId: 'acme' });
    await search.search({ ...query('instant pay fee'), limit: 3 });
    expect(calls).toEqual([
      'instant pay fee',
      'and on weekends?',
      'instant pay fee',
      'instant pay fee',
    ]);
  });

  it('lets a prefetched result be read without taking it', async () => {
    const { knowledge, calls } = countingKnowledge();
    const search = createPrefetchingSearch(knowledge);
    expect(search.peek(query('instant pay fee'))).toBeUndefined();
    search.prefetch(query('instant pay fee'));
    expect(await search.peek(query('instant pay fee'))).toEqual([FEE_HIT]);
    expect(await search.search(query('instant pay fee'))).toEqual([FEE_HIT]);
    expect(calls).toEqual(['instant pay fee']);
  });

  it('searches again when the prefetch failed', async () => {
    const { knowledge, calls } = countingKnowledge(true);
    const search = createPrefetchingSearch(knowledge);
    search.prefetch(query('instant pay fee'));
    expect(await search.search(query('instant pay fee'))).toEqual([FEE_HIT]);
    expect(calls).toHaveLength(2);
  });
});
