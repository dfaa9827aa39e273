/**
 * Retrieval quality over the demo knowledge base: recall@1, recall@5 and MRR for the
 * questions in demo/kb/eval/retrieval.json. A hit counts when it comes from the expected
 * document and its page range covers the expected page. Prints numbers; asserts nothing.
 *
 *   pnpm eval:retrieval            (offline embedder; OPENAI_* is not read here)
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHashingEmbedder } from '../backend/src/knowledge/embedding/hashing-embedder';
import { createKnowledgeBase } from '../backend/src/knowledge/knowledge-base';
import { createLogger } from '../backend/src/logger';
import { openSqliteStore } from '../backend/src/store/sqlite/open';

interface EvalCase {
  question: string;
  document: string;
  page: number;
}

const root = new URL('..', import.meta.url).pathname;
const pdfDir = join(root, 'demo/kb/pdf');
const cases = JSON.parse(
  await readFile(join(root, 'demo/kb/eval/retrieval.json'), 'utf8'),
) as EvalCase[];
const dataDir = await mkdtemp(join(tmpdir(), 'wagechat-eval-'));
const store = openSqliteStore({ path: ':memory:' });
const kb = await createKnowledgeBase({
  dataDir,
  documents: store.documents,
  embedder: createHashingEmbedder(),
  logger: createLogger('warn'),
});
try {
  const files = (await readdir(pdfDir)).filter((f) => f.endsWith('.pdf')).sort();
  if (files.length === 0)
    throw new Error(`No PDFs in ${pdfDir}: run pnpm --filter @wagechat/demo build`);
  for (const file of files) {
    await kb.ingest({
      tenantId: 'eval',
      filename: file,
      bytes: await readFile(join(pdfDir, file)),
    });
  }
  // Asked of the index as it stays, not mid-maintenance: the same PDFs always score the same.
  await kb.settled();
  const names = new Map((await kb.listDocuments('eval')).map((d) => [d.id, d.name]));
  let top1 = 0;
  let top5 = 0;
  let reciprocal = 0;
  const misses: string[] = [];
  for (const c of cases) {
    const hits = await kb.search({ tenantId: 'eval', text: c.question, limit: 5 });
    const rank = hits.findIndex(
      (h) => names.get(h.documentId) === c.document && h.page <= c.page && c.page <= h.pageEnd,
    );
    if (rank === 0) top1++;
    if (rank >= 0) {
      top5++;
      reciprocal += 1 / (rank + 1);
    } else {
      const got = hits.slice(0, 2).map((h) => `${names.get(h.documentId)} p${h.page}-${h.pageEnd}`);
      misses.push(`  "${c.question}" -> want ${c.document} p${c.page}; got ${got.join(', ')}`);
    }
  }
  const n = cases.length;
  console.log(`retrieval eval: ${n} questions over ${files.length} documents (offline embedder)`);
  console.log(
    `recall@1 ${(top1 / n).toFixed(3)}  recall@5 ${(top5 / n).toFixed(3)}  MRR ${(reciprocal / n).toFixed(3)}`,
  );
  if (misses.length > 0) console.log(`missed in top 5:\n${misses.join('\n')}`);
} finally {
  await kb.close();
  await store.close();
  await rm(dataDir, { recursive: true, force: true });
}
