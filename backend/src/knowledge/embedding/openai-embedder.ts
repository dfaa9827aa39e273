import { OpenAIEmbeddings } from '@langchain/openai';
import type { Embedder } from './types';

export interface OpenAIEmbedderOptions {
  apiKey?: string | undefined;
  /** Any OpenAI-compatible server, e.g. "http://127.0.0.1:4010/v1". */
  baseUrl?: string | undefined;
  /** Default "text-embedding-3-small". */
  model?: string;
  /** Output length; default 1536, the native size of text-embedding-3-small. */
  dimension?: number;
  /** Texts per request (default 256; the API takes up to 2048). */
  batchSize?: number;
  /** Attempts after the first for 429s, 5xx and network errors (default 5). */
  maxRetries?: number;
}

/** Client errors other than 429 will fail the same way again: stop at once. */
const NO_RETRY = new Set([400, 401, 402, 403, 404, 409, 413, 422]);

function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * OpenAI embeddings through LangChain, batched, with exponential back-off. LangChain's
 * default handler gives up on a 429 that carries no Retry-After header; rate limits are
 * exactly what we want to wait out, so we pass our own rule: retry 429, 5xx and network
 * errors, stop on other client errors and on exhausted quota.
 */
export function createOpenAIEmbedder(options: OpenAIEmbedderOptions = {}): Embedder {
  const model = options.model ?? 'text-embedding-3-small';
  const dimension = options.dimension ?? 1536;
  const client = new OpenAIEmbeddings({
    model,
    // The SDK insists on a key even for keyless local servers.
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.dimension ? { dimensions: options.dimension } : {}),
    batchSize: options.batchSize ?? 256,
    maxRetries: options.maxRetries ?? 5,
    configuration: options.baseUrl ? { baseURL: options.baseUrl } : {},
    onFailedAttempt: (error: unknown) => {
      const status = statusOf(error);
      const code = (error as { code?: unknown }).code;
      if (code === 'insufficient_quota') throw error;
      if (status !== undefined && NO_RETRY.has(status)) throw error;
    },
  });
  const checked = (vector: number[] | undefined): number[] => {
    // A wrong length would poison the index; fail loudly instead.
    if (!vector || vector.length !== dimension) {
      throw new Error(`Embedding has ${vector?.length ?? 0} dimensions, expected ${dimension}`);
    }
    return vector;
  };
  return {
    model,
    dimension,
    async embedDocuments(texts) {
      if (texts.length === 0) return [];
      const vectors = await client.embedDocuments(texts);
      if (vectors.length !== texts.length) throw new Error('Embedding count does not match');
      return vectors.map(checked);
    },
    async embedQuery(text) {
      return checked(await client.embedQuery(text));
    },
  };
}
