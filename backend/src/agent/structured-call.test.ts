/**
 * structuredCall through the real ChatOpenAI client against the fake OpenAI-compatible server:
 * the JSON Schema sent is the one the zod schema describes (strict, named), and a reply that
 * breaks the schema throws, so the calling node falls back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAI, startFakeOpenAI } from '../testing/fake-openai/index';
import { createChatModel, structuredCall } from './models';

const Verdict = z.object({ ok: z.boolean(), score: z.number().min(0).max(1) });
let fake: FakeOpenAI;

beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(async () => {
  await fake.close();
});

const call = () =>
  structuredCall(
    createChatModel({
      apiKey: undefined,
      baseUrl: fake.url,
      chatModel: 'gpt-4o-mini',
      embeddingModel: 'text-embedding-3-small',
      temperature: 0.1,
      timeoutMs: 5_000,
    }),
    Verdict,
    'verdict',
  );

describe('structuredCall', () => {
  it('sends the schema as strict, named JSON Schema and returns the checked reply with its usage', async () => {
    fake.respond(() => ({ json: { ok: true, score: 0.75 } }));
    const verdict = call();
    const { parsed, raw } = await verdict.invoke([], { signal: new AbortController().signal });
    expect(parsed).toEqual({ ok: true, score: 0.75 });
    expect(raw.usage_metadata?.output_tokens).toBeGreaterThan(0);

    const format = fake.chatRequests.at(-1)?.responseFormat;
    expect(format?.type).toBe('json_schema');
    if (format?.type !== 'json_schema') throw new Error('no json_schema response format');
    expect(format.json_schema.name).toBe('verdict');
    expect(format.json_schema.strict).toBe(true);
    const schema = format.json_schema.schema as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties).sort()).toEqual(['ok', 'score']);
    expect(schema.required.sort()).toEqual(['ok', 'score']);
  });

  it('throws on a reply the schema refuses', async () => {
    fake.respond(() => ({ json: { ok: 'yes', score: 3 } }));
    await expect(call().invoke([], { signal: new AbortController().signal })).rejects.toThrow();
  });
});
