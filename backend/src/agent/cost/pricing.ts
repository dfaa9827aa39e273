/**
 * What model calls cost (§9 of the design document: the AI budget is $40 a month per tenant).
 * Prices are USD per 1M tokens from OpenAI's public price list; cached-input discounts are
 * ignored, which over-counts a little: the budget trips early rather than late.
 */
import type { AIMessage, AIMessageChunk } from '@langchain/core/messages';
import type { ModelUsage } from '../types';

/** USD per 1M tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/** Known models. Dated snapshots ("gpt-4o-mini-2024-07-18") are priced by their family name. */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'gpt-4o-mini': { input: 0.15, output: 0.6 },
  'gpt-4o': { input: 2.5, output: 10 },
  'gpt-4.1': { input: 2, output: 8 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4 },
  'text-embedding-3-small': { input: 0.02, output: 0 },
  'text-embedding-3-large': { input: 0.13, output: 0 },
};

/**
 * Any model we do not know (a self-hosted or newer one behind OPENAI_BASE_URL) is priced as
 * the dearest model listed above, on purpose: an unknown price must not let a tenant spend
 * past the budget, so we would rather fall back to offline mode early.
 */
export const UNKNOWN_MODEL_PRICE: ModelPrice = { input: 2.5, output: 10 };

// Longest name first, so "gpt-4o-mini-2024-07-18" matches gpt-4o-mini before gpt-4o.
const NAMES = Object.keys(MODEL_PRICES).sort((a, b) => b.length - a.length);

/** The price of a model, by exact name or by the family a dated snapshot belongs to. */
export function priceOf(model: string): ModelPrice {
  const name = model.toLowerCase().replace(/^openai\//, '');
  const exact = MODEL_PRICES[name];
  if (exact) return exact;
  const family = NAMES.find((known) => name.startsWith(`${known}-`));
  return family ? (MODEL_PRICES[family] ?? UNKNOWN_MODEL_PRICE) : UNKNOWN_MODEL_PRICE;
}

/**
 * USD for one call.
 * @example priceUsage('gpt-4o-mini', 1_000_000, 0) // 0.15
 */
export function priceUsage(model: string, inputTokens: number, outputTokens: number): number {
  const price = priceOf(model);
  return (inputTokens * price.input + outputTokens * price.output) / 1_000_000;
}

/**
 * Our ModelUsage from a LangChain message's `usage_metadata` (filled from the API's `usage`
 * field; when streaming, ChatOpenAI asks for the final usage chunk, so the concatenated chunk
 * carries it). Null when the provider sent no usage: the caller decides how to count that.
 * `model` is the one we asked for; the response's dated snapshot name prices the same.
 */
export function usageFromMessage(
  model: string,
  message: Pick<AIMessage | AIMessageChunk, 'usage_metadata'>,
): ModelUsage | null {
  const meta = message.usage_metadata;
  if (!meta) return null;
  const inputTokens = meta.input_tokens ?? 0;
  const outputTokens = meta.output_tokens ?? 0;
  return {
    model,
    inputTokens,
    outputTokens,
    costUsd: priceUsage(model, inputTokens, outputTokens),
  };
}
