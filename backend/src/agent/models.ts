/**
 * The chat model (ChatOpenAI against OpenAI or any OpenAI-compatible server) and the few rules
 * every model call in the graph follows: through the gate, metered, and any failure turned into
 * a FallbackReason so the node can answer offline instead.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AIMessage, AIMessageChunk, BaseMessage } from '@langchain/core/messages';
import { toJsonSchema } from '@langchain/core/utils/json_schema';
import { ChatOpenAI } from '@langchain/openai';
import type { z } from 'zod';
import type { Config } from '../config';
import { usageFromMessage } from './cost/pricing';
import { isModelUnavailable, providerFailureReason } from './guard/model-unavailable';
import type { FallbackReason, ModelUsage } from './types';

/** The chat model as the graph uses it: ChatOpenAI in the product, a scripted fake in tests. */
export type ChatModel = BaseChatModel;

/** The OpenAI settings from config (non-null: a key or a base URL was set). */
export type OpenAISettings = NonNullable<Config['openai']>;

/**
 * ChatOpenAI from config. No client retries on purpose: the gate's circuit breaker and the
 * offline fallback are the recovery, and a worker waiting on a stream is better served by an
 * offline answer now than by the SDK's back-off (a 429's retry-after alone can be seconds).
 * @example const model = createChatModel(config.openai)
 */
export function createChatModel(openai: OpenAISettings): ChatOpenAI {
  return new ChatOpenAI({
    model: openai.chatModel,
    temperature: openai.temperature,
    // A self-hosted server behind OPENAI_BASE_URL often needs no key; the SDK insists on one.
    apiKey: openai.apiKey ?? 'not-needed',
    timeout: openai.timeoutMs,
    maxRetries: 0,
    // Ask for the final usage chunk when streaming, which the budget meter needs.
    streamUsage: true,
    ...(openai.baseUrl ? { configuration: { baseURL: openai.baseUrl } } : {}),
  });
}

/** Why a model call failed, as the trace records it. */
export function fallbackReasonOf(error: unknown): FallbackReason {
  if (isModelUnavailable(error)) return error.reason;
  if (error instanceof Error && /timeout|timed out|aborted/i.test(`${error.name} ${error.message}`))
    return 'timeout';
  return providerFailureReason(error);
}

/**
 * Usage of one call. A provider that sends no usage is counted as zero tokens rather than
 * guessed: the gate's call-rate limit still bounds what such a provider can cost.
 */
export function usageOf(
  model: string,
  message: Pick<AIMessage | AIMessageChunk, 'usage_metadata'>,
): ModelUsage {
  return usageFromMessage(model, message) ?? { model, inputTokens: 0, outputTokens: 0, costUsd: 0 };
}

/** The text of a message or chunk (content may be a string or a list of parts). */
export function textOf(message: Pick<AIMessage | AIMessageChunk, 'content'>): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  return content
    .map((part) => (part.type === 'text' && 'text' in part ? String(part.text) : ''))
    .join('');
}

/** The name a chat model answers to, for pricing and the trace. */
export function modelNameOf(model: ChatModel): string {
  const named = model as unknown as { model?: unknown; modelName?: unknown };
  if (typeof named.model === 'string') return named.model;
  if (typeof named.modelName === 'string') return named.modelName;
  return model._llmType();
}

/** A structured-output call: the raw message (for usage) and the reply checked by the schema. */
export interface StructuredCall<T> {
  invoke(
    messages: BaseMessage[],
    options: { signal: AbortSignal },
  ): Promise<{ raw: AIMessage; parsed: T }>;
}

/**
 * Structured output with the schema turned into JSON Schema once, here: handed a zod schema,
 * ChatOpenAI converts it again on every call, a few milliseconds of each turn spent before the
 * request leaves. The request asks for strict JSON titled with the name, and the reply is
 * checked against the zod schema here, so a malformed one throws and the node falls back.
 * @example const classify = structuredCall(model, ClassificationSchema, 'classification')
 */
export function structuredCall<S extends z.ZodType>(
  model: ChatModel,
  schema: S,
  name: string,
): StructuredCall<z.infer<S>> {
  const jsonSchema = toJsonSchema(schema, {
    cycles: 'ref',
    reused: 'ref',
    override(ctx) {
      ctx.jsonSchema.title = name;
    },
  });
  // The call option itself rather than withStructuredOutput: the same request, without the
  // parser and pass-through runnables that wrapper adds around each call (about 0.6 ms of CPU a
  // call, measured in-process against the fake server).
  const bound = model.withConfig({
    response_format: {
      type: 'json_schema',
      json_schema: { name, strict: true, schema: jsonSchema },
    },
  } as Partial<ChatModel['ParsedCallOptions']>);
  return {
    async invoke(messages, options) {
      const raw = (await bound.invoke(messages, options)) as AIMessage;
      return { raw, parsed: schema.parse(JSON.parse(textOf(raw))) };
    },
  };
}
