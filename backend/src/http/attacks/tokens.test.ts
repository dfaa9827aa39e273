/**
 * Token attacks through the whole app (`app.request()`): each asserts the status, the error
 * code, and that the answer leaks nothing (no token, no secret, no stack).
 */
import { exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';
import { createTokenService, type TokenService } from '../../security/session-tokens';
import {
  createSigningKey,
  type JwksServer,
  signWith,
  startJwksServer,
  type TestSigningKey,
} from '../../testing/jwks/jwks-server';

const PORTAL = 'https://portal.acme.example';
const EVIL = 'https://evil.example';
const ACME_SECRET = 'acme-portal-hs256-secret-0123456789abcdef';
const BETA_SECRET = 'beta-portal-hs256-secret-0123456789abcdef';
const SESSION_SECRET = 'server-session-secret-0123456789abcdef-xyz';
const acme = { issuer: 'https://portal.acme.example', audience: 'wagechat' };
const idp = { issuer: 'https://login.corp.example', audience: 'wagechat-admin' };

let deps: Deps;
let app: ReturnType<typeof createApp>;
let tokens: TokenService;
let portalJwks: JwksServer;
let idpJwks: JwksServer;
let portalKey: TestSigningKey;
let idpKey: TestSigningKey;

beforeAll(async () => {
  deps = await createTestDeps({ WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE: '1000' });
  portalKey = await createSigningKey('acme-1');
  idpKey = await createSigningKey('idp-1');
  portalJwks = await startJwksServer([portalKey]);
  idpJwks = await startJwksServer([idpKey]);
  await deps.store.tenants.upsert({
    id: 'acme',
    name: 'Acme',
    allowedOrigins: [PORTAL],
    allowLocalhost: false,
    auth: {
      ...acme,
      hs256Secret: ACME_SECRET,
      jwksUrl: portalJwks.url,
      algorithms: ['HS256', 'RS256'],
    },
  });
  await deps.store.tenants.upsert({
    id: 'beta',
    name: 'Beta',
    allowedOrigins: [PORTAL],
    allowLocalhost: false,
    auth: { ...acme, hs256Secret: BETA_SECRET, jwksUrl: null, algorithms: ['HS256'] },
  });
  tokens = createTokenService({
    secret: SESSION_SECRET,
    visitorTtlSeconds: 600,
    adminIdentity: { jwksUrl: idpJwks.url, ...idp },
  });
  app = createApp({ ...deps, tokens });
});
afterAll(async () => {
  await deps.close();
  await portalJwks.close();
  await idpJwks.close();
});

const secrets = [ACME_SECRET, BETA_SECRET, SESSION_SECRET];

/** Status and code as expected, and nothing sensitive in the body. */
async function refused(res: Response, status: number, code: string, sent: string[] = []) {
  const text = await res.text();
  expect(res.status).toBe(status);
  expect(JSON.parse(text).error.code).toBe(code);
  for (const s of [...sent, ...secrets]) expect(text).not.toContain(s);
  expect(text).not.toMatch(/stack|node_modules|\.ts:\d+|at async|JWS|JWT[A-Z]/);
  return JSON.parse(text) as { error: { details?: { reason?: string } } };
}

const hs = (
  claims: Record<string, unknown>,
  edit: (j: SignJWT) => SignJWT = (j) => j,
  key = ACME_SECRET,
) =>
  edit(
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(acme.issuer)
      .setAudience(acme.audience)
      .setExpirationTime('5m'),
  ).sign(new TextEncoder().encode(key));

function openSession(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: PORTAL, ...headers },
    body: JSON.stringify({ tenant: 'acme', ...body }),
  });
}
async function sessionToken(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await openSession(body, headers);
  expect(res.status).toBe(201);
  return ((await res.json()) as { token: string }).token;
}
const history = (bearer: string | null, id: string, origin = PORTAL) =>
  app.request(`/api/v1/chat/history/${id}`, {
    headers: { origin, ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
  });
const chat = (bearer: string, body: Record<string, unknown>) =>
  app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      origin: PORTAL,
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify({ message: 'When do tips arrive?', ...body }),
  });
const admin = (bearer: string | null, origin?: string) =>
  app.request('/api/v1/admin/documents', {
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(origin ? { origin } : {}),
    },
  });
const lastAudit = async (action: string) =>
  (await deps.store.audit.list('acme', 500))
    .filter((r) => r.action === action)
    .sort((a, b) => b.id - a.id)[0];
const unknownId = '00000000-0000-4000-8000-000000000000';

