import type { ServerResponse } from 'node:http';
import type { ChatAnswer } from './chat-request';
import { send, sleep } from './http';
import type { FakeChatRequest, FakePacing } from './types';

let nextId = 0;
const DISCONNECT_GRACE_MS = 50;

function envelope(request: FakeChatRequest, object: string) {
  return {
    id: `chatcmpl-fake-${++nextId}`,
    object,
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    system_fingerprint: null,
  };
}

function gapMs(pacing: FakePacing): number {
  return pacing.tokensPerSecond ? 1000 / pacing.tokensPerSecond : 0;
}

/** A non-streamed `chat.completion`, sent after the time a paced stream would have taken. */
export async function answerCompletion(
  res: ServerResponse,
  request: FakeChatRequest,
  answer: ChatAnswer,
  pacing: FakePacing,
  signal: AbortSignal,
) {
  if (answer.disconnectAfterChunks !== undefined) {
    res.destroy();
    return;
  }
  const wait = (pacing.firstTokenMs ?? 0) + Math.max(0, answer.pieces.length - 1) * gapMs(pacing);
  if (!(await sleep(wait, signal))) return;
  const message = {
    role: 'assistant',
    content: answer.content,
    refusal: null,
    ...(answer.toolCalls.length > 0
      ? {
          tool_calls: answer.toolCalls.map((call) => ({
            id: call.id,
            type: 'function',
            function: { name: call.name, arguments: call.arguments },
          })),
        }
      : {}),
  };
  send(res, 200, {
    ...envelope(request, 'chat.completion'),
    choices: [{ index: 0, message, logprobs: null, finish_reason: answer.finishReason }],
    usage: answer.usage,
  });
}

/**
 * A `chat.completion.chunk` SSE stream: a role chunk, the content word by word at the pace
 * asked for, each tool call as a header delta (index, id, name) then its arguments in pieces,
 * a finish chunk, the usage chunk (empty choices) when `stream_options.include_usage`, `[DONE]`.
 */
export async function answerStream(
  res: ServerResponse,
  request: FakeChatRequest,
  answer: ChatAnswer,
  pacing: FakePacing,
  signal: AbortSignal,
) {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  const head = envelope(request, 'chat.completion.chunk');
  let sent = 0;
  const write = (choices: unknown[], extra: Record<string, unknown> = {}): boolean => {
    if (signal.aborted || res.destroyed) return false;
    if (answer.disconnectAfterChunks !== undefined && sent >= answer.disconnectAfterChunks) {
      // A reset discards whatever the client has received but not yet read, so give it a
      // moment to read the chunks already sent before the connection dies.
      void sleep(DISCONNECT_GRACE_MS, signal).then(() => res.destroy());
      return false;
    }
    const usage = request.includeUsage ? { usage: null } : {};
    res.write(`data: ${JSON.stringify({ ...head, choices, ...usage, ...extra })}\n\n`);
    sent++;
    return true;
  };
  const delta = (d: Record<string, unknown>, finish: string | null = null) =>
    write([{ index: 0, delta: d, logprobs: null, finish_reason: finish }]);

  if (!delta({ role: 'assistant', content: '', refusal: null })) return;
  if (!(await sleep(pacing.firstTokenMs ?? 0, signal))) return;
  // Each word is due at a fixed offset from the first, so timer lateness on a busy machine
  // does not add up over a long answer and skew a benchmark's tokens per second.
  const firstAt = performance.now();
  for (const [i, piece] of answer.pieces.entries()) {
    const due = firstAt + i * gapMs(pacing) - performance.now();
    if (i > 0 && !(await sleep(due, signal))) return;
    if (!delta({ content: piece })) return;
  }
  for (const [index, call] of answer.toolCalls.entries()) {
    const header = {
      index,
      id: call.id,
      type: 'function',
      function: { name: call.name, arguments: '' },
    };
    if (!delta({ tool_calls: [header] })) return;
    // Arguments arrive split mid-token, as the real API does, so clients must concatenate.
    for (const piece of call.arguments.match(/[\s\S]{1,8}/g) ?? []) {
      if (!delta({ tool_calls: [{ index, function: { arguments: piece } }] })) return;
    }
  }
  if (!delta({}, answer.finishReason)) return;
  if (request.includeUsage && !write([], { usage: answer.usage })) return;
  res.end('data: [DONE]\n\n');
}
