/**
 * The document lifecycle through the real app (auth, request ids, the one error handler),
 * as an admin's browser would drive it.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestDeps, type Deps } from '../deps';
import { createImageOnlyPdf, createTestPdf } from '../knowledge/pdf/test-pdfs';

const handbook = (days: number) =>
  createTestPdf({
    title: 'Pay card',
    pages: [
      [{ h1: 'Pay card' }, { p: `A replacement pay card arrives within ${days} business days.` }],
      [{ h2: 'Fees' }, { p: 'Replacing a lost pay card is free once a year.' }],
    ],
  });

interface DocumentJson {
  id: string;
  name: string;
  status: string;
  version: number;
  live_version: number | null;
  chunk_count: number;
  error: { reason: string; message: string } | null;
  latest: { status: string; chunk_count: number | null; version: number };
  live: { chunk_count: number; version: number } | null;
}

// Ingest runs pdfjs in a worker thread: generous on a busy machine.
describe('admin documents in the real app', { timeout: 30_000 }, () => {
  let deps: Deps;
  let app: ReturnType<typeof createApp>;
  let auth: Record<string, string>;

  beforeAll(async () => {
    deps = await createTestDeps({ WAGECHAT_MAX_UPLOAD_MB: '1' });
    app = createApp(deps);
    const { token } = await deps.tokens.issueAdmin('demo', 'tester', 600);
    auth = { authorization: `Bearer ${token}` };
  });
  afterAll(() => deps.close());

  const upload = async (bytes: Uint8Array, name: string, headers = auth) => {
    const body = new FormData();
    body.set('file', new File([new Uint8Array(bytes)], name, { type: 'application/pdf' }));
    return app.request('/api/v1/admin/documents', { method: 'POST', body, headers });
  };
  const documentOf = async (res: Response) =>
    ((await res.json()) as { document: DocumentJson }).document;
  const list = async () => {
    const res = await app.request('/api/v1/admin/documents', { headers: auth });
    expect(res.status).toBe(200);
    const { documents } = (await res.json()) as { documents: DocumentJson[] };
    return new Map(documents.map((d) => [d.name, d]));
  };
  const search = (text: string) => deps.knowledge.search({ tenantId: 'demo', text, limit: 10 });

  it('refuses the routes without an admin token', async () => {
    expect((await upload(await handbook(7), 'pay-card.pdf', {})).status).toBe(401);
    expect((await app.request('/api/v1/admin/documents')).status).toBe(401);
  });

  it('keeps the original, and serves version 1 until a re-upload of the same name completes', async () => {
    const original = await handbook(7);
    const first = await upload(original, 'pay-card.pdf');
    expect(first.status).toBe(201);
    const v1 = await documentOf(first);
    expect(v1).toMatchObject({
      name: 'pay-card.pdf',
      status: 'ready',
      version: 1,
      live_version: 1,
    });
    const stored = await deps.store.documents.getVersion(v1.id, 1);
    const kept = await readFile(join(deps.config.dataDir, 'uploads', stored!.blobKey));
    expect(new Uint8Array(kept)).toEqual(new Uint8Array(original));

    let done = false;
    const second = upload(await handbook(5), 'pay-card.pdf').finally(() => {
      done = true;
    });
    const seen = new Set<number>();
    while (!done) {
      const hits = await search('replacement pay card business days');
      const versions = new Set(hits.map((h) => h.documentVersion));
      expect(versions.size).toBe(1);
      const [version] = versions;
      expect(hits.map((h) => h.text).join(' ')).toContain(
        version === 1 ? '7 business' : '5 business',
      );
      seen.add(version!);
    }
    expect(seen.has(1)).toBe(true);
    const v2 = await documentOf(await second);
    expect(v2).toMatchObject({ id: v1.id, version: 2, live_version: 2, status: 'ready' });
    const after = await search('replacement pay card business days');
    expect(after.every((h) => h.documentVersion === 2)).toBe(true);
  });

  it('takes two uploads of the same name at once as versions in order, one live', async () => {
    const [a, b] = await Promise.all([
      upload(await handbook(3), 'rush.pdf'),
      upload(await handbook(4), 'rush.pdf'),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    const rush = (await list()).get('rush.pdf');
    expect(rush).toMatchObject({ version: 2, live_version: 2, status: 'ready' });
    const versions = await deps.store.documents.listVersions(rush!.id);
    expect(versions.map((v) => v.status)).toEqual(['superseded', 'ready']);
  });

  it('lists status and chunk counts of ready and failed versions', async () => {
    await upload(await handbook(9), 'fees.pdf');
    const encrypted = await createTestPdf({ userPassword: 'pw', pages: [[{ p: 'Secret text.' }]] });
    expect((await upload(encrypted, 'fees.pdf')).status).toBe(422);
    expect((await upload(await createImageOnlyPdf(), 'scan.pdf')).status).toBe(422);
    const docs = await list();

    const fees = docs.get('fees.pdf')!;
    // The failed re-upload is what the admin sees first; version 1 still serves.
    expect(fees).toMatchObject({
      status: 'failed',
      version: 2,
      live_version: 1,
      error: { reason: 'pdf_encrypted' },
      latest: { status: 'failed', chunk_count: null },
    });
    expect(fees.chunk_count).toBeGreaterThan(0);
    expect(fees.chunk_count).toBe(fees.live?.chunk_count);

    expect(docs.get('scan.pdf')).toMatchObject({
      status: 'failed',
      version: 1,
      live_version: null,
      live: null,
      chunk_count: 0,
      error: { reason: 'pdf_no_text' },
    });
    expect(docs.get('pay-card.pdf')).toMatchObject({ status: 'ready', error: null });
    expect(docs.get('pay-card.pdf')!.chunk_count).toBeGreaterThan(0);
  });

  it('accepts a PDF by its content whatever its name, and rejects a renamed non-PDF', async () => {
    const res = await upload(await handbook(2), 'handbook.bin');
    expect(res.status).toBe(201);
    expect(await documentOf(res)).toMatchObject({ status: 'ready' });
    const fake = await upload(new TextEncoder().encode('%PDX not really'), 'fake.pdf');
    expect(fake.status).toBe(415);
    const body = (await fake.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({
      code: 'unsupported_media_type',
      details: { reason: 'not_pdf' },
    });
    expect(body.error.request_id).toBe(fake.headers.get('x-request-id'));
  });

  it('answers 413 with the error shape for a file over the configured limit', async () => {
    const res = await upload(new Uint8Array(1024 * 1024 + 1), 'huge.pdf');
    expect(res.status).toBe(413);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body.error).toMatchObject({ code: 'too_large', details: { reason: 'too_large' } });
    expect(typeof body.error.message).toBe('string');
  });

  it('answers 404 with the error body for an unknown id and for another tenant', async () => {
    const res = await app.request('/api/v1/admin/documents/no-such-id', {
      method: 'DELETE',
      headers: auth,
    });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: Record<string, unknown> };
    expect(body).toEqual({
      error: {
        code: 'not_found',
        message: expect.any(String),
        request_id: res.headers.get('x-request-id'),
      },
    });
    expect(body.error.request_id).toEqual(expect.any(String));

    const mine = (await list()).get('pay-card.pdf')!;
    const { token } = await deps.tokens.issueAdmin('other', 'tester', 600);
    const foreign = await app.request(`/api/v1/admin/documents/${mine.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(foreign.status).toBe(404);
    expect((await list()).has('pay-card.pdf')).toBe(true);
  });

  it('renames a document for citations, audited as an admin request', async () => {
    const doc = (await list()).get('pay-card.pdf')!;
    const res = await app.request(`/api/v1/admin/documents/${doc.id}`, {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Brightwell pay card guide' }),
    });
    expect(res.status).toBe(200);
    const hits = await search('replacement pay card business days');
    expect(hits.find((h) => h.documentId === doc.id)?.title).toBe('Brightwell pay card guide');
    const trail = await deps.store.audit.list('demo', 20);
    expect(trail.find((r) => r.action === 'document.rename')).toMatchObject({
      actorId: 'tester',
      resourceType: 'document',
      resourceId: doc.id,
      details: { method: 'PATCH', status: 200, path: `/api/v1/admin/documents/${doc.id}` },
    });
  });

  it('deletes a document, its chunks and its originals', async () => {
    const doc = (await list()).get('pay-card.pdf')!;
    const res = await app.request(`/api/v1/admin/documents/${doc.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(res.status).toBe(204);
    expect(
      (await search('replacement pay card business days')).some((h) => h.documentId === doc.id),
    ).toBe(false);
    expect((await list()).has('pay-card.pdf')).toBe(false);
    expect(await deps.store.documents.listVersions(doc.id)).toEqual([]);
    const uploads = await readdir(join(deps.config.dataDir, 'uploads', 'demo'));
    const remaining = await deps.store.documents.list('demo');
    const keys = (await Promise.all(remaining.map((d) => deps.store.documents.listVersions(d.id))))
      .flat()
      .map((v) => v.blobKey.split('/').pop());
    // Exactly the originals of the documents that remain (both pay-card versions went).
    expect(uploads.sort()).toEqual(keys.filter(Boolean).sort());
  });
});
