import { exampleFromSchema } from './schema-example';
import type { ChatReply, FakeChatMessage, FakeChatRequest, FakeUsage } from './types';

/** A reply made concrete: what the wire answer (streamed or not) is built from. */
export interface ChatAnswer {
  content: string | null;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: 'stop' | 'tool_calls';
  usage: FakeUsage;
  /** Content as the stream sends it, one word (and its trailing space) per chunk. */
  pieces: string[];
  disconnectAfterChunks: number | undefined;
}

/** Lifts what tests script against out of a raw /v1/chat/completions body. */
export function parseChatRequest(body: Record<string, unknown>): FakeChatRequest {
  const messages = (Array.isArray(body.messages) ? body.messages : []) as FakeChatMessage[];
  const textOf = (role: string) =>
    messages.filter((m) => m.role === role).map((m) => messageText(m.content));
  const streamOptions = body.stream_options as { include_usage?: boolean } | undefined;
  const responseFormat = body.response_format as FakeChatRequest['responseFormat'];
  const choice = body.tool_choice as { type?: string; function?: { name?: string } } | undefined;
  return {
    model: String(body.model),
    messages,
    lastUser: textOf('user').at(-1) ?? '',
    system: [...textOf('system'), ...textOf('developer')].join('\n'),
    tools: (Array.isArray(body.tools) ? body.tools : []) as FakeChatRequest['tools'],
    toolChoice: body.tool_choice,
    responseFormat,
    structured:
      responseFormat?.type === 'json_schema'
        ? responseFormat.json_schema.name
        : choice?.type === 'function'
          ? choice.function?.name
          : undefined,
    stream: body.stream === true,
    includeUsage: streamOptions?.include_usage === true,
    temperature: typeof body.temperature === 'number' ? body.temperature : undefined,
    body,
  };
}

/** A message's text: a string, or the text parts of a content array joined. */
export function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : ''))
    .join('');
}

/** The default reply: deterministic, and visibly an echo so a test can tell it was not scripted. */
function defaultReply(request: FakeChatRequest): ChatReply {
  if (request.responseFormat?.type === 'json_schema') {
    return { json: exampleFromSchema(request.responseFormat.json_schema.schema) };
  }
  const forced = forcedFunction(request);
  if (forced) {
    const tool = request.tools.find((t) => t.function.name === forced);
    return { json: exampleFromSchema(tool?.function.parameters) };
  }
  return { content: request.lastUser ? `Fake answer to: ${request.lastUser}` : 'Fake answer.' };
}

/** The function name when `tool_choice` forces one (withStructuredOutput's functionCalling path). */
function forcedFunction(request: FakeChatRequest): string | undefined {
  const choice = request.toolChoice as { type?: string; function?: { name?: string } } | undefined;
  return choice?.type === 'function' ? choice.function?.name : undefined;
}

/** ~4 characters a token, at least one: close enough for budgets and pricing tests. */
function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

let nextCallId = 0;

/** Turns a scripted (or default) reply into the answer for this request. */
export function toAnswer(
  request: FakeChatRequest,
  scripted: ChatReply | string | undefined,
): ChatAnswer {
  const reply =
    typeof scripted === 'string' ? { content: scripted } : (scripted ?? defaultReply(request));
  let content = reply.content ?? null;
  let toolCalls = (reply.toolCalls ?? []).map((call) => ({
    id: call.id ?? `call_fake_${++nextCallId}`,
    name: call.name,
    arguments:
      typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
  if (reply.json !== undefined) {
    const forced = forcedFunction(request);
    // response_format wins: that is the request asking for JSON content.
    if (!request.responseFormat && forced) {
      toolCalls = [
        { id: `call_fake_${++nextCallId}`, name: forced, arguments: JSON.stringify(reply.json) },
      ];
    } else {
      content = JSON.stringify(reply.json);
    }
  }
  const pieces = content ? (content.match(/\s*\S+\s*/g) ?? [content]) : [];
  const promptText = request.messages.map((m) => messageText(m.content)).join('\n');
  const prompt =
    reply.usage?.prompt_tokens ?? estimateTokens(promptText + JSON.stringify(request.tools));
  const completion =
    reply.usage?.completion_tokens ??
    pieces.length +
      toolCalls.reduce((n, call) => n + estimateTokens(call.name + call.arguments), 0);
  return {
    content,
    toolCalls,
    finishReason: toolCalls.length > 0 ? 'tool_calls' : 'stop',
    usage: {
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: reply.usage?.total_tokens ?? prompt + completion,
    },
    pieces,
    disconnectAfterChunks: reply.disconnectAfterChunks,
  };
}
