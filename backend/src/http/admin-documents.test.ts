import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHashingEmbedder } from '../knowledge/embedding/hashing-embedder';
import { createKnowledgeBase, type KnowledgeBase } from '../knowledge/knowledge-base';
import { createTestPdf } from '../knowledge/pdf/test-pdfs';
import { openSqliteStore } from '../store/sqlite/open';
import type { Store } from '../store/types';
import { createDocumentRoutes } from './admin-documents';
import type { AppEnv } from './env';
import { handleError } from './middleware/errors';

const pdf = () =>
  createTestPdf({
    title: 'Pay card',
    pages: [[{ h1: 'Pay card' }, { p: 'A replacement pay card arrives within 7 business days.' }]],
  });

const upload = (bytes: Uint8Array, name = 'pay-card.pdf') => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
  return { method: 'POST', body: form };
};

const rename = (body: unknown) => ({
  method: 'PATCH',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const otherTenantJson = { 'content-type': 'application/json', 'x-test-tenant': 'other' };

// Ingest runs pdfjs in a worker thread: generous on a busy machine.
describe('createDocumentRoutes', { timeout: 30_000 }, () => {
  let dataDir: string;
  let store: Store;
  let kb: KnowledgeBase;
  let app: Hono<AppEnv>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wagechat-docs-'));
    store = openSqliteStore({ path: ':memory:' });
    kb = await createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder({ dimension: 64 }),
      logger: pino({ level: 'silent' }),
      tuning: { extractWorkers: 1 },
    });
    app = new Hono<AppEnv>();
    app.use(async (c, next) => {
      c.set('requestId', 'req-1');
      c.set('tenantId', c.req.header('x-test-tenant') ?? 'acme');
      await next();
    });
    app.route('/docs', createDocumentRoutes(kb, { maxUploadBytes: 200_000 }));
    app.onError(handleError);
  });
  afterAll(async () => {
    await kb.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('uploads, lists, shows and deletes a document', async () => {
    const created = await app.request('/docs', upload(await pdf()));
    expect(created.status).toBe(201);
    const { document } = (await created.json()) as { document: Record<string, unknown> };
    expect(document).toMatchObject({
      name: 'pay-card.pdf',
      title: 'Pay card',
      status: 'ready',
      version: 1,
      pages: 1,
      error: null,
    });
    expect(document.chunk_count).toBeGreaterThan(0);

    const again = await app.request('/docs', upload(await pdf()));
    expect(((await again.json()) as { document: { version: number } }).document.version).toBe(2);

    const list = (await (await app.request('/docs')).json()) as { documents: { id: string }[] };
    expect(list.documents).toHaveLength(1);
    const other = (await (
      await app.request('/docs', { headers: { 'x-test-tenant': 'other' } })
    ).json()) as {
      documents: unknown[];
    };
    expect(other.documents).toEqual([]);

    const one = await app.request(`/docs/${document.id}`);
    expect(
      ((await one.json()) as { document: { live_version: number } }).document.live_version,
    ).toBe(2);
    expect(
      (await app.request(`/docs/${document.id}`, { headers: { 'x-test-tenant': 'other' } })).status,
    ).toBe(404);

    expect((await app.request(`/docs/${document.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await app.request(`/docs/${document.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('renames a document: kept across versions, shown in search hits at once', async () => {
    const created = await app.request('/docs', upload(await pdf(), 'card-guide.pdf'));
    const { document } = (await created.json()) as { document: { id: string; title: string } };
    expect(document.title).toBe('Pay card');
    const hitTitles = async () =>
      (await kb.search({ tenantId: 'acme', text: 'replacement pay card' })).map((h) => h.title);
    expect(await hitTitles()).toContain('Pay card');

    const renamed = await app.request(`/docs/${document.id}`, rename({ title: '  Card FAQ  ' }));
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as { document: unknown }).document).toMatchObject({
      id: document.id,
      title: 'Card FAQ',
      title_overridden: true,
    });
    expect(await hitTitles()).toContain('Card FAQ');
    expect(await hitTitles()).not.toContain('Pay card');

    // A new version brings its own detected title; the admin's one still wins.
    const again = await app.request('/docs', upload(await pdf(), 'card-guide.pdf'));
    expect(((await again.json()) as { document: unknown }).document).toMatchObject({
      version: 2,
      title: 'Card FAQ',
    });
    expect(await hitTitles()).toContain('Card FAQ');
    await app.request(`/docs/${document.id}`, { method: 'DELETE' });
  });

  it('refuses bad rename bodies and other tenants', async () => {
    const created = await app.request('/docs', upload(await pdf(), 'rename-me.pdf'));
    const { document } = (await created.json()) as { document: { id: string } };
    const path = `/docs/${document.id}`;
    const codeOf = async (res: Response) =>
      [res.status, ((await res.json()) as { error: { code: string } }).error.code] as const;
    for (const body of [
      {},
      { title: '' },
      { title: '   ' },
      { title: 'x'.repeat(201) },
      { title: 'Line one\nline two' },
      { title: 'Bell\u0007' },
      { title: 42 },
      { title: 'Fine', extra: true },
    ]) {
      expect(await codeOf(await app.request(path, rename(body)))).toEqual([400, 'invalid_request']);
    }
    expect(await codeOf(await app.request(path, { ...rename({}), body: '{not json' }))).toEqual([
      400,
      'invalid_request',
    ]);
    expect(await codeOf(await app.request(path, { method: 'PATCH', body: 'title=x' }))).toEqual([
      415,
      'unsupported_media_type',
    ]);
    expect(
      await codeOf(
        await app.request(path, { ...rename({ title: 'Theirs' }), headers: otherTenantJson }),
      ),
    ).toEqual([404, 'not_found']);
    expect(await codeOf(await app.request('/docs/no-such-id', rename({ title: 'X' })))).toEqual([
      404,
      'not_found',
    ]);
    const ok = await app.request(path, rename({ title: 'x'.repeat(200) }));
    expect(ok.status).toBe(200);
    const shown = (await (await app.request(path)).json()) as { document: { title: string } };
    expect(shown.document.title).toBe('x'.repeat(200));
    await app.request(path, { method: 'DELETE' });
  });

  it('answers 415 for a renamed non-PDF and records the failure', async () => {
    const res = await app.request(
      '/docs',
      upload(new TextEncoder().encode('just text'), 'notes.pdf'),
    );
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: { code: string; details: { reason: string } } };
    expect(body.error).toMatchObject({
      code: 'unsupported_media_type',
      details: { reason: 'not_pdf' },
    });
    const list = (await (await app.request('/docs')).json()) as {
      documents: Record<string, unknown>[];
    };
    expect(list.documents.find((d) => d.name === 'notes.pdf')).toMatchObject({
      status: 'failed',
      chunk_count: 0,
      error: { reason: 'not_pdf' },
    });
  });

  it('answers 413 for an oversized upload', async () => {
    const res = await app.request('/docs', upload(new Uint8Array(300_000)));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
  });

  it('answers 400 without a file field and 415 for a JSON body', async () => {
    const form = new FormData();
    form.set('other', 'x');
    expect((await app.request('/docs', { method: 'POST', body: form })).status).toBe(400);
    const json = await app.request('/docs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });
});
