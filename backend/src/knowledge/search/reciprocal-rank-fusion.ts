/** One ranked list entry from either retriever. */
export interface Ranked<T> {
  id: string;
  item: T;
}

export interface Fused<T> {
  id: string;
  item: T;
  score: number;
  /** 1-based rank in each list, or null when the list did not have it. */
  ranks: (number | null)[];
}

/**
 * Reciprocal rank fusion (Cormack et al., 2009): score = Σ 1 / (k + rank). Uses ranks only,
 * so BM25 scores and cosine similarities need no common scale. k = 60 is the paper's value.
 */
export function reciprocalRankFusion<T>(lists: Ranked<T>[][], k = 60): Fused<T>[] {
  const byId = new Map<string, Fused<T>>();
  lists.forEach((list, listIndex) => {
    list.forEach((entry, index) => {
      let fused = byId.get(entry.id);
      if (!fused) {
        fused = { id: entry.id, item: entry.item, score: 0, ranks: lists.map(() => null) };
        byId.set(entry.id, fused);
      }
      fused.score += 1 / (k + index + 1);
      fused.ranks[listIndex] = index + 1;
    });
  });
  // Ties (same ranks mirrored) fall back to the best single rank, then to the lists in the
  // order given, and only then to the id: ids are random per ingest, so an id tie-break made
  // the same question over the same documents rank differently in two fresh indexes.
  const rankIn = (f: Fused<T>, list: number) => f.ranks[list] ?? Infinity;
  return [...byId.values()].sort((a, b) => {
    const byScore = b.score - a.score;
    if (byScore !== 0) return byScore;
    const best =
      Math.min(...a.ranks.map((r) => r ?? Infinity)) -
      Math.min(...b.ranks.map((r) => r ?? Infinity));
    if (best !== 0) return best;
    for (let list = 0; list < lists.length; list++) {
      const byList = rankIn(a, list) - rankIn(b, list);
      if (byList !== 0 && !Number.isNaN(byList)) return byList;
    }
    return a.id.localeCompare(b.id);
  });
}
