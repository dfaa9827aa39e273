/**
 * How common each content word is among a tenant's live passages. The offline agent weighs
 * the words of a question by rarity: a question whose rare words ("insurance", "bitcoin")
 * appear in no passage is one the help centre does not answer, however many common words
 * ("pay", "card") match.
 */
import { distance } from 'fastest-levenshtein';
import type { ChunkTable } from './index/chunk-table';
import type { LiveSet } from './live-set';
import { contentTerms } from './text/terms';
import type { CorpusStats } from './types';

const EMPTY: CorpusStats = { passages: 0, documentFrequency: () => 0, correction: () => null };

/**
 * Edits allowed when guessing a misspelling: none for short words, where one edit makes
 * another word, and two only for long ones ("vacation" is two edits from "location").
 */
const maxEdits = (length: number) => (length >= 10 ? 2 : length >= 6 ? 1 : 0);

/**
 * Stats per tenant, computed on first use and again whenever the tenant's live versions
 * change (the view's filter names them, so it doubles as the cache key).
 */
export function createCorpusStats(table: () => ChunkTable, live: LiveSet) {
  const cache = new Map<string, { filter: string; stats: Promise<CorpusStats> }>();

  async function compute(filter: string): Promise<CorpusStats> {
    const rows = await live.track(table().scanText(filter));
    const df = new Map<string, number>();
    for (const row of rows) {
      for (const term of contentTerms(`${row.section} ${row.text}`))
        df.set(term, (df.get(term) ?? 0) + 1);
    }
    const vocabulary = [...df.keys()];
    return {
      passages: rows.length,
      documentFrequency: (term) => df.get(term) ?? 0,
      correction(term) {
        const allowed = maxEdits(term.length);
        if (allowed === 0 || df.has(term)) return null;
        let best: string | null = null;
        let bestDistance = allowed + 1;
        for (const candidate of vocabulary) {
          // Typos rarely hit the first letter; requiring it avoids most false friends.
          if (candidate[0] !== term[0] || Math.abs(candidate.length - term.length) > allowed)
            continue;
          const d = distance(term, candidate);
          if (d < bestDistance) [best, bestDistance] = [candidate, d];
        }
        return best;
      },
    };
  }

  return function corpusStats(tenantId: string): Promise<CorpusStats> {
    const view = live.view(tenantId);
    if (!view) return Promise.resolve(EMPTY);
    const cached = cache.get(tenantId);
    if (cached?.filter === view.filter) return cached.stats;
    const stats = compute(view.filter);
    cache.set(tenantId, { filter: view.filter, stats });
    // A failed scan must not stick: the next question tries again.
    stats.catch(() => cache.delete(tenantId));
    return stats;
  };
}
