import { describe, expect, it } from 'vitest';
import { contentTerms, rarityWeight, stemsOf, termCoverage, wordsOf } from './terms';

describe('terms', () => {
  it('keeps content words, stemmed, once each', () => {
    expect(contentTerms('How much are the Instant Pay fees charged? Instant!')).toEqual([
      'instant',
      'pay',
      'fee',
      'charg',
    ]);
    expect(contentTerms('When do W-2s come out? my w2 is late')).toEqual(['w2', 'com', 'lat']);
  });

  it('folds accents, apostrophes and possessives', () => {
    expect(wordsOf("Café worker's don't")).toEqual(['cafe', 'worker', 'dont']);
    expect(stemsOf("I don't get my tips tips")).toEqual(['tip', 'tip']);
  });

  it('measures coverage, weighted by rarity', () => {
    expect(termCoverage(['instant', 'fee'], 'Instant Pay has one fee')).toBe(1);
    expect(termCoverage([], 'anything')).toBe(0);
    const weight = rarityWeight({
      passages: 100,
      documentFrequency: (t) => ({ pay: 60, fee: 5 })[t] ?? 0,
    });
    expect(weight('fee')).toBeGreaterThan(weight('pay'));
    expect(weight('insurance')).toBeGreaterThan(weight('fee'));
    expect(termCoverage(['pay', 'insurance'], 'your pay arrives', weight)).toBeLessThan(0.2);
  });
});

describe('single digits', () => {
  it('are content terms for the answerer but not features for the embedder', () => {
    expect(contentTerms('what does box 7 mean')).toEqual(['box', '7', 'mean']);
    expect(stemsOf('what does box 7 mean')).toEqual(['box', 'mean']);
  });
});
