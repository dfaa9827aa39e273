/**
 * Hostile request bodies through the real app: oversized and malformed bodies, XSS payloads
 * in messages, file names and document text, and path traversal in upload names. Each
 * asserts the status and that nothing came back as something a browser would run.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';
import { createTestPdf } from '../../knowledge/pdf/test-pdfs';

const XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">';
const json = { 'content-type': 'application/json' };

let deps: Deps;
let app: ReturnType<typeof createApp>;
let admin: Record<string, string>;
let visitor: Record<string, string>;

beforeAll(async () => {
  deps = await createTestDeps({ WAGECHAT_MAX_UPLOAD_MB: '1' });
  app = createApp(deps);
  admin = { authorization: `Bearer ${(await deps.tokens.issueAdmin('demo', 'ops', 600)).token}` };
  visitor = { authorization: `Bearer ${(await deps.tokens.issueVisitor('demo', null)).token}` };
});
afterAll(async () => {
  await deps.close();
});

/** The fields these tests read, across the responses they check. */
interface Payload {
  error: { code: string };
  conversation_id: string;
  messages: Array<{ text: string }>;
  document: { name: string };
  documents: unknown[];
}

/** JSON, not sniffable, not renderable: what every answer to a hostile body must be. */
async function expectInertJson(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
  const text = await res.text();
  expect(() => JSON.parse(text)).not.toThrow();
  // Never a stack or a file path of ours.
  expect(text).not.toMatch(/\n\s+at |node_modules|\/work\//);
  return JSON.parse(text) as Payload;
}

let uploads = 0;
const upload = async (name: string, bytes?: Uint8Array<ArrayBuffer>) => {
  // Distinct text per upload: the same bytes twice would be one document's next version.
  const text = `Tips are paid daily. Upload ${++uploads}.`;
  const pdf: Uint8Array<ArrayBuffer> =
    bytes ?? new Uint8Array(await createTestPdf({ pages: [[{ p: text }]] }));
  const form = new FormData();
  form.set('file', new File([pdf], name, { type: 'application/pdf' }));
  return app.request('/api/v1/admin/documents', { method: 'POST', headers: admin, body: form });
};

describe('oversized and malformed bodies', () => {
  it.each([
    ['a chat message over 64 KB', '/api/v1/chat/message', 'POST', { message: 'x'.repeat(70_000) }],
    [
      'a chat message over its 32 KB route limit',
      '/api/v1/chat/message',
      'POST',
      { message: 'x'.repeat(40_000) },
    ],
    [
      'a session request over 64 KB',
      '/api/v1/auth/session',
      'POST',
      { tenant: 'demo', pad: 'x'.repeat(70_000) },
    ],
  ])('413 too_large for %s', async (_what, path, method, body) => {
    const res = await app.request(path, {
      method,
      headers: { ...json, ...visitor },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(413);
    expect((await expectInertJson(res)).error.code).toBe('too_large');
  });

  it('cuts off a chunked body with no Content-Length once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const res = await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: json,
      body,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await expectInertJson(res)).error.code).toBe('too_large');
  });

  it('answers 413 for an upload over the configured size', async () => {
    const res = await upload('huge.pdf', new Uint8Array(1024 * 1024 + 70 * 1024));
    expect(res.status).toBe(413);
    expect((await expectInertJson(res)).error.code).toBe('too_large');
  });

  it.each([
    ['broken JSON', json, '{"tenant": "demo"', 400, 'invalid_request'],
    ['a JSON array', json, '["demo"]', 400, 'invalid_request'],
    ['a wrong type', json, '{"tenant": 42}', 400, 'invalid_request'],
    [
      'a tenant id with markup',
      json,
      `{"tenant": "${XSS.replaceAll('"', '\\"')}"}`,
      400,
      'invalid_request',
    ],
    ['deeply nested JSON', json, `${'['.repeat(5000)}${']'.repeat(5000)}`, 400, 'invalid_request'],
    [
      'form encoding',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'tenant=demo',
      415,
      'unsupported_media_type',
    ],
  ])('%s is refused', async (_what, headers, body, status, code) => {
    const res = await app.request('/api/v1/auth/session', { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    const payload = await expectInertJson(res);
    expect(payload.error.code).toBe(code);
    expect(JSON.stringify(payload)).not.toContain('<script>');
  });

  it('refuses a malformed document id before any lookup, like an unknown one', async () => {
    const res = await app.request('/api/v1/admin/documents/..%2F..%2Fetc%2Fpasswd', {
      headers: admin,
    });
    expect(res.status).toBe(404);
    expect((await expectInertJson(res)).error.code).toBe('not_found');
  });
});

describe('XSS payloads come back only as JSON text', () => {
  it('in a chat message and its history (JSON and SSE)', async () => {
    const res = await app.request('/api/v1/chat/message', {
      method: 'POST',
      headers: { ...json, ...visitor },
      body: JSON.stringify({ message: XSS }),
    });
    expect(res.status).toBe(200);
    const turn = await expectInertJson(res);
    const history = await app.request(`/api/v1/chat/history/${turn.conversation_id}`, {
      headers: visitor,
    });
    const stored = await expectInertJson(history);
    expect(stored.messages[0]?.text).toBe(XSS);

    const stream = await app.request('/api/v1/chat/message', {
      method: 'POST',
      headers: { ...json, ...visitor, accept: 'text/event-stream' },
      body: JSON.stringify({ message: XSS, conversation_id: turn.conversation_id }),
    });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('x-content-type-options')).toBe('nosniff');
    await stream.text();
  });

  it('in an uploaded file name and in document text and title', async () => {
    const pdf = await createTestPdf({
      title: XSS,
      pages: [[{ h1: 'Overtime <b>rules</b>' }, { p: `Overtime is paid at 1.5 times. ${XSS}` }]],
    });
    const res = await upload(`${XSS}.pdf`, new Uint8Array(pdf));
    expect(res.status).toBe(201);
    const { document } = await expectInertJson(res);
    expect(document.name).toBe(`${XSS}.pdf`.split('/').pop());
    const list = await expectInertJson(
      await app.request('/api/v1/admin/documents', { headers: admin }),
    );
    expect(list.documents.length).toBeGreaterThan(0);

    const answer = await app.request('/api/v1/chat/message', {
      method: 'POST',
      headers: { ...json, ...visitor },
      body: JSON.stringify({ message: 'How is overtime paid?' }),
    });
    expect(answer.status).toBe(200);
    await expectInertJson(answer);
  });
});

describe('path traversal in upload names', () => {
  it.each([
    ['../../../escaped-a.pdf', 'escaped-a.pdf'],
    ['..\\..\\..\\escaped-b.pdf', 'escaped-b.pdf'],
    ['/etc/cron.d/escaped-c.pdf', 'escaped-c.pdf'],
    ['pay\u0007card\u202E\u200Bfdp.pdf', 'paycardfdp.pdf'],
  ])('%j is stored as %j, and its bytes only under uploads/', async (name, stored) => {
    const res = await upload(name);
    expect(res.status).toBe(201);
    expect((await expectInertJson(res)).document.name).toBe(stored);
    const dataDir = deps.config.dataDir;
    for (const dir of [dirname(dataDir), tmpdir(), join(dataDir, 'uploads')]) {
      expect(existsSync(join(dir, stored))).toBe(false);
    }
    const files = (await readdir(join(dataDir, 'uploads'), { recursive: true })).map(String);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files)
      expect(relative(dataDir, join(dataDir, 'uploads', file))).not.toMatch(/^\.\./);
    expect(files.some((f) => f.includes('escaped') || f.includes('card'))).toBe(false);
  });

  it.each(['..', '.', '../', '\u0000'])('refuses the name %j with 400', async (name) => {
    const res = await upload(name);
    expect(res.status).toBe(400);
    expect((await expectInertJson(res)).error.code).toBe('invalid_request');
  });
});
