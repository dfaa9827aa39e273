/**
 * Attacks on the HTTP edge, through the real app: CORS for origins no tenant allows, spoofed
 * X-Forwarded-For (with and without trusted proxies), header injection, and the security
 * headers every response must carry. Bodies, XSS and path traversal: edge-payloads.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps, REPO_ROOT } from '../../deps';

const PORTAL = 'https://portal.acme.example';
const EVIL = 'https://evil.example';
const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const json = { 'content-type': 'application/json' };

let deps: Deps;
afterEach(async () => {
  await deps?.close();
});

async function setup(env: Record<string, string> = {}) {
  deps = await createTestDeps(env);
  await deps.store.tenants.upsert({
    id: 'acme',
    name: 'Acme',
    allowedOrigins: [PORTAL],
    allowLocalhost: false,
  });
  return createApp(deps);
}

const openSession = (app: ReturnType<typeof createApp>, tenant: string, origin: string) =>
  app.request('/api/v1/auth/session', {
    method: 'POST',
    headers: { ...json, origin },
    body: JSON.stringify({ tenant }),
  });

describe('CORS grants only origins some tenant allows', () => {
  it('gives https://evil.example no grant, on the call or its preflight, and no session', async () => {
    const app = await setup();
    const preflight = await app.request('/api/v1/chat/message', {
      method: 'OPTIONS',
      headers: { origin: EVIL, 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const res = await openSession(app, 'acme', EVIL);
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(JSON.stringify(await res.json())).not.toContain('token');
  });

  it('grants a tenant’s exact origin and the demo tenant’s localhost, not look-alikes', async () => {
    const app = await setup();
    const granted = await openSession(app, 'acme', PORTAL);
    expect(granted.status).toBe(201);
    expect(granted.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(
      (await openSession(app, 'demo', 'http://localhost:5173')).headers.get(
        'access-control-allow-origin',
      ),
    ).toBe('http://localhost:5173');
    for (const origin of [
      `${PORTAL}.evil.example`,
      'http://portal.acme.example',
      `${PORTAL}:8443`,
      'null',
      'http://localhost.evil.example',
      `${PORTAL}, ${EVIL}`,
    ]) {
      const res = await app.request('/api/v1/healthz-nope', { headers: { origin } });
      expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
    }
  });

  it('picks up a tenant added after start (the cache reloads on an unknown origin)', async () => {
    const app = await setup();
    const fresh = 'https://new-portal.example';
    expect(
      (await openSession(app, 'acme', fresh)).headers.get('access-control-allow-origin'),
    ).toBeNull();
    await deps.store.tenants.update('acme', { allowedOrigins: [PORTAL, fresh] });
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const res = await openSession(app, 'acme', fresh);
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe(fresh);
  });
});

describe('spoofed X-Forwarded-For', () => {
  const adminGet = async (app: ReturnType<typeof createApp>, xff: string, from: string) => {
    const { token } = await deps.tokens.issueAdmin('demo', 'ops', 600);
    return app.request(
      '/api/v1/admin/documents',
      { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': xff } },
      peer(from),
    );
  };

  it('without a trusted proxy: ignored for the session limit and the audit trail', async () => {
    const app = await setup({ WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE: '2' });
    const statuses: number[] = [];
    for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      const res = await app.request(
        '/api/v1/auth/session',
        {
          method: 'POST',
          headers: { ...json, 'x-forwarded-for': spoof },
          body: '{"tenant":"demo"}',
        },
        peer('198.51.100.7'),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    await adminGet(app, '6.6.6.6', '198.51.100.7');
    const [record] = await deps.store.audit.list('demo');
    expect(record?.ip).toBe('198.51.100.7');
    expect(JSON.stringify(record)).not.toContain('6.6.6.6');
  });

  it('behind one proxy: the entry it appended counts, never the caller’s own first entries', async () => {
    const app = await setup({ WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE: '2', TRUST_PROXY: '1' });
    const statuses: number[] = [];
    for (const spoof of ['1.1.1.1', '2.2.2.2', '3.3.3.3']) {
      const res = await app.request(
        '/api/v1/auth/session',
        {
          method: 'POST',
          headers: { ...json, 'x-forwarded-for': `${spoof}, 203.0.113.9` },
          body: '{"tenant":"demo"}',
        },
        peer('10.0.0.1'),
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 429]);
    await adminGet(app, '6.6.6.6, 203.0.113.50', '10.0.0.1');
    const [record] = await deps.store.audit.list('demo');
    expect(record?.ip).toBe('203.0.113.50');
    // Fewer entries than proxies: the header did not come through them; the peer is used.
    await adminGet(app, '', '10.0.0.1');
    expect((await deps.store.audit.list('demo'))[0]?.ip).toBe('10.0.0.1');
  });
});

describe('header injection', () => {
  it('never echoes a caller’s X-Request-Id unless it is plain letters, digits and dashes', async () => {
    const app = await setup();
    for (const id of ['a b;Set-Cookie:x=1', '<script>', 'x'.repeat(300), 'id\tinjected']) {
      const res = await app.request('/healthz', { headers: { 'x-request-id': id } });
      const echoed = res.headers.get('x-request-id') ?? '';
      expect(echoed).not.toBe(id);
      expect(echoed).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const plain = await app.request('/healthz', { headers: { 'x-request-id': 'trace-123' } });
    expect(plain.headers.get('x-request-id')).toBe('trace-123');
  });

  it('cannot even be sent with CR/LF: the platform refuses such header values', () => {
    expect(() => new Headers({ 'x-request-id': 'a\r\nSet-Cookie: x=1' })).toThrow(TypeError);
    expect(() => new Headers({ origin: `${PORTAL}\r\nX-Evil: 1` })).toThrow(TypeError);
  });
});

describe('security headers on every response', () => {
  function withStatic() {
    const widget = mkdtempSync(join(tmpdir(), 'wagechat-widget-'));
    writeFileSync(join(widget, 'wagechat.js'), 'console.log("widget")');
    return createApp({
      ...deps,
      staticDirs: { portal: join(REPO_ROOT, 'demo/portal'), widget },
    });
  }

  const expectBase = (res: Response, what: string) => {
    expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
    expect(res.headers.get('x-frame-options'), what).toBe('DENY');
    expect(res.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('content-security-policy'), what).toContain("frame-ancestors 'none'");
    expect(res.headers.get('strict-transport-security'), what).toBeNull();
  };

  it('API, errors, 404s, preflights, the widget file and the portal page', async () => {
    await setup();
    const app = withStatic();
    const checks: Array<[string, Response | Promise<Response>]> = [
      ['healthz', app.request('/healthz')],
      ['401', app.request('/api/v1/chat/history/x')],
      ['404 api', app.request('/api/v1/nope')],
      [
        'preflight',
        app.request('/api/v1/auth/session', { method: 'OPTIONS', headers: { origin: PORTAL } }),
      ],
      ['widget', app.request('/widget/wagechat.js')],
      ['portal css', app.request('/portal.css')],
      ['404 page', app.request('/missing.html')],
    ];
    for (const [what, pending] of checks) {
      const res = await pending;
      expectBase(res, what);
      expect(res.headers.get('content-security-policy'), what).toContain("default-src 'none'");
    }
    const widget = await app.request('/widget/wagechat.js');
    expect(widget.status).toBe(200);

    const portal = await app.request('/');
    expect(portal.status).toBe(200);
    expectBase(portal, 'portal');
    const csp = portal.headers.get('content-security-policy') ?? '';
    // The widget script, its shadow-root <style> and its same-origin API calls still work;
    // inline and foreign scripts do not.
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self'");
  });

  it('sends HSTS only when a trusted proxy says the request came over TLS', async () => {
    let app = await setup();
    const tls = { 'x-forwarded-proto': 'https' };
    expect(
      (await app.request('/healthz', { headers: tls })).headers.get('strict-transport-security'),
    ).toBeNull();
    await deps.close();
    app = await setup({ TRUST_PROXY: '1' });
    expect(
      (await app.request('/healthz', { headers: tls })).headers.get('strict-transport-security'),
    ).toMatch(/max-age=\d+/);
    expect((await app.request('/healthz')).headers.get('strict-transport-security')).toBeNull();
  });
});
