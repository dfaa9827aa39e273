import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../types';
import { openSqliteStore } from './open';

describe('SQLite document repository', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  const begin = (filename = 'pay-card.pdf', tenantId = 't1') =>
    store.documents.beginVersion({
      tenantId,
      filename,
      title: 'Pay card',
      sha256: 'abc',
      sizeBytes: 10,
      blobKey: `${tenantId}/k`,
    });

  it('numbers versions per file name and swaps the live one in one step', async () => {
    const v1 = await begin();
    expect(v1).toMatchObject({ version: 1, status: 'processing' });
    await store.documents.completeVersion({
      documentId: v1.documentId,
      version: 1,
      title: 'Pay card',
      pageCount: 2,
      chunkCount: 5,
      embeddingModel: 'm',
    });
    const v2 = await begin();
    expect(v2).toMatchObject({ documentId: v1.documentId, version: 2 });
    // While v2 is processing, v1 stays live.
    expect(await store.documents.listLive()).toEqual([
      { tenantId: 't1', documentId: v1.documentId, version: 1, title: 'Pay card' },
    ]);
    const record = await store.documents.completeVersion({
      documentId: v1.documentId,
      version: 2,
      title: 'Pay card v2',
      pageCount: 3,
      chunkCount: 7,
      embeddingModel: 'm',
    });
    expect(record).toMatchObject({ liveVersion: 2, title: 'Pay card v2', live: { chunkCount: 7 } });
    expect((await store.documents.getVersion(v1.documentId, 1))?.status).toBe('superseded');
    expect((await store.documents.listVersions(v1.documentId)).map((v) => v.version)).toEqual([
      1, 2,
    ]);
  });

  it('records failures without touching the live version', async () => {
    const v1 = await begin();
    await store.documents.completeVersion({
      documentId: v1.documentId,
      version: 1,
      title: 'T',
      pageCount: 1,
      chunkCount: 1,
      embeddingModel: 'm',
    });
    const v2 = await begin();
    await store.documents.failVersion(v2.documentId, 2, 'pdf_encrypted', 'Password-protected.');
    const doc = await store.documents.get('t1', v1.documentId);
    expect(doc).toMatchObject({
      liveVersion: 1,
      latest: { version: 2, status: 'failed', errorReason: 'pdf_encrypted' },
    });
    expect(await store.documents.listProcessing()).toEqual([]);
  });

  it('takes a failed version out of the live set and records a model change', async () => {
    const v1 = await begin();
    await store.documents.completeVersion({
      documentId: v1.documentId,
      version: 1,
      title: 'T',
      pageCount: 1,
      chunkCount: 1,
      embeddingModel: 'old-model',
    });
    await store.documents.setEmbeddingModel(v1.documentId, 1, 'new-model');
    expect((await store.documents.getVersion(v1.documentId, 1))?.embeddingModel).toBe('new-model');
    // Recovery found the live version's chunks and original gone.
    await store.documents.failVersion(v1.documentId, 1, 'original_missing', 'Gone.');
    expect(await store.documents.get('t1', v1.documentId)).toMatchObject({
      liveVersion: null,
      live: null,
      latest: { status: 'failed', errorReason: 'original_missing' },
    });
    expect(await store.documents.listLive()).toEqual([]);
  });

  it("keeps an admin's title over the titles later versions detect", async () => {
    const complete = (version: number, title: string) =>
      store.documents.completeVersion({
        documentId: v1.documentId,
        version,
        title,
        pageCount: 1,
        chunkCount: 1,
        embeddingModel: 'm',
      });
    const v1 = await begin();
    expect((await complete(1, 'Detected one')).titleOverride).toBeNull();
    expect(await store.documents.rename('t2', v1.documentId, 'Theirs')).toBeNull();
    const renamed = await store.documents.rename('t1', v1.documentId, 'Card FAQ');
    expect(renamed).toMatchObject({ title: 'Card FAQ', titleOverride: 'Card FAQ' });
    await begin();
    expect(await complete(2, 'Detected two')).toMatchObject({ title: 'Card FAQ', liveVersion: 2 });
    expect((await store.documents.listLive())[0]?.title).toBe('Card FAQ');
  });

  it('scopes documents to their tenant and deletes them with their versions', async () => {
    const a = await begin('a.pdf', 't1');
    await begin('a.pdf', 't2');
    expect(await store.documents.list('t1')).toHaveLength(1);
    expect(await store.documents.get('t2', a.documentId)).toBeNull();
    expect(await store.documents.delete('t2', a.documentId)).toBe(false);
    expect(await store.documents.delete('t1', a.documentId)).toBe(true);
    expect(await store.documents.listVersions(a.documentId)).toEqual([]);
    expect((await store.documents.listProcessing()).map((v) => v.tenantId)).toEqual(['t2']);
  });
});
