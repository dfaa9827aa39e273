/**
 * Server overhead of a connected-mode chat turn: everything except model time. The real server
 * (graph, model gate, SQLite, LanceDB, SSE) runs in this process on a loopback port, connected
 * to the fake OpenAI server streaming at a realistic pace (default 400 ms to first token, then
 * 50 tokens/s). Turns run one after another; each turn's model time is the union of the intervals
 * the fake spent answering its calls (classification, generation, grounding judgment), so
 * overhead = streamed turn wall time - model time (chat and embedding calls). Also prints the
 * process's CPU time per turn. Prints median and p95.
 * Usage: pnpm bench:turn [N] [--first-token-ms 400] [--tokens-per-second 50]
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../backend/src/config';
import { REPO_ROOT, seedDemoTenant } from '../backend/src/deps';
import { ingestFiles, pdfsIn } from '../backend/src/knowledge/ingest-files';
import { startServer } from '../backend/src/main';
import { startFakeOpenAI } from '../backend/src/testing/fake-openai';
import { renderKnowledgeBase } from '../demo/scripts/render-kb';

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

const fake = await startFakeOpenAI({
  firstTokenMs: Number(values['first-token-ms']),
  tokensPerSecond: Number(values['tokens-per-second']),
});
// A plausible model: it classifies as a question, answers in about 60 words citing passage 1,
// and judges the answer supported.
fake.respond((request) => {
  if (request.structured === 'classification')
    return {
      json: {
        intent: 'question',
        topic: 'general',
        sensitive: false,
        standalone_question: request.lastUser,
      },
    };
  if (request.structured === 'grounding')
    return { json: { supported: 0.9, unsupported_claims: [], answers_question: true } };
  return `${'According to the help centre, this is how it works for your pay and your card, step by step, with the timing and the fees that apply. '.repeat(2)}It is all on the page cited here [1].`;
});

const pdfDir = join(REPO_ROOT, 'demo/kb/pdf');
await renderKnowledgeBase(pdfDir);
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  WAGECHAT_DATA_DIR: mkdtempSync(join(tmpdir(), 'wagechat-bench-turn-')),
  WAGECHAT_RATE_LIMIT_PER_MINUTE: '1000000',
  OPENAI_BASE_URL: fake.url,
  // Every turn should reach the model: a cached answer would skip the work being measured.
  WAGECHAT_ANSWER_CACHE_TTL_MINUTES: '0',
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

const overhead: number[] = [];
const modelTime: number[] = [];
const firstToken: number[] = [];
const calls: number[] = [];
// CPU time of the whole process per turn (fake server included): less noisy than wall time on
// a busy machine, and an upper bound on what the server itself spent.
const cpuMs: number[] = [];
for (let i = 0; i < turns + WARM_UP; i++) {
  const seen = fake.chatRequests.length;
  const seenEmbeddings = fake.embeddingRequests.length;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
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
    if (!first && text.includes('event: token')) first = performance.now() - started;
  }
  const total = performance.now() - started;
  if (!text.includes('event: done')) throw new Error(`turn ${i} ended without done`);
  const cpu = process.cpuUsage(cpuBefore);
  const mine = fake.chatRequests.slice(seen);
  // Embedding the question is a model call too (remote in connected mode).
  const remote = [...mine, ...fake.embeddingRequests.slice(seenEmbeddings)];
  const spent = unionLength(remote.map((r) => [r.receivedAt ?? 0, r.finishedAt ?? 0]));
  if (i < WARM_UP) continue;
  overhead.push(total - spent);
  modelTime.push(spent);
  firstToken.push(first);
  calls.push(mine.length);
  cpuMs.push((cpu.user + cpu.system) / 1000);
}
await server.stop();
await fake.close();

const connected = calls.filter((n) => n > 0).length;
console.log(
  `connected chat turn, SSE over loopback, fake model at ${values['first-token-ms']} ms to first token and ${values['tokens-per-second']} tokens/s: ${turns} turns after ${WARM_UP} warm-up; ${connected} reached the model (${calls.reduce((a, b) => a + b, 0)} calls)`,
);
console.log(`  server overhead (turn - model time) ${summary(overhead)}`);
console.log(`  process CPU per turn               ${summary(cpuMs)}`);
console.log(`  model time                         ${summary(modelTime)}`);
console.log(`  first token                        ${summary(firstToken)}`);
