import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderKnowledgeBase } from '../../../demo/scripts/render-kb';
import { createApp } from '../app';
import type { ChatAnswer, Citation, ConversationHistory } from '../contract/v1';
import { createTestDeps, type Deps } from '../deps';
import { createDocumentLinkSigner } from '../security/signed-links';

// Rendered here: unit tests run before the build that renders demo/kb/pdf.
let PDF: Buffer;
let OTHER_PDF: Buffer;

let deps: Deps;
let app: ReturnType<typeof createApp>;
let now = Date.now();
let bearer: string;
let documentId: string;
let acmeDocumentId: string;
const links = createDocumentLinkSigner({ secret: 'k'.repeat(48), now: () => now });

async function token() {
  const res = await app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'demo' }),
  });
  return ((await res.json()) as { token: string }).token;
}

const ask = (protocol: string, accept = 'application/json', conversationId?: string) =>
  app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      accept,
      'Wagechat-Protocol': protocol,
    },
    body: JSON.stringify({
      message: 'How much does Instant Pay cost?',
      ...(conversationId ? { conversation_id: conversationId } : {}),
    }),
  });

const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

beforeAll(async () => {
  const pdfDir = mkdtempSync(join(tmpdir(), 'wagechat-doc-links-'));
  await renderKnowledgeBase(pdfDir);
  PDF = readFileSync(join(pdfDir, 'instant-pay.pdf'));
  OTHER_PDF = readFileSync(join(pdfDir, 'pay-card.pdf'));
  deps = await createTestDeps();
  app = createApp({ ...deps, documentLinks: links });
  bearer = await token();
  documentId = (
    await deps.knowledge.ingest({ tenantId: 'demo', filename: 'instant-pay.pdf', bytes: PDF })
  ).documentId;
  await deps.store.tenants.upsert({
    id: 'acme',
    name: 'Acme',
    allowedOrigins: [],
    allowLocalhost: false,
  });
  acmeDocumentId = (
    await deps.knowledge.ingest({ tenantId: 'acme', filename: 'secret.pdf', bytes: OTHER_PDF })
  ).documentId;
}, 60_000);
afterAll(async () => {
  await deps.close();
}, 60_000);

describe('citation links', () => {
  it('protocol 2 gets a signed url on each citation that serves the exact PDF', async () => {
    const answer = (await (await ask('2')).json()) as ChatAnswer;
    const cited = answer.citations.find((c) => c.document_id === documentId);
    expect(cited?.url).toMatch(/^\/api\/v1\/documents\/[\w-]+\/file\?v=1&exp=\d+&sig=[\w-]{43}$/);
    const res = await app.request(cited!.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="instant-pay.pdf"');
    expect(res.headers.get('cache-control')).toBe('private, max-age=300');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('protocol 1 (or no header) gets exactly the v1 citation shape, with no url', async () => {
    const answer = (await (await ask('1')).json()) as ChatAnswer;
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations)
      expect(Object.keys(c).sort()).toEqual(['document_id', 'page', 'snippet', 'title']);
  });

  it('adds urls in the SSE citations event and in history, for protocol 2 only', async () => {
    const text = await (await ask('2', 'text/event-stream')).text();
    const block = text.split('\n\n').find((b) => b.startsWith('event: citations'))!;
    const streamed = JSON.parse(block.slice(block.indexOf('data: ') + 6)) as Citation[];
    expect(streamed.every((c) => c.url?.startsWith('/api/v1/documents/'))).toBe(true);
    const meta = JSON.parse(/event: meta\ndata: (.+)/.exec(text)![1]!) as {
      conversation_id: string;
    };
    const history = (protocol: string) =>
      app.request(`/api/v1/chat/history/${meta.conversation_id}`, {
        headers: { authorization: `Bearer ${bearer}`, 'Wagechat-Protocol': protocol },
      });
    const v2 = (await (await history('2')).json()) as ConversationHistory;
    const v1 = (await (await history('1')).json()) as ConversationHistory;
    const answer2 = v2.messages.find((m) => m.role === 'assistant')!;
    const answer1 = v1.messages.find((m) => m.role === 'assistant')!;
    expect(answer2.citations[0]?.url).toMatch(/^\/api\/v1\/documents\//);
    expect(answer1.citations[0]).not.toHaveProperty('url');
  });
});

describe('GET /api/v1/documents/:id/file', () => {
  const fresh = (id = documentId, tenantId = 'demo', version = 1) =>
    links.url({ tenantId, documentId: id, version }).url;

  it('refuses an expired link with 403', async () => {
    const url = fresh();
    now += 15 * 60_000 + 1000;
    const res = await app.request(url);
    now = Date.now();
    expect(res.status).toBe(403);
    expect(await errorCode(res)).toBe('forbidden');
  });

  it('refuses a tampered signature or expiry with 403', async () => {
    const url = fresh();
    const sig = /sig=([\w-]+)/.exec(url)![1]!;
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    for (const bad of [
      url.replace(sig, flipped),
      url.replace(/exp=(\d+)/, (_m, e: string) => `exp=${Number(e) + 60}`),
      url.replace(/&sig=[\w-]+/, ''),
    ]) {
      const res = await app.request(bad);
      expect(res.status, bad).toBe(403);
    }
  });

  it("refuses a link signed for one tenant to another tenant's document", async () => {
    const res = await app.request(fresh(acmeDocumentId, 'demo'));
    expect(res.status).toBe(403);
    const properlySigned = await app.request(fresh(acmeDocumentId, 'acme'));
    expect(properlySigned.status).toBe(200);
  });

  it('404s a version no longer live, an unknown version or document', async () => {
    const v1 = fresh();
    await deps.knowledge.ingest({
      tenantId: 'demo',
      filename: 'instant-pay.pdf',
      bytes: OTHER_PDF,
    });
    const retired = await app.request(v1);
    expect(retired.status).toBe(404);
    expect(await errorCode(retired)).toBe('not_found');
    const live = await app.request(fresh(documentId, 'demo', 2));
    expect(Buffer.from(await live.arrayBuffer()).equals(OTHER_PDF)).toBe(true);
    expect((await app.request(fresh(documentId, 'demo', 7))).status).toBe(404);
    expect((await app.request(fresh(crypto.randomUUID()))).status).toBe(404);
    expect((await app.request('/api/v1/documents/nope/file?v=1&exp=1&sig=x')).status).toBe(404);
  });
});

describe('POST /api/v1/documents/:id/link', () => {
  const link = (id: string, auth = `Bearer ${bearer}`) =>
    app.request(`/api/v1/documents/${id}/link`, {
      method: 'POST',
      headers: { authorization: auth },
    });

  it("gives the caller's tenant a fresh working link", async () => {
    const res = await link(documentId);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { url: string; expires_at: string };
    expect(Date.parse(body.expires_at)).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect((await app.request(body.url)).status).toBe(200);
  });

  it("404s another tenant's document, and needs a session", async () => {
    expect((await link(acmeDocumentId)).status).toBe(404);
    expect((await link('not-a-uuid')).status).toBe(404);
    expect((await link(documentId, 'Bearer nope')).status).toBe(401);
  });
});
