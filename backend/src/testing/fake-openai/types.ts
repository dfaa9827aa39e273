/** What a test can see of the embedding calls the fake received. */
export interface FakeEmbeddingRequest {
  model: string;
  input: string[];
  encodingFormat: 'float' | 'base64';
  dimensions: number | undefined;
  /** `performance.now()` on arrival and once answered (see FakeChatRequest). */
  receivedAt?: number;
  finishedAt?: number;
}

/** One message as it arrived on the wire (OpenAI Chat Completions shape). */
export interface FakeChatMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: Array<{ id: string; type: string; function: { name: string; arguments: string } }>;
  tool_call_id?: string;
}

/** What a test can see of one chat completion request. */
export interface FakeChatRequest {
  model: string;
  messages: FakeChatMessage[];
  /** Text of the last user message (content parts joined), handy for scripting. */
  lastUser: string;
  /** Text of the system message(s), joined. */
  system: string;
  tools: Array<{
    type: string;
    function: { name: string; description?: string; parameters?: unknown; strict?: boolean };
  }>;
  toolChoice: unknown;
  responseFormat:
    | {
        type: 'json_schema';
        json_schema: { name: string; schema?: unknown; strict?: boolean | null };
      }
    | { type: 'json_object' | 'text' }
    | undefined;
  /**
   * The structured output asked for: the json_schema name, or the function `tool_choice` forces
   * (withStructuredOutput's `name`, default 'extract'). Route scripts on it, e.g. 'classify'.
   */
  structured: string | undefined;
  stream: boolean;
  includeUsage: boolean;
  temperature: number | undefined;
  /** The whole parsed body, for anything not lifted above. */
  body: Record<string, unknown>;
  /**
   * `performance.now()` when the request arrived and when its answer was fully written, so a
   * benchmark can take model time out of a turn's time (this process's clock).
   */
  receivedAt?: number;
  finishedAt?: number;
}

/** Token counts; any field left out is estimated by the fake. */
export interface FakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** A scripted tool call; `arguments` may be an object (JSON-encoded for you) or a raw string. */
export interface FakeToolCall {
  name: string;
  arguments?: unknown;
  id?: string;
}

/**
 * What the fake answers to one chat request. `json` is the structured-output answer: sent as
 * the message content when the request carries `response_format`, or as the forced function's
 * arguments when `tool_choice` names a function (the `functionCalling` structured-output path).
 */
export interface ChatReply {
  content?: string;
  toolCalls?: FakeToolCall[];
  json?: unknown;
  usage?: Partial<FakeUsage>;
  /** Streaming only: drop the connection after this many chunks (simulates a mid-stream failure). */
  disconnectAfterChunks?: number;
}

/** Decides a reply; return undefined (or nothing) to fall through to the default reply. */
export type ChatScript = (
  request: FakeChatRequest,
) => ChatReply | string | undefined | Promise<ChatReply | string | undefined>;

/** What a test can see of one transcription request. */
export interface FakeTranscriptionRequest {
  model: string;
  filename: string;
  bytes: number;
  fields: Record<string, string>;
}

/** Streaming pace: the realistic defaults for a benchmark are 400 ms and 50 tokens/s. */
export interface FakePacing {
  /** Delay before the first content chunk (and before a non-streamed answer). Default 0. */
  firstTokenMs?: number;
  /** Words per second after the first one; 0 or undefined sends them back to back. */
  tokensPerSecond?: number;
}

/** Which endpoint an injected fault applies to (default: whichever request comes next). */
export type FakeRoute = 'chat' | 'embeddings' | 'transcriptions';

export interface FakeOpenAIOptions extends FakePacing {
  /** Vector the fake returns for a text (default: a deterministic vector from its hash). */
  embed?: (text: string, dimension: number) => number[];
  /** Default vector length when the request names no `dimensions` (default 1536). */
  dimension?: number;
  /** Chat replies when the queue is empty (default: an echo of the last user message). */
  chat?: ChatScript;
  /** Text for a transcription request (default: a fixed sentence). */
  transcribe?: (request: FakeTranscriptionRequest) => string;
}

export interface FakeOpenAI {
  /** Base URL including /v1, for `configuration.baseURL` or OPENAI_BASE_URL. */
  url: string;
  embeddingRequests: FakeEmbeddingRequest[];
  chatRequests: FakeChatRequest[];
  transcriptionRequests: FakeTranscriptionRequest[];
  /** Queue replies; each chat request takes the next one before `respond` is asked. */
  enqueue(...replies: Array<ChatReply | string>): void;
  /** Replace the chat script (undefined restores the default echo). */
  respond(script: ChatScript | undefined): void;
  /** Change the streaming pace for later requests. */
  pace(pacing: FakePacing): void;
  /**
   * Answer the next `times` requests with this status (429, 500, 503...) before behaving again.
   * 429 and 503 carry `retry-after` (seconds, default 1; the SDK waits that long between retries).
   */
  failNext(
    status: number,
    times?: number,
    options?: { route?: FakeRoute; retryAfter?: number },
  ): void;
  /** Accept the next `times` requests and never answer (for client timeouts). */
  hangNext(times?: number, options?: { route?: FakeRoute }): void;
  /** The vector the fake sends for `text`, to check what reached the caller. */
  vectorFor(text: string, dimension?: number): number[];
  close(): Promise<void>;
}
