import { Writable } from 'node:stream';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';
import { createLogger } from '../../logger';

let deps: Deps;
beforeEach(async () => {
  deps = await createTestDeps();
});
afterEach(async () => {
  await deps.close();
});

it('logs one JSON line per request with its request id, and never the message, token or PII', async () => {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const app = createApp({ ...deps, logger: createLogger('info', sink) });
  const { token } = await deps.tokens.issueVisitor('demo', null);
  const res = await app.request('/api/v1/chat/message?email=maya@example.com', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      message: 'my card 4111 1111 1111 1111 was charged twice, ssn 123-45-6789',
    }),
  });
  expect(res.status).toBe(200);
  const requestId = res.headers.get('x-request-id');
  const access = lines.find((l) => l.msg === 'request');
  expect(access).toMatchObject({
    request_id: requestId,
    method: 'POST',
    path: '/api/v1/chat/message',
    status: 200,
  });
  expect(lines.find((l) => l.msg === 'chat turn answered')).toMatchObject({
    request_id: requestId,
  });
  const all = JSON.stringify(lines);
  for (const secret of ['4111', '123-45-6789', 'charged twice', token, 'maya@example.com']) {
    expect(all).not.toContain(secret);
  }
});
