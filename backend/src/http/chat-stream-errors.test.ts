/**
 * What the chat route does when the agent fails: before the first event the caller gets a
 * real status and error body; mid-stream the stream ends with an `error` event. Either way
 * the user's message, once accepted, is kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatAgent } from '../agent/types';
import { createApp } from '../app';
import { createTestDeps, type Deps } from '../deps';

let deps: Deps;
beforeEach(async () => {
  deps = await createTestDeps();
});
afterEach(async () => {
  await deps.close();
});

/** A chat model double that says `before` words and then fails. */
const failingAgent = (before: string[]): ChatAgent => ({
  async *respond() {
    for (const text of before) yield { type: 'token', text };
    throw new Error('model provider exploded: secret-key-123');
  },
});

async function ask(agent: ChatAgent, accept: string) {
  const app = createApp({ ...deps, agent });
  const { token } = await deps.tokens.issueVisitor('demo', null);
  return app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept },
    body: JSON.stringify({ message: 'When do tips arrive?' }),
  });
}

describe('chat route failures', () => {
  it('ends a started stream with an error event that leaks nothing, keeping what was said', async () => {
    const res = await ask(failingAgent(['Tips ', 'arrive ']), 'text/event-stream');
    expect(res.status).toBe(200);
    const body = await res.text();
    const names = [...body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(names).toEqual(['meta', 'token', 'token', 'error']);
    const error = JSON.parse(/event: error\ndata: (.+)/.exec(body)![1]!) as {
      code: string;
      message: string;
    };
    expect(error.code).toBe('internal');
    expect(body).not.toContain('secret-key-123');
    expect(body).not.toContain('exploded');
    const meta = JSON.parse(/event: meta\ndata: (.+)/.exec(body)![1]!) as {
      conversation_id: string;
    };
    const stored = await deps.store.messages.list('demo', meta.conversation_id);
    expect(stored.map((m) => [m.role, m.text])).toEqual([['user', 'When do tips arrive?']]);
  });

  it('answers JSON callers with a 500 error body and the request id, never a stack', async () => {
    const res = await ask(failingAgent([]), 'application/json');
    expect(res.status).toBe(500);
    const body = (await res.json()) as {
      error: { code: string; message: string; request_id: string };
    };
    expect(body.error.code).toBe('internal');
    expect(body.error.request_id).toBe(res.headers.get('x-request-id'));
    expect(JSON.stringify(body)).not.toMatch(/secret-key-123|at .*\.ts:\d+/);
  });
});
