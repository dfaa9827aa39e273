import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../errors';
import { createHttpAccountLookup } from './http-account-lookup';

type Reply = { status: number; body?: unknown } | 'hang';

/** A stand-in payout system: records requests, answers each path with what the test set. */
async function startPayoutSystem() {
  const requests: IncomingMessage[] = [];
  const replies = new Map<string, Reply>();
  const server: Server = createServer((req, res) => {
    requests.push(req);
    const reply = replies.get(new URL(req.url ?? '/', 'http://x').pathname) ?? { status: 404 };
    if (reply === 'hang') return;
    res.writeHead(reply.status, { 'content-type': 'application/json' });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/`,
    requests,
    reply: (path: string, r: Reply) => replies.set(`/v1/accounts/${path}`, r),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const account = { tenantId: 'tenant-7', subject: 'user/42' };
const payout = {
  id: 'po_1',
  amountCents: 8420,
  currency: 'USD',
  kind: 'tips',
  status: 'scheduled',
  scheduledFor: '2026-12-02',
  paidAt: null,
  destination: 'pay_card',
  failureReason: null,
};

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

describe('createHttpAccountLookup against a local payout system', () => {
  let api: Awaited<ReturnType<typeof startPayoutSystem>>;
  beforeEach(async () => {
    api = await startPayoutSystem();
  });
  afterEach(async () => {
    await api.close();
  });
  const lookup = (timeoutMs = 2000) =>
    createHttpAccountLookup({ url: api.url, token: 'svc-secret-token', timeoutMs });

  it('sends the bearer token and tenant, escapes the subject, and returns validated data', async () => {
    api.reply('user%2F42/payouts', {
      status: 200,
      body: { payouts: [{ ...payout, internalNote: 'dropped' }] },
    });
    api.reply('user%2F42/pay-card', {
      status: 200,
      body: { last4: '4821', status: 'active', shippedAt: null },
    });
    api.reply('user%2F42/direct-deposit', {
      status: 200,
      body: { status: 'active', bankName: 'First Harbor', accountLast4: '3310', since: null },
    });
    const payouts = await lookup().recentPayouts(account, 3);
    expect(payouts).toEqual([payout]);
    expect(await lookup().payCard(account)).toEqual({
      last4: '4821',
      status: 'active',
      shippedAt: null,
    });
    expect(await lookup().directDeposit(account)).toMatchObject({ accountLast4: '3310' });
    const first = api.requests[0]!;
    expect(first.url).toBe('/v1/accounts/user%2F42/payouts?limit=3');
    expect(first.headers.authorization).toBe('Bearer svc-secret-token');
    expect(first.headers['x-tenant-id']).toBe('tenant-7');
  });

  it('answers 404 with an empty list or null', async () => {
    expect(await lookup().recentPayouts(account)).toEqual([]);
    expect(await lookup().payCard(account)).toBeNull();
    expect(await lookup().directDeposit(account)).toBeNull();
  });

  it('turns a malformed body into a clear error that carries no account data or token', async () => {
    api.reply('user%2F42/payouts', {
      status: 200,
      body: { payouts: [{ ...payout, amountCents: '84.20 SSN 123-45-6789' }] },
    });
    api.reply('user%2F42/pay-card', { status: 200, body: '<html>oops' });
    const bad = await failure(lookup().recentPayouts(account));
    expect(bad).toMatchObject({ code: 'unavailable', status: 503 });
    expect(bad.details).toEqual({
      service: 'accounts',
      reason: 'malformed_response',
      fields: ['payouts.0.amountCents'],
    });
    const serialised = JSON.stringify({ m: bad.message, d: bad.details, c: String(bad.cause) });
    expect(serialised).not.toMatch(/123-45-6789|svc-secret-token|user/);
    const notJson = await failure(lookup().payCard(account));
    expect(notJson.details).toMatchObject({ reason: 'malformed_response' });
  });

  it('reports a 500 by status and a hang as a timeout', async () => {
    api.reply('user%2F42/pay-card', { status: 500, body: { error: 'boom' } });
    api.reply('user%2F42/direct-deposit', 'hang');
    const broken = await failure(lookup().payCard(account));
    expect(broken.details).toEqual({ service: 'accounts', reason: 'status', status: 500 });
    const started = Date.now();
    const slow = await failure(lookup(150).directDeposit(account));
    expect(slow.details).toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('reports an unreachable service without its address', async () => {
    await api.close();
    const down = await failure(lookup().payCard(account));
    expect(down.details).toMatchObject({ reason: 'network' });
    expect(down.message).not.toContain('127.0.0.1');
  });
});
