/**
 * Server overhead of a connected-mode chat turn: everything except model time. Three processes,
 * as in production: the real server (graph, model gate, SQLite, LanceDB, SSE) with the demo
 * knowledge base; the fake OpenAI server streaming at a realistic pace (default 400 ms to first
 * token, then 50 tokens/s); and this client. Turns run one after another. A turn's model time is
 * the union of the intervals the fake spent answering its calls (classification, generation,
 * grounding judgment, embedding the question). Overhead is measured twice: as the client sees
 * it (its fetch and SSE parsing and the loopback included: streamed turn wall time - model
 * time) and inside the server (the request's arrival to the response's last byte, minus model
 * time). Prints median and p95.
 * Usage: pnpm bench:turn [N] [--first-token-ms 400] [--tokens-per-second 50]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '../backend/src/deps';
import { renderKnowledgeBase } from '../demo/scripts/render-kb';
import { ask, startChild, stop } from './turn/child';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'first-token-ms': { type: 'string', default: '400' },
    'tokens-per-second': { type: 'string', default: '50' },
  },
});
const turns = Number(positionals[0] ?? 100);
const WARM_UP = 5;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const summary = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 10) / 10;
  return `median ${r(quantile(sorted, 0.5))} ms  p95 ${r(quantile(sorted, 0.95))} ms  max ${r(sorted.at(-1) ?? 0)} ms`;
};
/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes. */
const now = () => performance.timeOrigin + performance.now();

/** Total length of a set of [start, end] intervals, overlaps counted once. */
function unionLength(intervals: Array<[number, number]>): number {
  let total = 0;
  let reach = -Infinity;
  for (const [start, end] of [...intervals].sort((a, b) => a[0] - b[0])) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

const pdfDir = join(REPO_ROOT, 'demo/kb/pdf');
await renderKnowledgeBase(pdfDir);
const here = (file: string) => join(REPO_ROOT, 'bench/turn', file);
const model = await startChild<{ url: string }>(here('fake-model-process.ts'), [
  values['first-token-ms'],
  values['tokens-per-second'],
]);
const server = await startChild<{ url: string }>(here('server-process.ts'), [
  model.ready.url,
  pdfDir,
]);
const api = server.ready.url;
type Intervals = Array<[number, number]>;
const timings = () => ask<{ chat: Intervals; embeddings: Intervals }>(model.child, 'timings');

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

const overhead: number[] = [];
const insideServer: number[] = [];
const modelTime: number[] = [];
const firstToken: number[] = [];
// Where the overhead sits: before the first model call, between calls, after the last one.
const gaps = { before: [] as number[], between: [] as number[], after: [] as number[] };
let calls = 0;
for (let i = 0; i < turns + WARM_UP; i++) {
  const before = await timings();
  const started = now();
  const res = await fetch(`${api}/api/v1/chat/message`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      accept: 'text/event-stream',
    },
    body: JSON.stringify({ message: questions[i % questions.length] }),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  let first = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    text += chunk.value;
    if (!first && text.includes('event: token')) first = now() - started;
  }
  const total = now() - started;
  if (!text.includes('event: done')) throw new Error(`turn ${i} ended without done`);
  const after = await timings();
  const served = (await ask<Array<[number, number]>>(server.child, 'timings')).at(-1);
  if (!served) throw new Error(`turn ${i}: the server reported no request`);
  // This turn's calls: those the fake received since the last turn ended.
  const mine = [
    ...after.chat.slice(before.chat.length),
    ...after.embeddings.slice(before.embeddings.length),
  ];
  const spent = unionLength(mine);
  if (i < WARM_UP) continue;
  calls += after.chat.length - before.chat.length;
  overhead.push(total - spent);
  insideServer.push(served[1] - served[0] - spent);
  const sorted = [...mine].sort((a, b) => a[0] - b[0]);
  let reach = sorted[0]?.[1] ?? started;
  let between = 0;
  for (const [start, end] of sorted.slice(1)) {
    between += Math.max(0, start - reach);
    reach = Math.max(reach, end);
  }
  gaps.before.push((sorted[0]?.[0] ?? started) - started);
  gaps.between.push(between);
  gaps.after.push(started + total - reach);
  modelTime.push(spent);
  firstToken.push(first);
}
await stop(server.child);
await stop(model.child);

console.log(
  `connected chat turn, SSE over loopback, server, fake model and client in separate processes; model at ${values['first-token-ms']} ms to first token and ${values['tokens-per-second']} tokens/s: ${turns} turns after ${WARM_UP} warm-up, ${calls} chat model calls`,
);
console.log(`  overhead as the client sees it       ${summary(overhead)}`);
console.log(`  overhead inside the server           ${summary(insideServer)}`);
console.log(`    before the first model call      ${summary(gaps.before)}`);
console.log(`    between model calls              ${summary(gaps.between)}`);
console.log(`    after the last model call        ${summary(gaps.after)}`);
console.log(`  model time                         ${summary(modelTime)}`);
console.log(`  first token                        ${summary(firstToken)}`);
