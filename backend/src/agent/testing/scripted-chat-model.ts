/**
 * A deterministic chat model for graph tests: a script decides every reply from the call (its
 * kind, messages and bound tools), so a test reads as a conversation. It streams word by word,
 * returns tool calls and structured output, reports usage, and can fail on cue. A double at the
 * model edge only: production code sees a BaseChatModel like ChatOpenAI.
 */
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
} from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';

/** One call the model received. */
export type ScriptedCall =
  | { kind: 'chat'; messages: BaseMessage[]; tools: string[] }
  | { kind: 'structured'; name: string; messages: BaseMessage[] };

/** What the script answers: text, tool calls, a structured object, or a failure. */
export type ScriptedReply =
  | string
  | {
      text?: string;
      toolCalls?: Array<{ name: string; args: Record<string, unknown> }>;
      /** The structured-output answer (checked against the caller's schema). */
      json?: Record<string, unknown>;
      /** Thrown instead of answering; with `failAfterWords`, thrown mid-stream. */
      error?: Error;
      failAfterWords?: number;
      /** Streaming: the usage chunk (the stream's last) waits for this, as a slow network might. */
      usageAfter?: Promise<void>;
    };

/** Decides a reply from the call. */
export type ChatScriptFn = (call: ScriptedCall) => ScriptedReply;

interface ScriptedCallOptions extends BaseChatModelCallOptions {
  scriptedTools?: string[];
  /** Structured output as ChatOpenAI takes it (models.ts, structuredCall). */
  response_format?: { type: string; json_schema?: { name: string } };
}

const textOfMessages = (messages: BaseMessage[]) =>
  messages.map((m) => (typeof m.content === 'string' ? m.content : '')).join(' ');

/** An error shaped like the OpenAI client's HTTP errors (status is what fallback reads). */
export function providerError(status: number): Error {
  return Object.assign(new Error(`${status} from the provider`), { status });
}

/**
 * @example new ScriptedChatModel((call) => call.kind === 'structured' ? { json: {...} } : 'It is free [1].')
 */
export class ScriptedChatModel extends BaseChatModel<ScriptedCallOptions> {
  readonly calls: ScriptedCall[] = [];
  readonly model = 'scripted-model';
  private readonly script: ChatScriptFn;

  constructor(script: ChatScriptFn) {
    super({});
    this.script = script;
  }

  _llmType(): string {
    return 'scripted';
  }

  private reply(call: ScriptedCall) {
    this.calls.push(call);
    const reply = this.script(call);
    return typeof reply === 'string' ? { text: reply } : reply;
  }

  private usage(messages: BaseMessage[], output: string) {
    const input_tokens = Math.ceil(textOfMessages(messages).length / 4);
    const output_tokens = Math.max(1, Math.ceil(output.length / 4));
    return { input_tokens, output_tokens, total_tokens: input_tokens + output_tokens };
  }

  override bindTools(tools: Array<{ name?: string } | Record<string, unknown>>) {
    const names = tools.map((t) => String((t as { name?: unknown }).name ?? 'unnamed'));
    return this.withConfig({ scriptedTools: names });
  }

  async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
  ): Promise<ChatResult> {
    const format = options.response_format;
    if (format?.type === 'json_schema') {
      const name = format.json_schema?.name ?? 'extract';
      const reply = this.reply({ kind: 'structured', name, messages });
      if (reply.error) throw reply.error;
      const json = JSON.stringify(reply.json ?? {});
      const message = new AIMessage({ content: json, usage_metadata: this.usage(messages, json) });
      return { generations: [{ text: json, message }] };
    }
    const reply = this.reply({ kind: 'chat', messages, tools: options.scriptedTools ?? [] });
    if (reply.error) throw reply.error;
    const text = reply.text ?? '';
    const message = new AIMessage({
      content: text,
      tool_calls: (reply.toolCalls ?? []).map((c, i) => ({
        ...c,
        id: `call_${i}`,
        type: 'tool_call' as const,
      })),
      usage_metadata: this.usage(messages, text),
    });
    return { generations: [{ text, message }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
  ): AsyncGenerator<ChatGenerationChunk> {
    const reply = this.reply({ kind: 'chat', messages, tools: options.scriptedTools ?? [] });
    if (reply.error && reply.failAfterWords === undefined) throw reply.error;
    const text = reply.text ?? '';
    const words = text.match(/\s*\S+\s*/g) ?? [];
    for (const [i, word] of words.entries()) {
      if (reply.error && i === reply.failAfterWords) throw reply.error;
      yield new ChatGenerationChunk({ text: word, message: new AIMessageChunk({ content: word }) });
    }
    // As OpenAI streams: the finish reason, then the usage in a chunk of its own.
    yield new ChatGenerationChunk({
      text: '',
      message: new AIMessageChunk({ content: '', response_metadata: { finish_reason: 'stop' } }),
    });
    await reply.usageAfter;
    yield new ChatGenerationChunk({
      text: '',
      message: new AIMessageChunk({ content: '', usage_metadata: this.usage(messages, text) }),
    });
  }
}