describe('customer sign-in (POST /auth/session with customer_token)', () => {
  it('exchanges a valid HS256 or RS256 portal token for an origin-bound customer session', async () => {
    const session = await sessionToken({
      customer_token: await hs({ sub: 'cust-1', email: 'ana@example.com', name: 'Ana' }),
    });
    expect(await tokens.verify(session)).toEqual({
      role: 'customer',
      tenantId: 'acme',
      subject: 'cust-1',
      origin: PORTAL,
    });
    expect(await deps.store.users.get('acme', 'cust-1')).toMatchObject({
      email: 'ana@example.com',
      name: 'Ana',
    });
    const signedIn = await lastAudit('auth.customer_session');
    expect(signedIn?.actorId).toBe('cust-1');
    expect(JSON.stringify(signedIn)).not.toContain('ana@example.com');
    const rs = await signWith(portalKey, { sub: 'cust-2' }, (j) =>
      j.setIssuer(acme.issuer).setAudience(acme.audience),
    );
    expect((await tokens.verify(await sessionToken({ customer_token: rs }))).subject).toBe(
      'cust-2',
    );
  });

  const attacks: Array<[string, () => Promise<string>, string]> = [
    [
      'expired',
      () => hs({ sub: 'c' }, (j) => j.setExpirationTime(Math.floor(Date.now() / 1000) - 120)),
      'token_expired',
    ],
    [
      'not yet valid',
      () => hs({ sub: 'c' }, (j) => j.setNotBefore(Math.floor(Date.now() / 1000) + 120)),
      'token_not_yet_valid',
    ],
    [
      'forged (another key)',
      () => hs({ sub: 'c' }, (j) => j, 'not-the-portal-secret-0123456789abcdef'),
      'bad_signature',
    ],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({ sub: 'c' })
          .setIssuer(acme.issuer)
          .setAudience(acme.audience)
          .setExpirationTime('5m')
          .encode(),
      'algorithm_not_allowed',
    ],
    [
      'HS256 keyed with the tenant’s public RSA key',
      async () =>
        new SignJWT({ sub: 'c' })
          .setProtectedHeader({ alg: 'HS256', kid: 'acme-1' })
          .setIssuer(acme.issuer)
          .setAudience(acme.audience)
          .setExpirationTime('5m')
          .sign(new TextEncoder().encode(await exportSPKI(portalKey.publicKey))),
      'bad_signature',
    ],
    [
      'wrong audience',
      () => hs({ sub: 'c' }, (j) => j.setAudience('another-app')),
      'wrong_audience',
    ],
    [
      'wrong issuer',
      () => hs({ sub: 'c' }, (j) => j.setIssuer('https://evil.example')),
      'wrong_issuer',
    ],
    [
      'wrong tenant (beta’s token at acme)',
      () => hs({ sub: 'c' }, (j) => j, BETA_SECRET),
      'bad_signature',
    ],
    ['a subject posing as a visitor', () => hs({ sub: 'visitor_abc' }), 'claims_invalid'],
    [
      'tampered payload',
      async () => {
        const [h, , s] = (await hs({ sub: 'c' })).split('.');
        return `${h}.${Buffer.from(JSON.stringify({ sub: 'admin', iss: acme.issuer, aud: acme.audience, exp: 9999999999 })).toString('base64url')}.${s}`;
      },
      'bad_signature',
    ],
  ];
  it.each(attacks)(
    'refuses a %s token with 401 and audits the reason, never the token',
    async (_name, make, reason) => {
      const token = await make();
      const body = await refused(
        await openSession({ customer_token: token }),
        401,
        'unauthorized',
        [token],
      );
      expect(['token_expired', 'token_invalid']).toContain(body.error.details?.reason);
      const failed = await lastAudit('auth.failed');
      expect(failed?.details.reason).toBe(reason);
      expect(JSON.stringify(failed)).not.toContain(token);
    },
  );

  it('refuses a customer token for a tenant without sign-in set up, and an empty one', async () => {
    const token = await hs({ sub: 'c' });
    const demo = await app.request('/api/v1/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo', customer_token: token }),
    });
    await refused(demo, 401, 'unauthorized', [token]);
    await refused(await openSession({ customer_token: '' }), 400, 'invalid_request');
  });

  it('refuses the portal’s own token used directly as a bearer on the API', async () => {
    const token = await hs({ sub: 'cust-1' });
    await refused(await history(token, unknownId), 401, 'unauthorized', [token]);
  });
});

