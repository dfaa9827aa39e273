/**
 * Hybrid search latency: p50/p95/p99 over 1,520 queries against the 50-PDF scale fixture
 * plus the demo help centre (about 6,500 chunks, so the HNSW index is on), sequential,
 * after a 50-query warm-up. Asserts nothing.
 *
 *   pnpm bench:search
 * Needs the scale fixture (run pnpm bench:ingest once, which generates it).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashingEmbedder } from '../backend/src/knowledge/embedding/hashing-embedder';
import { createKnowledgeBase, type KnowledgeBase } from '../backend/src/knowledge/knowledge-base';
import { createLogger } from '../backend/src/logger';
import { openSqliteStore } from '../backend/src/store/sqlite/open';

const root = new URL('..', import.meta.url).pathname;
const dirs = [join(root, 'bench/.fixtures/scale'), join(root, 'demo/kb/pdf')];
const questions = (
  JSON.parse(await readFile(join(root, 'demo/kb/eval/retrieval.json'), 'utf8')) as {
    question: string;
  }[]
).map((q) => q.question);
const extras = ['', ' please', ' today', ' for my account', ' on the app'];
const queries = Array.from(
  { length: 1520 },
  (_, i) =>
    `${questions[i % questions.length]}${extras[Math.floor(i / questions.length) % extras.length]}`,
);

const dataDir = await mkdtemp(join(tmpdir(), 'wagechat-bench-search-'));
const store = openSqliteStore({ path: join(dataDir, 'wagechat.db') });
const logger = createLogger('warn');
const embedder = createHashingEmbedder();
const open = () => createKnowledgeBase({ dataDir, documents: store.documents, embedder, logger });

async function measure(kb: KnowledgeBase, label: string) {
  for (const q of queries.slice(0, 50)) await kb.search({ tenantId: 'bench', text: q });
  const times: number[] = [];
  for (const text of queries) {
    const started = performance.now();
    await kb.search({ tenantId: 'bench', text, limit: 5 });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
  console.log(
    `${label}: ${times.length} queries  p50 ${at(50)} ms  p95 ${at(95)} ms  p99 ${at(99)} ms  max ${times.at(-1)!.toFixed(2)} ms`,
  );
}

try {
  let kb = await open();
  let chunks = 0;
  for (const dir of dirs) {
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) =>
      f.endsWith('.pdf'),
    );
    if (files.length === 0) console.log(`(no PDFs in ${dir})`);
    const results = await Promise.all(
      files.map(async (f) =>
        kb.ingest({ tenantId: 'bench', filename: f, bytes: await readFile(join(dir, f)) }),
      ),
    );
    chunks += results.reduce((n, r) => n + r.chunkCount, 0);
  }
  // Reopen as a server would after a restart; recover() also waits for index maintenance.
  await kb.close();
  kb = await open();
  await kb.recover();
  console.log(`index: ${chunks} chunks`);
  await measure(kb, 'hybrid search (vector + BM25, RRF)');
  await kb.close();
} finally {
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
