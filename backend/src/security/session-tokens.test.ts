import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenService } from './session-tokens';

const secret = 'test-secret-that-is-long-enough-for-hs256-0123456789';

describe('createTokenService', () => {
  it('issues a visitor token that verifies to its tenant and origin', async () => {
    const tokens = createTokenService({ secret, visitorTtlSeconds: 600 });
    const { token, expiresAt } = await tokens.issueVisitor('demo', 'http://localhost:3000');
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
    const principal = await tokens.verify(token);
    expect(principal).toMatchObject({
      role: 'visitor',
      tenantId: 'demo',
      origin: 'http://localhost:3000',
    });
    expect(principal.subject).toMatch(/^visitor_/);
  });

  it('rejects expired, tampered and foreign tokens as unauthorized', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const tokens = createTokenService({ secret, visitorTtlSeconds: 60, now: () => clock });
    const { token } = await tokens.issueVisitor('demo', null);
    clock = new Date('2026-01-01T00:02:00Z');
    await expect(tokens.verify(token)).rejects.toMatchObject({
      code: 'unauthorized',
      details: { reason: 'token_expired' },
    });

    clock = new Date('2026-01-01T00:00:10Z');
    const [h, p, s] = token.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ tid: 'other', role: 'admin' })).toString('base64url')}.${s}`;
    await expect(tokens.verify(forged)).rejects.toMatchObject({ code: 'unauthorized' });
    expect(p).toBeDefined();

    const foreign = await new SignJWT({ tid: 'demo', role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('wagechat')
      .setAudience('wagechat-api')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('another-secret-another-secret-another-secret'));
    await expect(tokens.verify(foreign)).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(tokens.verify('not a jwt')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('renewVisitor', () => {
  it('renews a recently expired visitor token into the same identity', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const tokens = createTokenService({ secret, visitorTtlSeconds: 60, now: () => clock });
    const first = await tokens.issueVisitor('demo', 'http://localhost:3000');
    const { subject } = await tokens.verify(first.token);
    clock = new Date('2026-01-01T05:00:00Z');
    await expect(tokens.verify(first.token)).rejects.toMatchObject({ code: 'unauthorized' });
    const renewed = await tokens.renewVisitor(first.token, 'http://localhost:3000');
    expect((await tokens.verify(renewed.token)).subject).toBe(subject);
  });

  it('refuses renewal from another origin, of admin tokens, and after the grace day', async () => {
    let clock = new Date('2026-01-01T00:00:00Z');
    const tokens = createTokenService({ secret, visitorTtlSeconds: 60, now: () => clock });
    const visitor = await tokens.issueVisitor('demo', 'http://localhost:3000');
    const admin = await tokens.issueAdmin('demo', 'ops', 60);
    await expect(tokens.renewVisitor(visitor.token, 'http://localhost:4000')).rejects.toMatchObject(
      { code: 'unauthorized' },
    );
    await expect(tokens.renewVisitor(admin.token, null)).rejects.toMatchObject({
      code: 'unauthorized',
    });
    clock = new Date('2026-01-02T00:02:00Z');
    await expect(tokens.renewVisitor(visitor.token, 'http://localhost:3000')).rejects.toMatchObject(
      {
        details: { reason: 'token_expired' },
      },
    );
  });

  it('issues customer tokens that verify as that customer and cannot be renewed as visitors', async () => {
    const tokens = createTokenService({ secret, visitorTtlSeconds: 60 });
    const customer = await tokens.issueCustomer('demo', 'demo-customer-1', 60);
    expect(await tokens.verify(customer.token)).toEqual({
      role: 'customer',
      tenantId: 'demo',
      subject: 'demo-customer-1',
      origin: null,
    });
    await expect(tokens.renewVisitor(customer.token, null)).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});

describe('issueCustomerSession', () => {
  it('binds a customer session to its origin and never renews it without the portal', async () => {
    const tokens = createTokenService({ secret, visitorTtlSeconds: 600 });
    const { token } = await tokens.issueCustomerSession(
      'acme',
      'cust-1',
      'https://portal.acme.example',
    );
    expect(await tokens.verify(token)).toEqual({
      role: 'customer',
      tenantId: 'acme',
      subject: 'cust-1',
      origin: 'https://portal.acme.example',
    });
    await expect(tokens.renewVisitor(token, 'https://portal.acme.example')).rejects.toMatchObject({
      code: 'unauthorized',
    });
  });
});
