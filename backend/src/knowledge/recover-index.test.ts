/**
 * Recovery when SQLite survives but the LanceDB folder does not (or is damaged): live
 * versions are rebuilt from the stored originals, for real, across two opens.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lancedb from '@lancedb/lancedb';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import type { Store } from '../store/types';
import { createHashingEmbedder } from './embedding/hashing-embedder';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { createTestPdf } from './pdf/test-pdfs';

const article = (topic: string, fact: string) =>
  createTestPdf({
    title: topic,
    pages: [[{ h1: topic }, { p: `${fact} This is what workers ask about ${topic}.` }]],
  });

describe('recover() when the search index is lost or damaged', () => {
  let dataDir: string;
  let store: Store;
  let kb: KnowledgeBase | null;
  let logs: { msg: string; [key: string]: unknown }[];

  const open = async () => {
    kb = await createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder({ dimension: 64 }),
      logger: pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) }),
      tuning: { extractWorkers: 1 },
    });
    return kb;
  };
  const reopen = async (damage: () => Promise<void>) => {
    await kb?.close();
    kb = null;
    await damage();
    logs = [];
    const next = await open();
    await next.recover();
    return next;
  };
  const search = (text: string, tenantId = 't1') =>
    kb!.search({ tenantId, text, limit: 10 }).then((hits) => hits.map((h) => h.text).join(' '));
  const tableDir = () => join(dataDir, 'lancedb', 'chunks__hashing_v2_64__64.lance');

  let payCard: string;
  let taxes: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wagechat-rebuild-'));
    store = openSqliteStore({ path: join(dataDir, 'test.db') });
    logs = [];
    const first = await open();
    const fact = 'A replacement pay card arrives within 7 business days.';
    await first.ingest({
      tenantId: 't1',
      filename: 'pay-card.pdf',
      bytes: await article('Pay card', fact),
    });
    // Version 2 of the same name: version 1 is superseded and must not come back.
    payCard = (
      await first.ingest({
        tenantId: 't1',
        filename: 'pay-card.pdf',
        bytes: await article('Pay card', 'A replacement pay card arrives within 5 business days.'),
      })
    ).documentId;
    taxes = (
      await first.ingest({
        tenantId: 't2',
        filename: 'taxes.pdf',
        bytes: await article('Taxes', 'Your W-2 form is ready in the app by January 31.'),
      })
    ).documentId;
  });
  afterEach(async () => {
    await kb?.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('rebuilds every live version from its original after the LanceDB folder is deleted', async () => {
    const before = await store.documents.list('t1');
    await kb!.close();
    kb = null;
    await rm(join(dataDir, 'lancedb'), { recursive: true });
    logs = [];
    await open();
    // Without recovery the records say live but the index is empty: the silent failure.
    expect(await search('replacement pay card days')).toBe('');
    await kb!.recover();

    expect(await search('replacement pay card days')).toContain('5 business days');
    expect(await search('replacement pay card days')).not.toContain('7 business days');
    expect(await search('W-2 form January', 't2')).toContain('January 31');
    const [doc] = await store.documents.list('t1');
    expect(doc).toMatchObject({ id: payCard, liveVersion: 2, live: { status: 'ready' } });
    expect(doc?.live?.chunkCount).toBe(before[0]?.live?.chunkCount);
    expect((await store.documents.getVersion(payCard, 1))?.status).toBe('superseded');
    const rebuilt = logs.filter((l) => l.msg === 'rebuilt live version from its original');
    expect(rebuilt.map((l) => l.documentId).sort()).toEqual([payCard, taxes].sort());
    expect(logs.find((l) => l.msg === 'search index repaired from stored originals')).toMatchObject(
      { rebuilt: 2, failed: 0, deferred: 0 },
    );
  });

  it('marks a version failed with a clear reason when its original is gone too', async () => {
    const lost = await store.documents.getVersion(taxes, 1);
    await reopen(async () => {
      await rm(join(dataDir, 'lancedb'), { recursive: true });
      await rm(join(dataDir, 'uploads', lost!.blobKey));
    });
    expect(await search('replacement pay card days')).toContain('5 business days');
    expect(await kb!.search({ tenantId: 't2', text: 'W-2 form January' })).toEqual([]);
    const [doc] = await store.documents.list('t2');
    // Not live any more: the record no longer claims a searchable version.
    expect(doc).toMatchObject({
      liveVersion: null,
      live: null,
      latest: { version: 1, status: 'failed', errorReason: 'original_missing' },
    });
    expect(doc?.latest.errorMessage).toMatch(/original file is missing.*Upload the document again/);
    expect(
      logs.some((l) => l.msg.includes('original file is missing') && l.documentId === taxes),
    ).toBe(true);
    // A second start has nothing left to repair.
    await reopen(async () => undefined);
    expect(logs.some((l) => l.msg === 'search index repaired from stored originals')).toBe(false);
  });

  it.each([
    [
      'data files',
      async (dir: string) => {
        for (const file of await readdir(join(dir, 'data'))) {
          await writeFile(join(dir, 'data', file), 'garbage');
        }
      },
    ],
    ['version manifests', (dir: string) => rm(join(dir, '_versions'), { recursive: true })],
  ])('recreates a table whose %s are damaged and rebuilds it', async (_, damage) => {
    await reopen(() => damage(tableDir()));
    expect(await search('replacement pay card days')).toContain('5 business days');
    expect(await search('W-2 form January', 't2')).toContain('January 31');
    expect(logs.filter((l) => /unreadable|damaged/.test(l.msg))).toHaveLength(1);
  });

  it('rebuilds only the version whose chunks are partly missing', async () => {
    const expected = (await store.documents.getVersion(payCard, 2))?.chunkCount;
    await reopen(async () => {
      const db = await lancedb.connect(join(dataDir, 'lancedb'));
      const table = await db.openTable('chunks__hashing_v2_64__64');
      await table.delete(`document_id = '${payCard}' AND ordinal = 0`);
      table.close();
      db.close();
    });
    const rebuilt = logs.filter((l) => l.msg === 'rebuilt live version from its original');
    expect(rebuilt.map((l) => l.documentId)).toEqual([payCard]);
    const db = await lancedb.connect(join(dataDir, 'lancedb'));
    const table = await db.openTable('chunks__hashing_v2_64__64');
    // Rebuilt whole, not doubled up with the rows that survived.
    expect(await table.countRows(`document_id = '${payCard}'`)).toBe(expected);
    table.close();
    expect(await search('replacement pay card days')).toContain('5 business days');
  });

  it('fails an interrupted ingest whose original is missing, keeping the live version', async () => {
    await store.documents.beginVersion({
      tenantId: 't1',
      filename: 'pay-card.pdf',
      title: 'Pay card',
      sha256: 'x',
      sizeBytes: 1,
      blobKey: 't1/never-written.pdf',
    });
    await reopen(async () => undefined);
    const [doc] = await store.documents.list('t1');
    expect(doc).toMatchObject({
      liveVersion: 2,
      latest: { version: 3, status: 'failed', errorReason: 'original_missing' },
    });
    expect(await search('replacement pay card days')).toContain('5 business days');
  });

  it('leaves a healthy index alone', async () => {
    await reopen(async () => undefined);
    expect(logs.some((l) => /rebuild/.test(l.msg))).toBe(false);
    expect(await search('replacement pay card days')).toContain('5 business days');
  });
});
