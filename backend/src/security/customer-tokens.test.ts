import { exportSPKI, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TenantAuth } from '../store/types';
import {
  createSigningKey,
  type JwksServer,
  signWith,
  startJwksServer,
  type TestSigningKey,
} from '../testing/jwks/jwks-server';
import { createCustomerTokenVerifier } from './customer-tokens';

const secret = 'acme-portal-secret-acme-portal-secret-0123';
const hsKey = new TextEncoder().encode(secret);
const base = { issuer: 'https://portal.acme.example', audience: 'wagechat' };

let jwks: JwksServer;
let first: TestSigningKey;
let settings: TenantAuth;
beforeAll(async () => {
  first = await createSigningKey('k1');
  jwks = await startJwksServer([first]);
  settings = {
    ...base,
    hs256Secret: secret,
    jwksUrl: jwks.url,
    algorithms: ['HS256', 'RS256', 'ES256'],
  };
});
afterAll(() => jwks.close());

const hs = (claims: Record<string, unknown>, edit: (j: SignJWT) => SignJWT = (j) => j) =>
  edit(
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(base.issuer)
      .setAudience(base.audience)
      .setExpirationTime('5m'),
  ).sign(hsKey);

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'accepted',
    (e: { auditReason?: string; status?: number }) => `${e.status}:${e.auditReason}`,
  );

describe('createCustomerTokenVerifier', () => {
  it('accepts an HS256 portal token and reads sub, email and name', async () => {
    const verifier = createCustomerTokenVerifier();
    const token = await hs({ sub: 'u-1', email: 'ana@example.com', name: 'Ana' });
    await expect(verifier.verify('acme', settings, token)).resolves.toEqual({
      subject: 'u-1',
      email: 'ana@example.com',
      name: 'Ana',
    });
  });

  it('accepts RS256 and ES256 tokens from the JWKS and follows a key rotation', async () => {
    const verifier = createCustomerTokenVerifier({ cooldownMs: 0 });
    const issuer = (j: SignJWT) => j.setIssuer(base.issuer).setAudience(base.audience);
    const rs = await signWith(first, { sub: 'u-2' }, issuer);
    expect((await verifier.verify('acme', settings, rs)).subject).toBe('u-2');
    expect(jwks.hits()).toBe(1);
    // Rotation: the portal starts signing with a new EC key the cached set does not hold.
    const second = await createSigningKey('k2', 'ES256');
    jwks.publish([first, second]);
    const es = await signWith(second, { sub: 'u-3' }, issuer);
    expect((await verifier.verify('acme', settings, es)).subject).toBe('u-3');
    expect(jwks.hits()).toBe(2);
    // Cached now: no further fetch for a known kid.
    await verifier.verify('acme', settings, rs);
    expect(jwks.hits()).toBe(2);
  });

  it('does not refetch the JWKS for every unknown kid (cooldown)', async () => {
    const verifier = createCustomerTokenVerifier({ cooldownMs: 60_000 });
    const before = jwks.hits();
    const stranger = await createSigningKey('unknown-kid');
    const issuer = (j: SignJWT) => j.setIssuer(base.issuer).setAudience(base.audience);
    await verifier.verify('acme', settings, await signWith(first, { sub: 'u' }, issuer));
    for (let i = 0; i < 3; i++) {
      const forged = await signWith(stranger, { sub: 'u' }, issuer);
      expect(await reasonOf(verifier.verify('acme', settings, forged))).toBe('401:unknown_key');
    }
    expect(jwks.hits() - before).toBe(1);
  });

  it('allows 30 s of clock skew on exp and nbf, and no more', async () => {
    const at = new Date('2026-12-01T06:00:00Z');
    const verifier = createCustomerTokenVerifier({ now: () => at });
    const s = at.getTime() / 1000;
    const withTimes = (exp: number, nbf: number) =>
      hs({ sub: 'u' }, (j) =>
        j
          .setExpirationTime(exp)
          .setNotBefore(nbf)
          .setIssuedAt(s - 60),
      );
    expect(await reasonOf(verifier.verify('acme', settings, await withTimes(s - 20, s - 60)))).toBe(
      'accepted',
    );
    expect(await reasonOf(verifier.verify('acme', settings, await withTimes(s - 40, s - 60)))).toBe(
      '401:token_expired',
    );
    expect(
      await reasonOf(verifier.verify('acme', settings, await withTimes(s + 300, s + 20))),
    ).toBe('accepted');
    expect(
      await reasonOf(verifier.verify('acme', settings, await withTimes(s + 300, s + 40))),
    ).toBe('401:token_not_yet_valid');
  });

  it('refuses what the tenant did not allow or sign', async () => {
    const verifier = createCustomerTokenVerifier();
    const rsOnly: TenantAuth = { ...settings, algorithms: ['RS256'] };
    const check = (s: TenantAuth | null, token: string) =>
      reasonOf(verifier.verify('acme', s, token));
    expect(await check(rsOnly, await hs({ sub: 'u' }))).toBe('401:algorithm_not_allowed');
    const none = new UnsecuredJWT({ sub: 'u' })
      .setIssuer(base.issuer)
      .setAudience(base.audience)
      .setExpirationTime('5m')
      .encode();
    expect(await check(settings, none)).toBe('401:algorithm_not_allowed');
    // HS/RS confusion: an HS256 token keyed with the tenant's public RSA key.
    const publicPem = new TextEncoder().encode(await exportSPKI(first.publicKey));
    const confused = await new SignJWT({ sub: 'u' })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .setIssuer(base.issuer)
      .setAudience(base.audience)
      .setExpirationTime('5m')
      .sign(publicPem);
    expect(await check(settings, confused)).toBe('401:bad_signature');
    expect(await check(rsOnly, confused)).toBe('401:algorithm_not_allowed');
    expect(
      await check(settings, await hs({ sub: 'u' }, (j) => j.setIssuer('https://evil.example'))),
    ).toBe('401:wrong_issuer');
    expect(await check(settings, await hs({ sub: 'u' }, (j) => j.setAudience('other-app')))).toBe(
      '401:wrong_audience',
    );
    expect(await check(settings, await hs({ sub: 'visitor_123' }))).toBe('401:claims_invalid');
    expect(await check(settings, await hs({}))).toBe('401:claims_invalid');
    expect(await check(null, await hs({ sub: 'u' }))).toBe('401:not_configured');
    expect(
      await check({ ...settings, hs256Secret: null, jwksUrl: null }, await hs({ sub: 'u' })),
    ).toBe('401:not_configured');
    expect(await check(settings, 'not.a.jwt')).toBe('401:malformed');
  });

  it('answers 503 when the tenant’s JWKS cannot be fetched', async () => {
    const verifier = createCustomerTokenVerifier({ timeoutMs: 1000 });
    const down: TenantAuth = { ...settings, jwksUrl: 'http://127.0.0.1:9/jwks.json' };
    const token = await signWith(first, { sub: 'u' }, (j) =>
      j.setIssuer(base.issuer).setAudience(base.audience),
    );
    expect(await reasonOf(verifier.verify('acme', down, token))).toBe('503:keys_unavailable');
  });
});
