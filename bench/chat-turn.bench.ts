/**
 * Server time of a chat turn in the embedded default (offline agent, SQLite, LanceDB),
 * driven in-process through the real app with the demo knowledge base ingested.
 * Prints median and p95 of the whole request (routing, auth, retrieval, composition,
 * storage, audit) and of the server's own response_time_ms. Usage: pnpm bench:chat [N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../backend/src/app';
import { createTestDeps, REPO_ROOT } from '../backend/src/deps';
import { ingestFiles, pdfsIn } from '../backend/src/knowledge/ingest-files';
import { renderKnowledgeBase } from '../demo/scripts/render-kb';

const requests = Number(process.argv[2] ?? 300);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

const pdfDir = join(REPO_ROOT, 'demo/kb/pdf');
await renderKnowledgeBase(pdfDir);
const deps = await createTestDeps({ WAGECHAT_RATE_LIMIT_PER_MINUTE: '1000000' });
await ingestFiles(deps.knowledge, 'demo', await pdfsIn([pdfDir]), {
  log() {},
  error: console.error,
});
const app = createApp(deps);

const questions = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'demo/kb/eval/retrieval.json'), 'utf8')) as Array<{
    question: string;
  }>
).map((q) => q.question);

const session = await app.request('/api/v1/auth/session', {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"tenant":"demo"}',
});
const { token } = (await session.json()) as { token: string };

const wall: number[] = [];
const server: number[] = [];
let escalated = 0;
for (let i = 0; i < requests + 20; i++) {
  const started = performance.now();
  const res = await app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ message: questions[i % questions.length] }),
  });
  const body = (await res.json()) as { response_time_ms: number; escalation: unknown };
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`request ${i} answered ${res.status}`);
  if (i < 20) continue; // warm-up: JIT, SQLite page cache, LanceDB index load
  wall.push(elapsed);
  server.push(body.response_time_ms);
  if (body.escalation) escalated += 1;
}
await deps.close();

wall.sort((a, b) => a - b);
server.sort((a, b) => a - b);
console.log(
  `chat turn, offline mode, ${requests} requests over ${questions.length} distinct questions (after 20 warm-up)`,
);
console.log(
  `  request time      median ${round(quantile(wall, 0.5))} ms  p95 ${round(quantile(wall, 0.95))} ms  max ${round(wall.at(-1) ?? 0)} ms`,
);
console.log(
  `  response_time_ms  median ${quantile(server, 0.5)} ms  p95 ${quantile(server, 0.95)} ms`,
);
console.log(`  escalated ${escalated} of ${requests}`);
