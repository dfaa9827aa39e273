import { createHashingEmbedder } from './hashing-embedder';
import { createOpenAIEmbedder } from './openai-embedder';
import type { Embedder } from './types';

/** The `openai` part of Config: null in the embedded default (offline mode). */
export interface EmbedderConfig {
  apiKey?: string | undefined;
  baseUrl?: string | undefined;
  embeddingModel: string;
}

/** Native output sizes; unknown models default to 1536. */
const DIMENSIONS: Record<string, number> = {
  'text-embedding-3-small': 1536,
  'text-embedding-3-large': 3072,
  'text-embedding-ada-002': 1536,
};

/**
 * OpenAI embeddings when a key or base URL is configured, else the offline hashing
 * embedder. Switching between them re-indexes (the index is keyed by model and size).
 * @example const embedder = createEmbedder(config.openai);
 */
export function createEmbedder(config: EmbedderConfig | null): Embedder {
  if (!config) return createHashingEmbedder();
  return createOpenAIEmbedder({
    apiKey: config.apiKey,
    baseUrl: config.baseUrl,
    model: config.embeddingModel,
    dimension: DIMENSIONS[config.embeddingModel] ?? 1536,
  });
}
