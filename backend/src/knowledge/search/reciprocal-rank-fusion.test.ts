import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './reciprocal-rank-fusion';

const list = (...ids: string[]) => ids.map((id) => ({ id, item: id }));

describe('reciprocalRankFusion', () => {
  it('ranks an item both lists found above items only one list found', () => {
    const fused = reciprocalRankFusion([list('a', 'b', 'c'), list('d', 'c', 'e')]);
    expect(fused[0]?.id).toBe('c');
    expect(fused[0]?.ranks).toEqual([3, 2]);
    expect(fused.find((f) => f.id === 'd')?.ranks).toEqual([null, 1]);
  });

  it('scores 1 / (k + rank) summed over lists', () => {
    const [top] = reciprocalRankFusion([list('x'), list('x')], 60);
    expect(top?.score).toBeCloseTo(2 / 61, 10);
  });

  it('handles empty lists', () => {
    expect(reciprocalRankFusion([[], []])).toEqual([]);
    expect(reciprocalRankFusion<string>([])).toEqual([]);
  });

  it('breaks mirrored ties by the lists in the order given, not by the (random) ids', () => {
    const ids = (lists: ReturnType<typeof list>[]) => reciprocalRankFusion(lists).map((f) => f.id);
    expect(ids([list('p', 'q'), list('q', 'p')])).toEqual(['p', 'q']);
    expect(ids([list('q', 'p'), list('p', 'q')])).toEqual(['q', 'p']);
    expect(ids([list('z', 'a'), list('a', 'z')])).toEqual(['z', 'a']);
    // Each found by one list only: the first list's wins.
    expect(ids([list('b'), list('a')])[0]).toBe('b');
  });
});
