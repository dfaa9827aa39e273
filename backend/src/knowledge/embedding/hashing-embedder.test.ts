import { describe, expect, it } from 'vitest';
import { createHashingEmbedder } from './hashing-embedder';

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

describe('createHashingEmbedder', () => {
  const embedder = createHashingEmbedder({ dimension: 256 });

  it('is deterministic and unit length', async () => {
    const [a, b] = await embedder.embedDocuments(['Instant pay fees', 'Instant pay fees']);
    expect(a).toEqual(b);
    expect(Math.hypot(...a!)).toBeCloseTo(1, 6);
    expect(a).toHaveLength(256);
  });

  it('puts related wording closer than unrelated wording', async () => {
    const query = await embedder.embedQuery('how much is the fee for instant pay?');
    const [related, unrelated] = await embedder.embedDocuments([
      'Instant pay costs a flat fee of $2.99 per transfer.',
      'Your W-2 form is available in January for tax filing.',
    ]);
    expect(cosine(query, related!)).toBeGreaterThan(cosine(query, unrelated!) + 0.1);
  });

  it('gives empty or symbol-only text a valid unit vector', async () => {
    for (const text of ['', '???', '   ']) {
      const vector = await embedder.embedQuery(text);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 6);
    }
  });
});
