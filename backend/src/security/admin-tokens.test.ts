import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSigningKey,
  type JwksServer,
  signWith,
  startJwksServer,
  type TestSigningKey,
} from '../testing/jwks/jwks-server';
import { createTokenService } from './session-tokens';

const idp = { issuer: 'https://login.wagechat.example', audience: 'wagechat-admin' };
let jwks: JwksServer;
let key: TestSigningKey;
beforeAll(async () => {
  key = await createSigningKey('idp-1');
  jwks = await startJwksServer([key]);
});
afterAll(() => jwks.close());

const tokens = () =>
  createTokenService({
    secret: 'local-secret-local-secret-local-secret-01',
    visitorTtlSeconds: 600,
    adminIdentity: { jwksUrl: jwks.url, ...idp },
  });
const fromIdp = (claims: Record<string, unknown>, edit: (j: SignJWT) => SignJWT = (j) => j) =>
  signWith(key, claims, (j) => edit(j.setIssuer(idp.issuer).setAudience(idp.audience)));

describe('admin tokens from the company identity provider', () => {
  it('verify into admin principals scoped by the tenant claim', async () => {
    const service = tokens();
    await expect(
      service.verify(await fromIdp({ sub: 'alice@corp', wagechat_tenant: 'acme' })),
    ).resolves.toEqual({ role: 'admin', tenantId: 'acme', subject: 'alice@corp', origin: null });
    await expect(
      service.verify(await fromIdp({ sub: 'root@corp', tid: '*' })),
    ).resolves.toMatchObject({
      tenantId: '*',
    });
  });

  it('still accept locally minted admin tokens alongside', async () => {
    const service = tokens();
    const { token } = await service.issueAdmin('demo', 'cli-admin', 60);
    await expect(service.verify(token)).resolves.toMatchObject({ role: 'admin', tenantId: 'demo' });
  });

  it('refuse a wrong audience or issuer, a missing tenant claim, and foreign keys', async () => {
    const service = tokens();
    const refused = (token: string) =>
      service.verify(token).then(
        () => 'accepted',
        (e: { code: string; auditReason: string }) => `${e.code}:${e.auditReason}`,
      );
    expect(await refused(await fromIdp({ sub: 'a', tid: 'acme' }, (j) => j.setAudience('x')))).toBe(
      'unauthorized:wrong_audience',
    );
    expect(
      await refused(
        await fromIdp({ sub: 'a', tid: 'acme' }, (j) => j.setIssuer('https://evil.example')),
      ),
    ).toBe('unauthorized:wrong_issuer');
    expect(await refused(await fromIdp({ sub: 'a' }))).toBe('unauthorized:claims_invalid');
    expect(await refused(await fromIdp({ sub: 'a', tid: 'ACME; drop' }))).toBe(
      'unauthorized:claims_invalid',
    );
    // HS256 with a guessed secret, claiming the provider as issuer: never an accepted algorithm.
    const hs = await new SignJWT({ sub: 'a', tid: '*' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(idp.issuer)
      .setAudience(idp.audience)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('guessed-secret-guessed-secret-guessed'));
    expect(await refused(hs)).toBe('unauthorized:algorithm_not_allowed');
    const stranger = await createSigningKey('idp-1');
    expect(
      await refused(
        await signWith(stranger, { sub: 'a', tid: '*' }, (j) =>
          j.setIssuer(idp.issuer).setAudience(idp.audience),
        ),
      ),
    ).toBe('unauthorized:bad_signature');
  });
});
