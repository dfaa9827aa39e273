/**
 * The cost of field encryption (AES-256-GCM, security/field-crypto.ts) on a chat turn.
 * 1. Crypto alone: per turn, encrypt the user's message (~240 chars) and the answer (~1,100
 *    chars), and decrypt a 20-message history, vs the same pass-through without encryption.
 * 2. End to end on a real SQLite file (WAL, as served): `store.turns.record` (answer + audit in
 *    one transaction) then `store.messages.list` of the newest 20, with and without crypto.
 *    The two stores alternate turn by turn so machine noise hits both alike.
 * Prints p50/p95 per turn; asserts nothing.
 * Usage: pnpm bench:crypto [iterations=2000]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFieldCrypto, type FieldCipher } from '../backend/src/security/field-crypto';
import { parseKeyring } from '../backend/src/security/keyring';
import { openSqliteStore } from '../backend/src/store/sqlite/open';
import type { Store, TurnRecord } from '../backend/src/store/types';

const iterations = Number(process.argv[2] ?? 2000);
const WARM_UP = 100;
const HISTORY = 20;

const USER_MESSAGE =
  'Hi, my payout for last week still shows as pending in the app and it was supposed to land on Friday. I switched my direct deposit to a new bank two weeks ago, could that be why? What should I do?';
const ANSWER = `${'Payouts to a newly added bank account can take one extra business day while the account is verified. '.repeat(8)}If it has not arrived by Tuesday, contact support with the payout id.`;
const history = Array.from({ length: HISTORY }, (_, i) => (i % 2 === 0 ? USER_MESSAGE : ANSWER));

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const stats = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95) };
};
const ms = (n: number) => `${n.toFixed(3)} ms`;
const row = (label: string, plain: number[], enc: number[]) => {
  const p = stats(plain);
  const e = stats(enc);
  console.log(
    `${label.padEnd(34)} plain p50 ${ms(p.p50)}  p95 ${ms(p.p95)}   encrypted p50 ${ms(e.p50)}  p95 ${ms(e.p95)}   added p50 ${ms(e.p50 - p.p50)}  p95 ${ms(e.p95 - p.p95)}`,
  );
};
const now = () => Number(process.hrtime.bigint()) / 1e6;

const crypto = createFieldCrypto(
  parseKeyring(`bench:${randomBytes(32).toString('base64')}`, 'bench'),
);
const PLAIN: FieldCipher = { encrypt: (t) => t, decrypt: (s) => s };

// 1. Crypto alone.
function cryptoTurn(cipher: FieldCipher, stored: string[]): number {
  const start = now();
  let sink = cipher.encrypt(USER_MESSAGE).length + cipher.encrypt(ANSWER).length;
  for (const value of stored) sink += cipher.decrypt(value).length;
  const elapsed = now() - start;
  if (sink < 0) console.log(sink); // keeps the work observable
  return elapsed;
}
const messageText = crypto.forField('messages.text');
const storedEncrypted = history.map((t) => messageText.encrypt(t));
const plainTimes: number[] = [];
const encTimes: number[] = [];
for (let i = 0; i < iterations + WARM_UP; i++) {
  const p = cryptoTurn(PLAIN, history);
  const e = cryptoTurn(messageText, storedEncrypted);
  if (i >= WARM_UP) {
    plainTimes.push(p);
    encTimes.push(e);
  }
}
console.log(
  `Field encryption cost per chat turn, ${iterations} turns (after ${WARM_UP} warm-up); load average ${loadavg()[0]?.toFixed(1)}:`,
);
row('encrypt 2 + decrypt 20 messages', plainTimes, encTimes);

// 2. End to end on SQLite files.
async function openWithThread(path: string, withCrypto: boolean) {
  const store = openSqliteStore({ path, ...(withCrypto ? { crypto } : {}) });
  await store.tenants.upsert({ id: 't', name: 'T', allowedOrigins: [], allowLocalhost: false });
  const { id } = await store.conversations.create({ tenantId: 't', subject: 'visitor-1' });
  for (const text of history)
    await store.messages.append({
      conversationId: id,
      tenantId: 't',
      role: 'user',
      text,
      citations: [],
      confidence: null,
      responseTimeMs: null,
    });
  return { store, conversationId: id };
}
const turn = (conversationId: string): TurnRecord => ({
  answer: {
    conversationId,
    tenantId: 't',
    role: 'assistant',
    text: ANSWER,
    citations: [],
    confidence: 0.8,
    responseTimeMs: 900,
  },
  status: null,
  audit: {
    tenantId: 't',
    actorType: 'visitor',
    actorId: 'visitor-1',
    action: 'chat.message',
    resourceType: 'conversation',
    resourceId: conversationId,
    details: { outcome: 'answered' },
    ip: null,
    userAgent: null,
  },
});
async function storeTurn(store: Store, conversationId: string): Promise<number> {
  const start = now();
  await store.turns.record(turn(conversationId));
  const list = await store.messages.list('t', conversationId, HISTORY);
  const elapsed = now() - start;
  if (list.length !== HISTORY) throw new Error('unexpected history length');
  return elapsed;
}
const dir = mkdtempSync(join(tmpdir(), 'wagechat-crypto-bench-'));
const plain = await openWithThread(join(dir, 'plain.db'), false);
const encrypted = await openWithThread(join(dir, 'encrypted.db'), true);
const plainStore: number[] = [];
const encStore: number[] = [];
for (let i = 0; i < iterations + WARM_UP; i++) {
  const first = i % 2 === 0;
  const a = await storeTurn(
    first ? plain.store : encrypted.store,
    first ? plain.conversationId : encrypted.conversationId,
  );
  const b = await storeTurn(
    first ? encrypted.store : plain.store,
    first ? encrypted.conversationId : plain.conversationId,
  );
  if (i < WARM_UP) continue;
  plainStore.push(first ? a : b);
  encStore.push(first ? b : a);
}
row('turns.record + messages.list(20)', plainStore, encStore);
await plain.store.close();
await encrypted.store.close();
rmSync(dir, { recursive: true, force: true });
