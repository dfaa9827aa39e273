import { describe, expect, it } from 'vitest';
import { chunk, sse } from '../../test/fake-chat-server';
import { createSseParser, readChatEvents, toChatEvent } from './sse';
import type { ChatEvent } from './types';

function streamOf(pieces: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === 'string' ? encoder.encode(p) : p);
      controller.close();
    },
  });
}

async function collect(pieces: Array<string | Uint8Array>): Promise<ChatEvent[]> {
  const events: ChatEvent[] = [];
  for await (const e of readChatEvents(streamOf(pieces))) events.push(e);
  return events;
}

const wire =
  sse('meta', { conversation_id: 'c_9', message_id: 'm_9' }) +
  sse('token', { text: 'Instant Pay costs ' }) +
  sse('token', { text: '$2.99 — “per transfer”.' }) +
  sse('citations', [{ document_id: 'd1', title: 'Instant Pay', page: 2, snippet: 'fee' }]) +
  sse('done', { confidence: 0.87, response_time_ms: 41, outcome: 'answered' });

const expected: ChatEvent[] = [
  { type: 'meta', conversation_id: 'c_9', message_id: 'm_9' },
  { type: 'token', text: 'Instant Pay costs ' },
  { type: 'token', text: '$2.99 — “per transfer”.' },
  {
    type: 'citations',
    citations: [{ document_id: 'd1', title: 'Instant Pay', page: 2, snippet: 'fee' }],
  },
  { type: 'done', confidence: 0.87, response_time_ms: 41, outcome: 'answered' },
];

describe('readChatEvents', () => {
  it('reads a whole stream in one chunk', async () => {
    expect(await collect([wire])).toEqual(expected);
  });

  it.each([1, 2, 3, 7, 64])(
    'gives the same events when chunks are %i characters long',
    async (size) => {
      expect(await collect(chunk(wire, size))).toEqual(expected);
    },
  );

  it('joins a multi-byte character split across chunks', async () => {
    const bytes = new TextEncoder().encode(sse('token', { text: '€ and “quotes”' }));
    const pieces = Array.from(bytes, (b) => new Uint8Array([b]));
    expect(await collect(pieces)).toEqual([{ type: 'token', text: '€ and “quotes”' }]);
  });

  it('handles CRLF line endings, even when \\r and \\n land in different chunks', async () => {
    const crlf = wire.replaceAll('\n', '\r\n');
    expect(await collect(chunk(crlf, 5))).toEqual(expected);
    expect(await collect(chunk(crlf, 1))).toEqual(expected);
  });

  it('reads an error event, in either flat or wrapped form', async () => {
    expect(
      await collect([
        sse('error', { code: 'rate_limited', message: 'Slow down' }),
        sse('error', { error: { code: 'internal', message: 'Boom' } }),
      ]),
    ).toEqual([
      { type: 'error', code: 'rate_limited', message: 'Slow down' },
      { type: 'error', code: 'internal', message: 'Boom' },
    ]);
  });

  it('dispatches a final event that lacks its blank line', async () => {
    expect(await collect(['event: done\ndata: {"confidence":1,"response_time_ms":2}'])).toEqual([
      // An older server sends no outcome; a newer one may send one we do not know.
      { type: 'done', confidence: 1, response_time_ms: 2, outcome: null },
    ]);
  });

  it('skips comments and events it does not know', async () => {
    expect(
      await collect([
        ': keep-alive\n\n',
        sse('progress', { step: 1 }),
        sse('token', { text: 'hi' }),
      ]),
    ).toEqual([{ type: 'token', text: 'hi' }]);
  });
});

describe('createSseParser', () => {
  it('joins multi-line data with newlines and keeps a value without the space', () => {
    const parser = createSseParser();
    expect(parser.push('event: token\ndata: {"text":\ndata:"a"}\n\n')).toEqual([
      { event: 'token', data: '{"text":\n"a"}' },
    ]);
  });

  it('names an event without an event field "message"', () => {
    expect(createSseParser().push('data: 1\n\n')).toEqual([{ event: 'message', data: '1' }]);
  });
});

describe('toChatEvent', () => {
  it('turns a broken body into an error event instead of throwing', () => {
    expect(toChatEvent({ event: 'token', data: '{not json' })).toMatchObject({
      type: 'error',
      code: 'bad_response',
    });
    expect(toChatEvent({ event: 'token', data: '{"text":5}' })).toMatchObject({
      type: 'error',
      code: 'bad_response',
    });
    expect(toChatEvent({ event: 'meta', data: '[]' })).toMatchObject({
      type: 'error',
      code: 'bad_response',
    });
  });

  it('drops malformed citations but keeps good ones', () => {
    const data = JSON.stringify([
      { title: 'No page' },
      null,
      { document_id: 7, title: 'Card', page: 1 },
    ]);
    expect(toChatEvent({ event: 'citations', data })).toEqual({
      type: 'citations',
      citations: [{ document_id: '7', title: 'Card', page: 1, snippet: '' }],
    });
  });
});
