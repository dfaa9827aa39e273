import { AIMessage, AIMessageChunk } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { priceOf, priceUsage, UNKNOWN_MODEL_PRICE, usageFromMessage } from './pricing';

describe('priceUsage', () => {
  it('prices gpt-4o-mini at $0.15 in and $0.60 out per million tokens', () => {
    expect(priceUsage('gpt-4o-mini', 1_000_000, 0)).toBeCloseTo(0.15, 10);
    expect(priceUsage('gpt-4o-mini', 0, 1_000_000)).toBeCloseTo(0.6, 10);
    expect(priceUsage('gpt-4o-mini', 2000, 500)).toBeCloseTo(0.0006, 10);
  });

  it('prices embeddings on input only', () => {
    expect(priceUsage('text-embedding-3-small', 1_000_000, 0)).toBeCloseTo(0.02, 10);
  });

  it('prices a dated snapshot as its family, not as a shorter family name', () => {
    expect(priceOf('gpt-4o-mini-2024-07-18')).toEqual(priceOf('gpt-4o-mini'));
    expect(priceOf('gpt-4o-2024-08-06')).toEqual({ input: 2.5, output: 10 });
    expect(priceOf('gpt-4.1-nano-2025-04-14')).toEqual({ input: 0.1, output: 0.4 });
  });

  it('prices an unknown model as the dearest known one', () => {
    expect(priceOf('llama-3-70b')).toBe(UNKNOWN_MODEL_PRICE);
    expect(priceOf('gpt-4omni')).toBe(UNKNOWN_MODEL_PRICE);
    expect(priceUsage('llama-3-70b', 1_000_000, 0)).toBeGreaterThanOrEqual(
      priceUsage('gpt-4o', 1_000_000, 0),
    );
  });
});

describe('usageFromMessage', () => {
  it('reads usage_metadata into a priced ModelUsage', () => {
    const message = new AIMessage({
      content: 'Tips are paid on Friday.',
      usage_metadata: { input_tokens: 1200, output_tokens: 80, total_tokens: 1280 },
    });
    expect(usageFromMessage('gpt-4o-mini', message)).toEqual({
      model: 'gpt-4o-mini',
      inputTokens: 1200,
      outputTokens: 80,
      costUsd: (1200 * 0.15 + 80 * 0.6) / 1_000_000,
    });
  });

  it('sums a streamed answer whose last chunk carries the usage', () => {
    const first = new AIMessageChunk({ content: 'Tips ' });
    const last = new AIMessageChunk({
      content: 'are paid.',
      usage_metadata: { input_tokens: 10, output_tokens: 4, total_tokens: 14 },
    });
    expect(usageFromMessage('gpt-4o-mini', first.concat(last))).toMatchObject({
      inputTokens: 10,
      outputTokens: 4,
    });
  });

  it('returns null when the provider sent no usage', () => {
    expect(usageFromMessage('gpt-4o-mini', new AIMessage('hi'))).toBeNull();
  });
});
