/**
 * Server time of a chat turn in the embedded default (offline agent, SQLite, LanceDB): the
 * real server on a loopback port with the demo knowledge base ingested, asked the eval
 * questions one after another, as JSON and as an SSE stream. Prints median and p95 of the
 * round trip, of the first streamed token, and of the server's own response_time_ms.
 * Usage: pnpm bench:chat [N]   (N requests per mode, default 300)
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../backend/src/config';
import { REPO_ROOT, seedDemoTenant } from '../backend/src/deps';
import { ingestFiles, pdfsIn } from '../backend/src/knowledge/ingest-files';
import { startServer } from '../backend/src/main';
import { renderKnowledgeBase } from '../demo/scripts/render-kb';

const requests = Number(process.argv[2] ?? 300);
const WARM_UP = 20;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return `median ${r(quantile(sorted, 0.5))} ms  p95 ${r(quantile(sorted, 0.95))} ms  max ${r(sorted.at(-1) ?? 0)} ms`;
};

const pdfDir = join(REPO_ROOT, 'demo/kb/pdf');
await renderKnowledgeBase(pdfDir);
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  WAGECHAT_DATA_DIR: mkdtempSync(join(tmpdir(), 'wagechat-bench-')),
  WAGECHAT_RATE_LIMIT_PER_MINUTE: '1000000',
});
const server = await startServer(config, async (deps) => {
  await seedDemoTenant(deps.store);
  await ingestFiles(deps.knowledge, 'demo', await pdfsIn([pdfDir]), {
    log() {},
    error: console.error,
  });
});
const api = server.url.replace('localhost', '127.0.0.1');
const questions = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'demo/kb/eval/retrieval.json'), 'utf8')) as Array<{
    question: string;
  }>
).map((q) => q.question);
const session = await fetch(`${api}/api/v1/auth/session`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: '{"tenant":"demo"}',
});
const { token } = (await session.json()) as { token: string };
const ask = (i: number, accept: string) =>
  fetch(`${api}/api/v1/chat/message`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept },
    body: JSON.stringify({ message: questions[i % questions.length] }),
  });

const json = { roundTrip: [] as number[], server: [] as number[] };
for (let i = 0; i < requests + WARM_UP; i++) {
  const started = performance.now();
  const res = await ask(i, 'application/json');
  const body = (await res.json()) as { response_time_ms: number };
  if (res.status !== 200) throw new Error(`request ${i} answered ${res.status}`);
  if (i < WARM_UP) continue;
  json.roundTrip.push(performance.now() - started);
  json.server.push(body.response_time_ms);
}

const sse = { firstToken: [] as number[], complete: [] as number[] };
for (let i = 0; i < requests + WARM_UP; i++) {
  const started = performance.now();
  const res = await ask(i, 'text/event-stream');
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let firstToken = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += chunk.value;
    if (!firstToken && text.includes('event: token')) firstToken = performance.now() - started;
  }
  if (!text.includes('event: done')) throw new Error(`stream ${i} ended without done`);
  if (i < WARM_UP) continue;
  sse.firstToken.push(firstToken);
  sse.complete.push(performance.now() - started);
}
await server.stop();

console.log(
  `chat turn over HTTP on loopback, offline mode: ${requests} requests per mode, ${questions.length} distinct questions, after ${WARM_UP} warm-up`,
);
console.log(`  JSON   round trip       ${summary(json.roundTrip)}`);
console.log(`  JSON   response_time_ms ${summary(json.server)}`);
console.log(`  SSE    first token      ${summary(sse.firstToken)}`);
console.log(`  SSE    complete stream  ${summary(sse.complete)}`);
