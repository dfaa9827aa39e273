import type { AIMessageChunk } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FakeOpenAI, startFakeOpenAI } from './index';

describe('fake OpenAI chat completions through the real ChatOpenAI', () => {
  let fake: FakeOpenAI;
  let model: ChatOpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI();
    model = new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'test',
      temperature: 0.1,
      configuration: { baseURL: fake.url },
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('answers invoke with the scripted text and usage', async () => {
    fake.enqueue({
      content: 'Tips are paid daily.',
      usage: { prompt_tokens: 42, completion_tokens: 5 },
    });
    const reply = await model.invoke([
      ['system', 'You help workers.'],
      ['human', 'when do tips arrive'],
    ]);
    expect(reply.content).toBe('Tips are paid daily.');
    expect(reply.usage_metadata).toMatchObject({
      input_tokens: 42,
      output_tokens: 5,
      total_tokens: 47,
    });
    const [request] = fake.chatRequests;
    expect(request).toMatchObject({ model: 'gpt-4o-mini', stream: false, temperature: 0.1 });
    expect(request?.lastUser).toBe('when do tips arrive');
    expect(request?.system).toBe('You help workers.');
  });

  it('echoes the question by default and consults the script before that', async () => {
    fake.respond((r) => (r.lastUser.includes('fee') ? 'Instant Pay costs $1.99.' : undefined));
    expect((await model.invoke('what is the fee')).content).toBe('Instant Pay costs $1.99.');
    expect((await model.invoke('hello')).content).toBe('Fake answer to: hello');
  });

  it('streams the content word by word with streamed usage', async () => {
    fake.enqueue('Your tips arrive the next business day.');
    const pieces: string[] = [];
    let last: AIMessageChunk | undefined;
    for await (const chunk of await model.stream('when do tips arrive')) {
      if (typeof chunk.content === 'string' && chunk.content) pieces.push(chunk.content);
      last = last ? last.concat(chunk) : chunk;
    }
    expect(pieces).toEqual(['Your ', 'tips ', 'arrive ', 'the ', 'next ', 'business ', 'day.']);
    expect(last?.content).toBe('Your tips arrive the next business day.');
    expect(last?.usage_metadata?.output_tokens).toBe(7);
    expect(last?.usage_metadata?.input_tokens).toBeGreaterThan(0);
    expect(fake.chatRequests[0]).toMatchObject({ stream: true, includeUsage: true });
  });

  it('streams without a usage chunk when streamUsage is off', async () => {
    const quiet = new ChatOpenAI({
      model: 'gpt-4o-mini',
      apiKey: 'test',
      streamUsage: false,
      configuration: { baseURL: fake.url },
    });
    let last: AIMessageChunk | undefined;
    for await (const chunk of await quiet.stream('hi')) last = last ? last.concat(chunk) : chunk;
    expect(last?.content).toBe('Fake answer to: hi');
    expect(last?.usage_metadata).toBeUndefined();
    expect(fake.chatRequests[0]?.includeUsage).toBe(false);
  });

  const payouts = tool(async () => '[]', {
    name: 'recent_payouts',
    description: 'The signed-in worker’s recent payouts.',
    schema: z.object({ limit: z.number().int() }),
  });

  it('returns scripted tool calls to bindTools, invoked and streamed', async () => {
    const withTools = model.bindTools([payouts]);
    const call = { name: 'recent_payouts', arguments: { limit: 3 } };
    fake.enqueue(
      { toolCalls: [call] },
      { toolCalls: [call, { ...call, arguments: { limit: 10 } }] },
    );
    const invoked = await withTools.invoke('where are my tips');
    expect(invoked.tool_calls).toEqual([
      expect.objectContaining({ name: 'recent_payouts', args: { limit: 3 } }),
    ]);
    expect(invoked.response_metadata.finish_reason).toBe('tool_calls');
    expect(fake.chatRequests[0]?.tools.map((t) => t.function.name)).toEqual(['recent_payouts']);

    let streamed: AIMessageChunk | undefined;
    let chunks = 0;
    for await (const chunk of await withTools.stream('and last month')) {
      streamed = streamed ? streamed.concat(chunk) : chunk;
      chunks++;
    }
    expect(chunks).toBeGreaterThan(4); // arguments arrived in pieces
    expect(streamed?.tool_calls?.map((c) => c.args)).toEqual([{ limit: 3 }, { limit: 10 }]);
    expect(streamed?.tool_calls?.[0]?.id).toMatch(/^call_fake_/);
  });

  it('sends a tool result back in the next request', async () => {
    fake.enqueue(
      { toolCalls: [{ name: 'recent_payouts', arguments: { limit: 1 }, id: 'call_1' }] },
      'Paid on Monday.',
    );
    const withTools = model.bindTools([payouts]);
    const first = await withTools.invoke('tips?');
    const second = await withTools.invoke([
      ['human', 'tips?'],
      first,
      { role: 'tool', content: '[{"status":"paid"}]', tool_call_id: 'call_1' },
    ]);
    expect(second.content).toBe('Paid on Monday.');
    const sent = fake.chatRequests[1]?.messages ?? [];
    expect(sent.map((m) => m.role)).toEqual(['user', 'assistant', 'tool']);
    expect(sent[1]?.tool_calls?.[0]?.function.name).toBe('recent_payouts');
    expect(sent[2]).toMatchObject({ tool_call_id: 'call_1', content: '[{"status":"paid"}]' });
  });

  const Classification = z.object({
    intent: z.enum(['question', 'account_issue', 'human_requested']),
    confidence: z.number(),
  });

  it('answers withStructuredOutput (json_schema by default) with the scripted object', async () => {
    fake.enqueue({ json: { intent: 'account_issue', confidence: 0.9 } });
    const result = await model
      .withStructuredOutput(Classification, { name: 'classify' })
      .invoke('my card is locked');
    expect(result).toEqual({ intent: 'account_issue', confidence: 0.9 });
    const format = fake.chatRequests[0]?.responseFormat;
    expect(format?.type).toBe('json_schema');
    expect(fake.chatRequests[0]?.structured).toBe('classify');
  });

  it('answers the functionCalling structured-output method with a forced tool call', async () => {
    fake.enqueue({ json: { intent: 'human_requested', confidence: 1 } });
    const structured = model.withStructuredOutput(Classification, {
      name: 'classify',
      method: 'functionCalling',
    });
    expect(await structured.invoke('a person please')).toEqual({
      intent: 'human_requested',
      confidence: 1,
    });
    expect(fake.chatRequests[0]?.toolChoice).toMatchObject({
      type: 'function',
      function: { name: 'classify' },
    });
    expect(fake.chatRequests[0]?.structured).toBe('classify');
  });

  it('lets a script route on the structured output asked for', async () => {
    fake.respond((r) =>
      r.structured === 'classify'
        ? { json: { intent: 'account_issue', confidence: 0.7 } }
        : 'Plain.',
    );
    const classify = model.withStructuredOutput(Classification, { name: 'classify' });
    expect(await classify.invoke('card locked')).toEqual({
      intent: 'account_issue',
      confidence: 0.7,
    });
    expect((await model.invoke('card locked')).content).toBe('Plain.');
    expect(fake.chatRequests.map((r) => r.structured)).toEqual(['classify', undefined]);
  });

  it('fills an unscripted structured request with a schema-valid default', async () => {
    const result = await model.withStructuredOutput(Classification).invoke('anything');
    expect(result).toEqual({ intent: 'question', confidence: 0 });
  });
});
