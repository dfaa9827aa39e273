import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './env';
import { handleError, handleNotFound } from './middleware/errors';
import { createStaticRoutes } from './static-routes';
import { chooseEncoding } from './widget-delivery-files';

const SCRIPT = `(()=>{${'console.log("wagechat");'.repeat(200)}})();\n`;
let app: Hono<AppEnv>;

beforeAll(() => {
  const base = mkdtempSync(join(tmpdir(), 'wagechat-widget-'));
  const dist = join(base, 'dist');
  mkdirSync(dist);
  writeFileSync(join(base, 'package.json'), JSON.stringify({ version: '9.9.9' }));
  writeFileSync(join(dist, 'manifest.json'), JSON.stringify({ version: '1.4.2' }));
  writeFileSync(join(dist, 'wagechat.js'), SCRIPT);
  writeFileSync(join(dist, 'wagechat.mjs'), 'export const x = 1;\n');
  writeFileSync(join(dist, 'wagechat-app-Bx3k9aZq.mjs'), 'export const y = 2;\n');
  writeFileSync(join(dist, 'wagechat-app.Bh_aawjS.js'), 'export const z = 3;\n');
  writeFileSync(join(dist, 'wagechat-embedded.js'), 'export const w = 4;\n');
  writeFileSync(join(base, 'secret.txt'), 'outside dist');
  const portal = join(base, 'portal');
  mkdirSync(portal);
  writeFileSync(join(portal, 'index.html'), '<!doctype html><title>portal</title>');
  app = new Hono<AppEnv>()
    .use(requestId())
    .route('/', createStaticRoutes({ portal, widget: dist }))
    .onError(handleError)
    .notFound(handleNotFound);
});

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('widget delivery', () => {
  it('sends brotli, gzip or identity by Accept-Encoding, all the same bytes', async () => {
    const br = await get('/widget/wagechat.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    const gz = await get('/widget/wagechat.js', { 'Accept-Encoding': 'gzip' });
    const plain = await get('/widget/wagechat.js');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(plain.headers.get('content-encoding')).toBeNull();
    const brBytes = Buffer.from(await br.arrayBuffer());
    const gzBytes = Buffer.from(await gz.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);
    expect(gunzipSync(gzBytes).toString()).toBe(SCRIPT);
    expect(await plain.text()).toBe(SCRIPT);
    expect(brBytes.length).toBeLessThan(SCRIPT.length / 4);
    for (const res of [br, gz, plain]) {
      expect(res.status).toBe(200);
      expect(res.headers.get('vary')).toBe('Accept-Encoding');
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    // Each representation has its own strong ETag.
    expect(new Set([br, gz, plain].map((r) => r.headers.get('etag'))).size).toBe(3);
    expect(plain.headers.get('etag')).toMatch(/^"[\w-]+"$/);
  });

  it('answers 304 to a matching If-None-Match and 200 to a stale one', async () => {
    const first = await get('/widget/wagechat.js', { 'Accept-Encoding': 'br' });
    const etag = first.headers.get('etag')!;
    const again = await get('/widget/wagechat.js', {
      'Accept-Encoding': 'br',
      'If-None-Match': `"stale", ${etag}`,
    });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await get('/widget/wagechat.js', { 'If-None-Match': '"stale"' });
    expect(stale.status).toBe(200);
  });

  it('caches versioned paths for a year, the major alias and the plain path for 5 minutes', async () => {
    const exact = await get('/widget/v1.4.2/wagechat.js');
    const major = await get('/widget/v1/wagechat.js');
    const plain = await get('/widget/wagechat.mjs');
    expect(exact.status).toBe(200);
    expect(await exact.text()).toBe(SCRIPT);
    expect(exact.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(major.status).toBe(200);
    expect(major.headers.get('cache-control')).toBe('public, max-age=300');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=300');
    const chunk = await get('/widget/v1/wagechat-app-Bx3k9aZq.mjs');
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(chunk.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const dotted = await get('/widget/wagechat-app.Bh_aawjS.js');
    expect(dotted.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const named = await get('/widget/wagechat-embedded.js');
    expect(named.headers.get('cache-control')).toBe('public, max-age=300');
    const manifest = await get('/widget/manifest.json');
    expect(manifest.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('404s unknown versions and files', async () => {
    for (const path of [
      '/widget/v1.4.1/wagechat.js',
      '/widget/v2/wagechat.js',
      '/widget/v9.9.9/wagechat.js',
      '/widget/v1.4.2/',
      '/widget/nope.js',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('refuses to leave the dist folder', async () => {
    for (const path of [
      '/widget/../secret.txt',
      '/widget/%2e%2e/secret.txt',
      '/widget/..%2fsecret.txt',
      '/widget/v1/%2e%2e/secret.txt',
      '/widget/.%2e/package.json',
    ]) {
      const res = await get(path);
      expect(res.status, path).not.toBe(200);
      expect(await res.text()).not.toContain('outside dist');
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app.request('/widget/wagechat.js', {
      method: 'HEAD',
      headers: { 'Accept-Encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toBe('');
  });

  it('still serves the portal beside the widget', async () => {
    const res = await get('/');
    expect(await res.text()).toContain('portal');
  });
});

describe('chooseEncoding', () => {
  it('prefers brotli, honours q=0 and the wildcard', () => {
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('deflate')).toBe('identity');
    expect(chooseEncoding(undefined)).toBe('identity');
  });
});
