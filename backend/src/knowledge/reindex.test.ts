/** Switching the embedding model: a clean re-index into a new table, and a truthful record. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import type { Store } from '../store/types';
import { createHashingEmbedder } from './embedding/hashing-embedder';
import { chunkSchema } from './index/chunk-row';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { createTestPdf } from './pdf/test-pdfs';

const logger = pino({ level: 'silent' });

const article = (fee: string) =>
  createTestPdf({
    title: 'Instant pay',
    pages: [[{ h1: 'Instant pay' }, { p: `Each instant pay transfer costs ${fee}.` }]],
  });
const taxes = () =>
  createTestPdf({
    title: 'Taxes and W-2',
    pages: [[{ h1: 'Taxes' }, { p: 'Your W-2 form is ready in the app by January 31.' }]],
  });

describe('embedding model switch', () => {
  let dataDir: string;
  let store: Store;
  let kb: KnowledgeBase;

  const open = (dimension: number) =>
    createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder({ dimension }),
      logger,
      tuning: { extractWorkers: 1 },
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wagechat-reindex-'));
    store = openSqliteStore({ path: join(dataDir, 'test.db') });
    kb = await open(128);
  });
  afterEach(async () => {
    await kb.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('re-indexes into a separate table when the embedding model changes', async () => {
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$2.99') });
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$3.49') });
    await kb.ingest({ tenantId: 't1', filename: 'w2.pdf', bytes: await taxes() });
    const models = async () =>
      (await kb.listDocuments('t1')).map((d) => [d.name, d.live?.embeddingModel]);
    expect(await models()).toEqual([
      ['instant-pay.pdf', 'hashing-v2-128'],
      ['w2.pdf', 'hashing-v2-128'],
    ]);
    await kb.close();
    kb = await open(96);
    const [hit] = await kb.search({ tenantId: 't1', text: 'instant pay fee' });
    expect(hit?.text).toContain('$3.49');
    const lancedb = await import('@lancedb/lancedb');
    const names = await (await lancedb.connect(join(dataDir, 'lancedb'))).tableNames();
    expect(names).toEqual(['chunks__hashing_v2_96__96']);
    // The record tells the truth: the live versions' vectors now come from the new model.
    expect(await models()).toEqual([
      ['instant-pay.pdf', 'hashing-v2-96'],
      ['w2.pdf', 'hashing-v2-96'],
    ]);
    const [doc] = await kb.listDocuments('t1');
    // The superseded version was never re-embedded: it keeps the model it was indexed with.
    expect((await store.documents.getVersion(doc!.id, 1))?.embeddingModel).toBe('hashing-v2-128');
  });

  it('corrects a live version recorded with another model than the table holding it', async () => {
    const info = await kb.ingest({ tenantId: 't1', filename: 'w2.pdf', bytes: await taxes() });
    // What a re-index before this was recorded left behind.
    await store.documents.setEmbeddingModel(info.documentId, 1, 'text-embedding-3-small');
    await kb.recover();
    const [doc] = await kb.listDocuments('t1');
    expect(doc?.live?.embeddingModel).toBe('hashing-v2-128');
  });

  it('redoes a re-index that was interrupted half-way, from a cleared new table', async () => {
    const info = await kb.ingest({ tenantId: 't1', filename: 'w2.pdf', bytes: await taxes() });
    await kb.close();
    // What a crash mid-copy leaves: the new table exists with a partial (here bogus) copy
    // and the old table is still there.
    const lancedb = await import('@lancedb/lancedb');
    const db = await lancedb.connect(join(dataDir, 'lancedb'));
    const old = await db.openTable('chunks__hashing_v2_128__128');
    const [row] = await old.query().limit(1).toArray();
    const partial = await db.createEmptyTable('chunks__hashing_v2_96__96', chunkSchema(96));
    await partial.add([{ ...row, id: 'bogus', vector: Array.from({ length: 96 }, () => 0.1) }]);
    old.close();
    partial.close();
    db.close();

    kb = await open(96);
    const reopened = await lancedb.connect(join(dataDir, 'lancedb'));
    expect(await reopened.tableNames()).toEqual(['chunks__hashing_v2_96__96']);
    const table = await reopened.openTable('chunks__hashing_v2_96__96');
    expect(await table.countRows()).toBe(info.chunkCount);
    expect(await table.countRows("id = 'bogus'")).toBe(0);
    table.close();
    const [hit] = await kb.search({ tenantId: 't1', text: 'W-2 form January' });
    expect(hit?.text).toContain('January 31');
  });
});
