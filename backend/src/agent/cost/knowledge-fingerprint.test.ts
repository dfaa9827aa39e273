import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/open';
import type { Store } from '../../store/types';
import { knowledgeFingerprint } from './knowledge-fingerprint';

describe('knowledgeFingerprint', () => {
  let store: Store;
  beforeEach(() => {
    store = openSqliteStore({ path: ':memory:' });
  });
  afterEach(() => store.close());

  async function upload(tenantId: string, filename: string, title = filename) {
    const version = await store.documents.beginVersion({
      tenantId,
      filename,
      title,
      sha256: 'x',
      sizeBytes: 1,
      blobKey: `${tenantId}/${filename}`,
    });
    return store.documents.completeVersion({
      documentId: version.documentId,
      version: version.version,
      title,
      pageCount: 1,
      chunkCount: 1,
      embeddingModel: 'hash',
    });
  }

  it('changes when a document goes live, is replaced or is deleted, and only then', async () => {
    const fp = () => knowledgeFingerprint(store.documents, 't1');
    const empty = await fp();
    const doc = await upload('t1', 'tips.pdf');
    const one = await fp();
    expect(one).not.toBe(empty);
    expect(await fp()).toBe(one);

    await upload('t2', 'other.pdf');
    expect(await fp()).toBe(one);

    await upload('t1', 'tips.pdf');
    const replaced = await fp();
    expect(replaced).not.toBe(one);

    await store.documents.delete('t1', doc.id);
    expect(await fp()).toBe(empty);
  });

  it('ignores a version still processing', async () => {
    await upload('t1', 'tips.pdf');
    const before = await knowledgeFingerprint(store.documents, 't1');
    await store.documents.beginVersion({
      tenantId: 't1',
      filename: 'tips.pdf',
      title: 'tips.pdf',
      sha256: 'y',
      sizeBytes: 1,
      blobKey: 'k',
    });
    expect(await knowledgeFingerprint(store.documents, 't1')).toBe(before);
  });
});