describe('session tokens on the API', () => {
  it('refuses a missing, expired, forged or unsigned session token', async () => {
    await refused(await history(null, unknownId), 401, 'unauthorized');
    const past = createTokenService({
      secret: SESSION_SECRET,
      visitorTtlSeconds: 60,
      now: () => new Date(Date.now() - 3_600_000),
    });
    const expired = (await past.issueCustomerSession('acme', 'cust-1', PORTAL)).token;
    const body = await refused(await history(expired, unknownId), 401, 'unauthorized', [expired]);
    expect(body.error.details?.reason).toBe('token_expired');
    const forged = (
      await createTokenService({
        secret: 'attacker-secret-0123456789abcdef-abcdef',
        visitorTtlSeconds: 60,
      }).issueAdmin('*', 'x', 60)
    ).token;
    await refused(await admin(forged), 401, 'unauthorized', [forged]);
    const none = new UnsecuredJWT({ tid: 'acme', role: 'admin' })
      .setSubject('x')
      .setIssuer('wagechat')
      .setAudience('wagechat-api')
      .setExpirationTime('5m')
      .encode();
    await refused(await admin(none), 401, 'unauthorized', [none]);
  });

  it('refuses a visitor or customer session replayed from another origin', async () => {
    const visitor = await sessionToken({});
    await refused(await history(visitor, unknownId, EVIL), 403, 'forbidden', [visitor]);
    expect((await history(visitor, unknownId)).status).toBe(404);
    const customer = await sessionToken({ customer_token: await hs({ sub: 'cust-1' }) });
    await refused(await history(customer, unknownId, EVIL), 403, 'forbidden', [customer]);
  });

  it('refuses visitor and customer sessions on admin endpoints', async () => {
    const visitor = await sessionToken({});
    const customer = await sessionToken({ customer_token: await hs({ sub: 'cust-1' }) });
    await refused(await admin(visitor, PORTAL), 403, 'forbidden', [visitor]);
    await refused(await admin(customer, PORTAL), 403, 'forbidden', [customer]);
    const local = (await tokens.issueCustomer('acme', 'cust-1', 60)).token;
    await refused(await admin(local), 403, 'forbidden', [local]);
  });
});

describe('admin tokens of the company identity provider', () => {
  const fromIdp = (claims: Record<string, unknown>, edit: (j: SignJWT) => SignJWT = (j) => j) =>
    signWith(idpKey, claims, (j) => edit(j.setIssuer(idp.issuer).setAudience(idp.audience)));

  it('admits a tenant admin alongside a locally minted admin token', async () => {
    expect(
      (await admin(await fromIdp({ sub: 'alice@corp', wagechat_tenant: 'acme' }))).status,
    ).toBe(200);
    expect((await admin((await tokens.issueAdmin('acme', 'cli-admin', 60)).token)).status).toBe(
      200,
    );
  });

  it('refuses wrong audience, wrong issuer, an HS256 token and a stranger’s key', async () => {
    const hsAdmin = await new SignJWT({ tid: '*' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(await exportSPKI(idpKey.publicKey)));
    const stranger = await createSigningKey('idp-1');
    for (const token of [
      await fromIdp({ sub: 'a', tid: 'acme' }, (j) => j.setAudience('wagechat-api')),
      await fromIdp({ sub: 'a', tid: 'acme' }, (j) => j.setIssuer('https://evil.example')),
      hsAdmin,
      await signWith(stranger, { sub: 'a', tid: '*' }, (j) =>
        j.setIssuer(idp.issuer).setAudience(idp.audience),
      ),
    ]) {
      await refused(await admin(token), 401, 'unauthorized', [token]);
    }
  });
});

describe('conversations never cross identities', () => {
  it('keeps a visitor’s thread out of a customer’s, and one customer’s out of another’s', async () => {
    const visitor = await sessionToken({});
    const visitorAnswer = await chat(visitor, {});
    expect(visitorAnswer.status).toBe(200);
    const visitorThread = ((await visitorAnswer.json()) as { conversation_id: string })
      .conversation_id;
    // Signing in while holding the visitor token: the customer session is a different subject.
    const ana = await sessionToken(
      { customer_token: await hs({ sub: 'ana' }) },
      { authorization: `Bearer ${visitor}` },
    );
    expect((await tokens.verify(ana)).subject).toBe('ana');
    await refused(await history(ana, visitorThread), 404, 'not_found', [ana]);
    await refused(await chat(ana, { conversation_id: visitorThread }), 404, 'not_found');

    const anaAnswer = await chat(ana, {});
    const anaThread = ((await anaAnswer.json()) as { conversation_id: string }).conversation_id;
    expect((await history(ana, anaThread)).status).toBe(200);
    const bob = await sessionToken({ customer_token: await hs({ sub: 'bob' }) });
    await refused(await history(bob, anaThread), 404, 'not_found');
    await refused(await chat(bob, { conversation_id: anaThread }), 404, 'not_found');
    await refused(await history(visitor, anaThread), 404, 'not_found');
  });
});
