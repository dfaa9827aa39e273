/**
 * A visitor who closes the tab mid-answer must not lose the answer: the turn runs to the end
 * and is stored, so history shows it when they come back. Real HTTP, real abort.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { offlineTrace } from '../agent/offline/offline-agent';
import type { ChatAgent } from '../agent/types';
import { createApp } from '../app';
import { createTestDeps, type Deps } from '../deps';

/** A slow chat model double: one word, a pause long enough to hang up in, then the rest. */
const slowAgent: ChatAgent = {
  async *respond() {
    yield { type: 'token', text: 'Tips ' };
    await new Promise((r) => setTimeout(r, 400));
    yield { type: 'token', text: 'arrive the next morning.' };
    yield { type: 'done', confidence: 0.9, trace: offlineTrace('question', 'answered', 0.4) };
  },
};

let deps: Deps;
let server: Server;
let url: string;
beforeAll(async () => {
  deps = await createTestDeps();
  server = serve({
    fetch: createApp({ ...deps, agent: slowAgent }).fetch,
    port: 0,
    hostname: '127.0.0.1',
  }) as Server;
  await new Promise((r) => server.once('listening', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await deps.close();
});

it('finishes and stores the answer after the client hangs up mid-stream', async () => {
  const { token } = await deps.tokens.issueVisitor('demo', null);
  const abort = new AbortController();
  const res = await fetch(`${url}/api/v1/chat/message`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({ message: 'When do tips arrive?' }),
    signal: abort.signal,
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let seen = '';
  while (!seen.includes('event: token')) seen += (await reader.read()).value ?? '';
  abort.abort();
  const conversationId = (
    JSON.parse(/event: meta\ndata: (.+)/.exec(seen)![1]!) as { conversation_id: string }
  ).conversation_id;

  const deadline = Date.now() + 5_000;
  let stored = await deps.store.messages.list('demo', conversationId);
  while (stored.length < 2 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    stored = await deps.store.messages.list('demo', conversationId);
  }
  expect(stored.map((m) => [m.role, m.text])).toEqual([
    ['user', 'When do tips arrive?'],
    ['assistant', 'Tips arrive the next morning.'],
  ]);
});
