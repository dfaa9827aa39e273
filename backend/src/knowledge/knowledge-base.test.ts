import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import type { Store } from '../store/types';
import { createHashingEmbedder } from './embedding/hashing-embedder';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';
import { createImageOnlyPdf, createTestPdf } from './pdf/test-pdfs';

const logger = pino({ level: 'silent' });

const article = (fee: string) =>
  createTestPdf({
    title: 'Instant pay',
    header: 'Brightwell Help Centre',
    footer: 'Brightwell Pay',
    pages: [
      [
        { h1: 'Instant pay' },
        { p: 'Instant pay moves wages you already earned to your card before payday.' },
        { h2: 'Fees' },
        { p: `Each instant pay transfer to an external debit card costs ${fee}.` },
      ],
      [
        { h2: 'Limits' },
        { p: 'You can take up to half of your approved wages, at most $200 a day.' },
      ],
    ],
  });

const taxes = () =>
  createTestPdf({
    title: 'Taxes and W-2',
    pages: [
      [{ h1: 'Taxes' }, { p: 'Your W-2 form is ready in the app by January 31 every year.' }],
    ],
  });

describe('createKnowledgeBase', () => {
  let dataDir: string;
  let store: Store;
  let kb: KnowledgeBase;

  const open = () =>
    createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder({ dimension: 128 }),
      logger,
      tuning: { extractWorkers: 1 },
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wagechat-kb-'));
    store = openSqliteStore({ path: join(dataDir, 'test.db') });
    kb = await open();
  });
  afterEach(async () => {
    await kb.close();
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('ingests a PDF and finds the passage with citation fields and both scores', async () => {
    const info = await kb.ingest({
      tenantId: 't1',
      filename: 'instant-pay.pdf',
      bytes: await article('$2.99'),
    });
    expect(info).toMatchObject({
      version: 1,
      replacedVersion: null,
      pageCount: 2,
      title: 'Instant pay',
    });
    expect(info.chunkCount).toBeGreaterThanOrEqual(2);
    const [hit] = await kb.search({ tenantId: 't1', text: 'how much is the instant pay fee?' });
    expect(hit).toMatchObject({
      title: 'Instant pay',
      page: 1,
      pageEnd: 1,
      section: 'Instant pay > Fees',
    });
    expect(hit?.text).toContain('costs $2.99');
    expect(hit?.text).not.toContain('Brightwell Help Centre');
    expect(hit?.vectorSimilarity).toBeGreaterThan(0);
    expect(hit?.vectorSimilarity).toBeLessThanOrEqual(1);
    expect(hit?.textScore).toBeGreaterThan(0);
  });

  it('settles: after the queued maintenance, a search ranks as it will after a restart', async () => {
    await kb.settled(); // nothing pending yet
    await Promise.all([
      kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$2.99') }),
      kb.ingest({ tenantId: 't1', filename: 'taxes.pdf', bytes: await taxes() }),
    ]);
    await kb.settled();
    const ranked = async () =>
      (await kb.search({ tenantId: 't1', text: 'when is my w2 form ready', limit: 5 })).map(
        (hit) => [hit.chunkId, hit.textScore],
      );
    const settledRanking = await ranked();
    expect(settledRanking[0]?.[1]).toBeGreaterThan(0);
    await kb.close();
    kb = await open();
    expect(await ranked()).toEqual(settledRanking);
  });

  it('keeps tenants apart and ignores empty or odd queries', async () => {
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$2.99') });
    expect(await kb.search({ tenantId: 't2', text: 'instant pay fee' })).toEqual([]);
    expect(await kb.search({ tenantId: 't1', text: '   ' })).toEqual([]);
    const odd = await kb.search({
      tenantId: 't1',
      text: 'fee" OR 1=1; -- (instant) AND:pay*',
      limit: 2,
    });
    expect(odd.length).toBeLessThanOrEqual(2);
  });

  it('replaces a document with a new version under the same name', async () => {
    const first = await kb.ingest({
      tenantId: 't1',
      filename: 'instant-pay.pdf',
      bytes: await article('$2.99'),
    });
    const second = await kb.ingest({
      tenantId: 't1',
      filename: 'instant-pay.pdf',
      bytes: await article('$3.49'),
    });
    expect(second).toMatchObject({ documentId: first.documentId, version: 2, replacedVersion: 1 });
    const hits = await kb.search({ tenantId: 't1', text: 'instant pay transfer fee', limit: 10 });
    expect(hits.every((h) => h.documentVersion === 2)).toBe(true);
    expect(hits.map((h) => h.text).join(' ')).toContain('$3.49');
    expect(hits.map((h) => h.text).join(' ')).not.toContain('$2.99');
    const [doc] = await kb.listDocuments('t1');
    expect(doc).toMatchObject({ liveVersion: 2, latest: { status: 'ready' } });
  });

  it('serves the old version, never a mix or a gap, while a new one is ingested', async () => {
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$2.99') });
    const seen = new Set<string>();
    let running = true;
    const searches = (async () => {
      let count = 0;
      while (running || count === 0) {
        const hits = await kb.search({
          tenantId: 't1',
          text: 'instant pay transfer fee',
          limit: 10,
        });
        const versions = new Set(hits.map((h) => h.documentVersion));
        // Every answer comes from exactly one complete version.
        expect(versions.size).toBe(1);
        const version = [...versions][0]!;
        const fee = hits.map((h) => h.text).join(' ');
        expect(fee).toContain(version === 1 ? '$2.99' : '$3.49');
        seen.add(String(version));
        count++;
      }
      return count;
    })();
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$3.49') });
    running = false;
    expect(await searches).toBeGreaterThan(1);
    const after = await kb.search({ tenantId: 't1', text: 'instant pay transfer fee' });
    expect(after[0]?.documentVersion).toBe(2);
    expect(seen.has('1')).toBe(true);
  });

  it.each([
    [
      'encrypted',
      'pdf_encrypted',
      422,
      () => createTestPdf({ userPassword: 'pw', pages: [[{ p: 'Secret words here for sure.' }]] }),
    ],
    ['scanned (no text)', 'pdf_no_text', 422, () => createImageOnlyPdf()],
    ['not a PDF', 'not_pdf', 415, async () => Buffer.from('<html>not a pdf</html>')],
    ['truncated', 'pdf_truncated', 422, async () => (await taxes()).subarray(0, 700)],
    [
      'corrupt',
      'pdf_invalid',
      422,
      async () => {
        const bytes = Buffer.from(await taxes());
        bytes.fill(0x20, 16, bytes.length - 16);
        return bytes;
      },
    ],
  ])(
    'rejects a %s file, records the failure and leaves the index alone',
    async (_, reason, status, make) => {
      await kb.ingest({
        tenantId: 't1',
        filename: 'instant-pay.pdf',
        bytes: await article('$2.99'),
      });
      const before = await kb.search({ tenantId: 't1', text: 'instant pay fee', limit: 10 });
      // Same name as the live document: the live version must keep serving.
      const error = await kb
        .ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await make() })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ status, details: { reason } });
      const [doc] = await kb.listDocuments('t1');
      expect(doc).toMatchObject({
        liveVersion: 1,
        latest: { version: 2, status: 'failed', errorReason: reason },
      });
      expect(await kb.search({ tenantId: 't1', text: 'instant pay fee', limit: 10 })).toEqual(
        before,
      );
    },
  );

  it('rejects an oversized file before reading it', async () => {
    const error = await kb
      .ingest({ tenantId: 't1', filename: 'big.pdf', bytes: await taxes(), maxBytes: 100 })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 413, details: { reason: 'too_large' } });
    const [doc] = await kb.listDocuments('t1');
    expect(doc).toMatchObject({
      liveVersion: null,
      latest: { status: 'failed', errorReason: 'too_large' },
    });
  });

  it('deletes a document and its chunks', async () => {
    const info = await kb.ingest({ tenantId: 't1', filename: 'w2.pdf', bytes: await taxes() });
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$2.99') });
    expect(await kb.deleteDocument('t1', info.documentId)).toBe(true);
    expect(await kb.deleteDocument('t1', info.documentId)).toBe(false);
    expect(await kb.deleteDocument('t2', 'nope')).toBe(false);
    const hits = await kb.search({ tenantId: 't1', text: 'W-2 form January', limit: 10 });
    expect(hits.some((h) => h.documentId === info.documentId)).toBe(false);
    expect(await kb.listDocuments('t1')).toHaveLength(1);
  });

  it('completes an ingest a crash interrupted, from the stored original', async () => {
    await kb.ingest({ tenantId: 't1', filename: 'instant-pay.pdf', bytes: await article('$2.99') });
    // Simulate a crash after the upload was accepted and stored, before indexing finished.
    const { createLocalBlobStore } = await import('./blob-store');
    await createLocalBlobStore(join(dataDir, 'uploads')).put(
      't1/crashed.pdf',
      await article('$3.49'),
    );
    await store.documents.beginVersion({
      tenantId: 't1',
      filename: 'instant-pay.pdf',
      title: 'Instant pay',
      sha256: 'x',
      sizeBytes: 1,
      blobKey: 't1/crashed.pdf',
    });
    // The previous version keeps serving meanwhile.
    expect((await kb.search({ tenantId: 't1', text: 'instant pay fee' }))[0]?.documentVersion).toBe(
      1,
    );
    await kb.close();
    kb = await open();
    await kb.recover();
    const [doc] = await kb.listDocuments('t1');
    expect(doc).toMatchObject({ liveVersion: 2, latest: { status: 'ready' } });
    const hits = await kb.search({ tenantId: 't1', text: 'instant pay transfer fee', limit: 10 });
    expect(hits.map((h) => h.text).join(' ')).toContain('$3.49');
    expect(hits.every((h) => h.documentVersion === 2)).toBe(true);
  });

  it('builds a cosine ANN index once the table is large enough and still finds passages', async () => {
    await kb.close();
    kb = await createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder({ dimension: 128 }),
      logger,
      tuning: {
        extractWorkers: 1,
        annMinRows: 25,
        chunking: { targetChars: 200, maxChars: 300, overlapChars: 0 },
      },
    });
    const topics = [
      'pay card',
      'direct deposit',
      'tip payouts',
      'instant pay',
      'taxes',
      'security',
    ];
    const pages = Array.from({ length: 6 }, (_, page) => [
      { h1: `Topic ${topics[page]}` },
      ...Array.from({ length: 10 }, (_, i) => ({
        p: `Paragraph ${i} about ${topics[page]} explains rule ${page * 10 + i} in plain words for workers.`,
      })),
    ]);
    const info = await kb.ingest({
      tenantId: 't1',
      filename: 'many.pdf',
      bytes: await createTestPdf({ pages }),
    });
    expect(info.chunkCount).toBeGreaterThanOrEqual(25);
    await kb.close(); // waits for the background maintenance that builds the index
    kb = await open();
    const lancedb = await import('@lancedb/lancedb');
    const table = await (await lancedb.connect(join(dataDir, 'lancedb'))).openTable(
      'chunks__hashing_v2_128__128',
    );
    const vectorIndex = (await table.listIndices()).find((i) => i.columns.includes('vector'));
    expect(vectorIndex?.indexType).toMatch(/HNSW/i);
    // Queries use cosine; an index of another metric would be skipped for a full scan.
    const stats = await table.indexStats(vectorIndex!.name);
    expect(stats?.distanceType).toBe('cosine');
    table.close();
    const [hit] = await kb.search({ tenantId: 't1', text: 'direct deposit rule 13' });
    expect(hit?.text).toContain('rule 13');
    expect(hit?.vectorSimilarity).toBeGreaterThan(0.3);
  });
});
