/**
 * The real server for bench:turn in a process of its own (as in production), connected to the
 * fake model at the URL given, with the demo knowledge base ingested. Prints its URL as one JSON
 * line once it listens; over IPC, answers `timings` with the [received, finished] of every chat
 * message request, in epoch milliseconds (Node's own HTTP diagnostics channels: from the
 * request's arrival to the response's last byte handed to the socket).
 * Args: openaiBaseUrl pdfDir
 */
import { subscribe } from 'node:diagnostics_channel';
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../backend/src/config';
import { seedDemoTenant } from '../../backend/src/deps';
import { ingestFiles, pdfsIn } from '../../backend/src/knowledge/ingest-files';
import { startServer } from '../../backend/src/main';

const [baseUrl = '', pdfDir = ''] = process.argv.slice(2);
const config = loadConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
  WAGECHAT_DATA_DIR: mkdtempSync(join(tmpdir(), 'wagechat-bench-turn-')),
  WAGECHAT_RATE_LIMIT_PER_MINUTE: '1000000',
  OPENAI_BASE_URL: baseUrl,
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
const epochNow = () => performance.timeOrigin + performance.now();
const received = new WeakMap<IncomingMessage, number>();
const turns: Array<[number, number]> = [];
const isTurn = (request: IncomingMessage) =>
  request.method === 'POST' && request.url === '/api/v1/chat/message';
subscribe('http.server.request.start', (message) => {
  const { request } = message as { request: IncomingMessage };
  if (isTurn(request)) received.set(request, epochNow());
});
subscribe('http.server.response.finish', (message) => {
  const { request } = message as { request: IncomingMessage };
  const start = received.get(request);
  if (start !== undefined) turns.push([start, epochNow()]);
});
process.on('message', (message) => {
  if (message === 'timings') process.send?.(turns);
  if (message === 'stop') void server.stop().then(() => process.exit(0));
});
console.log(JSON.stringify({ url: server.url.replace('localhost', '127.0.0.1') }));
