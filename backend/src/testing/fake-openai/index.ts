import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseChatRequest, toAnswer } from './chat-request';
import { answerCompletion, answerStream } from './chat-response';
import { answerEmbeddings } from './embeddings';
import { hashVector } from './hash-vector';
import { parseJson, readBody, sendError } from './http';
import { answerTranscription, DEFAULT_TRANSCRIPT } from './transcriptions';
import type {
  ChatReply,
  ChatScript,
  FakeChatRequest,
  FakeEmbeddingRequest,
  FakeOpenAI,
  FakeOpenAIOptions,
  FakePacing,
  FakeRoute,
  FakeTranscriptionRequest,
} from './types';

export type {
  ChatReply,
  ChatScript,
  FakeChatMessage,
  FakeChatRequest,
  FakeEmbeddingRequest,
  FakeOpenAI,
  FakeOpenAIOptions,
  FakePacing,
  FakeRoute,
  FakeToolCall,
  FakeTranscriptionRequest,
  FakeUsage,
} from './types';
export { DEFAULT_TRANSCRIPT, hashVector };

type Fault = { route: FakeRoute | undefined } & (
  | { kind: 'fail'; status: number; retryAfter: number }
  | { kind: 'hang' }
);

const ROUTES: Record<string, FakeRoute> = {
  '/v1/chat/completions': 'chat',
  '/v1/embeddings': 'embeddings',
  '/v1/audio/transcriptions': 'transcriptions',
};

/**
 * A local OpenAI-compatible server (127.0.0.1, random port) that the real @langchain/openai
 * clients talk to over HTTP: chat completions (streamed and not, tool calls, structured output,
 * usage), embeddings (base64 and float) and audio transcriptions, with injectable failures,
 * hangs, mid-stream disconnects and a realistic streaming pace.
 * Only the Chat Completions API is served: ChatOpenAI uses it unless `useResponsesApi`, built-in
 * tools or a Responses-only model (codex, *-pro) switch it to /v1/responses.
 *
 * @example
 * const fake = await startFakeOpenAI({ chat: (r) => (r.lastUser.includes('fee') ? 'It is free.' : undefined) });
 * fake.enqueue({ toolCalls: [{ name: 'recent_payouts', arguments: { limit: 3 } }] }, 'Your tips arrived.');
 * const model = new ChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'test', configuration: { baseURL: fake.url } });
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const embed = options.embed ?? hashVector;
  const dimension = options.dimension ?? 1536;
  const transcribe = options.transcribe ?? (() => DEFAULT_TRANSCRIPT);
  const embeddingRequests: FakeEmbeddingRequest[] = [];
  const chatRequests: FakeChatRequest[] = [];
  const transcriptionRequests: FakeTranscriptionRequest[] = [];
  const queue: Array<ChatReply | string> = [];
  const faults: Fault[] = [];
  let script: ChatScript | undefined = options.chat;
  let pacing: FakePacing = {
    firstTokenMs: options.firstTokenMs,
    tokensPerSecond: options.tokensPerSecond,
  };
  const closing = new AbortController();

  const takeFault = (route: FakeRoute | undefined): Fault | undefined => {
    const index = faults.findIndex((f) => f.route === undefined || f.route === route);
    return index < 0 ? undefined : faults.splice(index, 1)[0];
  };

  const chat = async (body: Record<string, unknown>, res: ServerResponse, signal: AbortSignal) => {
    const request = parseChatRequest(body);
    request.receivedAt = performance.now();
    chatRequests.push(request);
    const scripted = queue.length > 0 ? queue.shift() : await script?.(request);
    const answer = toAnswer(request, scripted);
    const current = { ...pacing };
    if (request.stream) await answerStream(res, request, answer, current, signal);
    else await answerCompletion(res, request, answer, current, signal);
    request.finishedAt = performance.now();
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const route = req.method === 'POST' ? ROUTES[req.url ?? ''] : undefined;
    const fault = takeFault(route);
    if (fault?.kind === 'hang') return; // close() destroys the socket
    if (fault?.kind === 'fail') {
      const retry: Record<string, string> =
        fault.status === 429 || fault.status === 503
          ? { 'retry-after': String(fault.retryAfter) }
          : {};
      return sendError(res, fault.status, 'Injected failure', retry);
    }
    if (route === 'transcriptions')
      return answerTranscription(req, body, res, transcribe, transcriptionRequests);
    let json: Record<string, unknown>;
    try {
      json = parseJson(body);
    } catch {
      return sendError(res, 400, 'Body is not JSON');
    }
    // Stop pacing timers when the client goes away or the fake closes.
    const gone = new AbortController();
    res.on('close', () => gone.abort());
    const signal = AbortSignal.any([closing.signal, gone.signal]);
    if (route === 'chat') return chat(json, res, signal);
    if (route === 'embeddings')
      return answerEmbeddings(json, res, embed, dimension, embeddingRequests);
    sendError(res, 404, `No route ${req.method} ${req.url}`);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500, 'Fake server error');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    embeddingRequests,
    chatRequests,
    transcriptionRequests,
    enqueue: (...replies) => void queue.push(...replies),
    respond(next) {
      script = next;
    },
    pace(next) {
      pacing = { ...pacing, ...next };
    },
    failNext(status, times = 1, { route, retryAfter = 1 } = {}) {
      for (let i = 0; i < times; i++) faults.push({ kind: 'fail', status, retryAfter, route });
    },
    hangNext(times = 1, { route } = {}) {
      for (let i = 0; i < times; i++) faults.push({ kind: 'hang', route });
    },
    vectorFor: (text, size = dimension) => embed(text, size),
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
