import { AIMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { ModelUnavailableError } from './guard/model-unavailable';
import { createChatModel, fallbackReasonOf, textOf, usageOf } from './models';

describe('models', () => {
  it('builds ChatOpenAI from config: model, temperature, base URL, timeout, usage when streaming', () => {
    const model = createChatModel({
      apiKey: undefined,
      baseUrl: 'http://127.0.0.1:9/v1',
      chatModel: 'gpt-4o-mini',
      embeddingModel: 'text-embedding-3-small',
      temperature: 0.1,
      timeoutMs: 7_000,
    });
    expect(model.model).toBe('gpt-4o-mini');
    expect(model.temperature).toBe(0.1);
    expect(model.timeout).toBe(7_000);
    // LangChain retries in its AsyncCaller (default 6); the OpenAI SDK below it never does.
    expect((model.caller as unknown as { maxRetries: number }).maxRetries).toBe(0);
    expect(model.streamUsage).toBe(true);
    expect(model.clientConfig.baseURL).toBe('http://127.0.0.1:9/v1');
  });

  it('names why a call failed', () => {
    expect(fallbackReasonOf(new ModelUnavailableError('budget_exhausted'))).toBe(
      'budget_exhausted',
    );
    expect(fallbackReasonOf(Object.assign(new Error('x'), { status: 429 }))).toBe('rate_limited');
    expect(
      fallbackReasonOf(
        Object.assign(new Error('Request timed out.'), { name: 'APIConnectionTimeoutError' }),
      ),
    ).toBe('timeout');
    expect(fallbackReasonOf(Object.assign(new Error('x'), { status: 500 }))).toBe('provider_error');
  });

  it('reads text and usage from a message, counting missing usage as zero', () => {
    const message = new AIMessage({
      content: [
        { type: 'text', text: 'Hi ' },
        { type: 'text', text: 'there' },
      ],
      usage_metadata: { input_tokens: 1_000_000, output_tokens: 0, total_tokens: 1_000_000 },
    });
    expect(textOf(message)).toBe('Hi there');
    expect(usageOf('gpt-4o-mini', message).costUsd).toBeCloseTo(0.15);
    expect(usageOf('gpt-4o-mini', new AIMessage('x'))).toMatchObject({
      inputTokens: 0,
      costUsd: 0,
    });
  });
});
