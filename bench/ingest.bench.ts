/**
 * Ingest benchmark: the 50-PDF scale fixture into a fresh knowledge base (offline
 * embedder), then a re-ingest of one changed document. Prints wall time, peak RSS and the
 * worst event-loop delay seen while ingesting (chat shares that loop), then the start-up cost
 * of recovery on a healthy index and after the LanceDB folder is lost. Asserts nothing.
 *
 *   pnpm bench:ingest
 * The fixture is generated into bench/.fixtures/ on first use.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHashingEmbedder } from '../backend/src/knowledge/embedding/hashing-embedder';
import { createKnowledgeBase } from '../backend/src/knowledge/knowledge-base';
import { createLogger } from '../backend/src/logger';
import { openSqliteStore } from '../backend/src/store/sqlite/open';

const fixtures = new URL('./.fixtures/', import.meta.url).pathname;
const scaleDir = join(fixtures, 'scale');
const changedDir = join(fixtures, 'scale-changed');

if (!existsSync(scaleDir) || (await readdir(scaleDir)).length < 50) {
  console.log('generating the scale fixture (first run)...');
  const { generateScaleFixture } = (await import('./fixtures/generate-scale-fixture')) as {
    generateScaleFixture: (outDir?: string) => Promise<unknown>;
  };
  await generateScaleFixture(scaleDir);
}

const files = (await readdir(scaleDir)).filter((f) => f.endsWith('.pdf')).sort();
let totalBytes = 0;
for (const f of files) totalBytes += (await stat(join(scaleDir, f))).size;

const dataDir = await mkdtemp(join(tmpdir(), 'wagechat-bench-ingest-'));
const store = openSqliteStore({ path: join(dataDir, 'wagechat.db') });
const kb = await createKnowledgeBase({
  dataDir,
  documents: store.documents,
  embedder: createHashingEmbedder(),
  logger: createLogger('warn'),
});

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
const delay = monitorEventLoopDelay({ resolution: 10 });

try {
  delay.enable();
  const started = performance.now();
  const results = await Promise.all(
    files.map(async (file) =>
      kb.ingest({ tenantId: 'bench', filename: file, bytes: await readFile(join(scaleDir, file)) }),
    ),
  );
  const fullMs = performance.now() - started;
  delay.disable();
  const chunks = results.reduce((n, r) => n + r.chunkCount, 0);
  const pages = results.reduce((n, r) => n + r.pageCount, 0);
  console.log(
    `full ingest: ${files.length} PDFs, ${mb(totalBytes)}, ${pages} pages, ${chunks} chunks in ${(fullMs / 1000).toFixed(1)} s`,
  );
  // The histogram holds whole timer intervals; subtract the 10 ms resolution to get the lag.
  const lag = (ns: number) => `${Math.max(0, ns / 1e6 - 10).toFixed(1)} ms`;
  console.log(
    `event-loop lag during ingest: max ${lag(delay.max)}, p99 ${lag(delay.percentile(99))}, mean ${lag(delay.mean)}`,
  );

  const changed = existsSync(changedDir)
    ? (await readdir(changedDir)).filter((f) => f.endsWith('.pdf'))[0]
    : undefined;
  if (changed) {
    const bytes = await readFile(join(changedDir, changed));
    const reStarted = performance.now();
    const info = await kb.ingest({ tenantId: 'bench', filename: changed, bytes });
    console.log(
      `re-ingest of changed ${changed} (${mb(bytes.length)}, ${info.pageCount} pages, ${info.chunkCount} chunks): ${((performance.now() - reStarted) / 1000).toFixed(2)} s -> version ${info.version}`,
    );
  } else {
    console.log('re-ingest: skipped (no bench/.fixtures/scale-changed/)');
  }
  const closing = performance.now();
  await kb.close();
  console.log(
    `background index maintenance finished ${((performance.now() - closing) / 1000).toFixed(1)} s later`,
  );
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
  console.log(`peak RSS: ${mb(peakRss)}`);

  // recover() runs at every start: what its check costs on a healthy index, and how long
  // a start takes to rebuild everything from the originals after the LanceDB folder is lost.
  const reopen = async () => {
    const opened = performance.now();
    const next = await createKnowledgeBase({
      dataDir,
      documents: store.documents,
      embedder: createHashingEmbedder(),
      logger: createLogger('silent'),
    });
    await next.recover();
    const seconds = ((performance.now() - opened) / 1000).toFixed(2);
    await next.close();
    return seconds;
  };
  console.log(`start with a healthy index (open + recover): ${await reopen()} s`);
  await rm(join(dataDir, 'lancedb'), { recursive: true });
  console.log(
    `start after losing the LanceDB folder (rebuild ${files.length} documents from originals): ${await reopen()} s`,
  );
} finally {
  clearInterval(sampler);
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
