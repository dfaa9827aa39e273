import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { runTenantCommand } from '../cli/tenant-command';
import type { WidgetConfigBody } from '../contract/v1';
import { createTestDeps, DEMO_WIDGET_CONFIG, type Deps } from '../deps';
import { WIDGET_CONFIG_DEFAULTS } from './widget-config-routes';

let deps: Deps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
});
afterAll(async () => {
  await deps.close();
});

const get = (tenant: string, headers: Record<string, string> = {}) =>
  app.request(`/api/v1/widget/config?tenant=${encodeURIComponent(tenant)}`, { headers });
const cli = (...args: string[]) =>
  runTenantCommand(args, { store: deps.store, env: {}, out: () => {}, actor: 'ops' });

describe('GET /api/v1/widget/config', () => {
  it("serves the demo tenant's seeded theme, publicly cached with an ETag", async () => {
    const res = await get('demo');
    expect(res.status).toBe(200);
    const body = (await res.json()) as WidgetConfigBody;
    expect(body).toEqual({
      tenant: 'demo',
      title: DEMO_WIDGET_CONFIG.title,
      greeting: DEMO_WIDGET_CONFIG.greeting,
      accent: DEMO_WIDGET_CONFIG.accent,
      logo_url: null,
      position: 'bottom-right',
      suggestions: [...DEMO_WIDGET_CONFIG.suggestions],
    });
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{27}"$/);
  });

  it('answers 304 to a matching If-None-Match, 200 once the theme changed', async () => {
    const etag = (await get('demo')).headers.get('etag')!;
    const same = await get('demo', { 'If-None-Match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(etag);

    await cli('update', 'demo', '--accent', '#2F5D50', '--position', 'bottom-left');
    const changed = await get('demo', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(await changed.json()).toMatchObject({ accent: '#2f5d50', position: 'bottom-left' });
  });

  it('gives a tenant with no theme the defaults', async () => {
    await cli('add', 'acme', '--name', 'Acme');
    expect(await (await get('acme')).json()).toEqual({ tenant: 'acme', ...WIDGET_CONFIG_DEFAULTS });
  });

  it('404s an unknown, missing or malformed tenant', async () => {
    for (const path of [
      '/api/v1/widget/config?tenant=nobody',
      '/api/v1/widget/config',
      '/api/v1/widget/config?tenant=..%2Fdemo',
    ]) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });
});

describe('wagechat tenant update: widget flags', () => {
  it('stores every flag, clears with none, and audits field names', async () => {
    await cli('add', 'beta', '--name', 'Beta');
    const lines: string[] = [];
    const code = await runTenantCommand(
      [
        'update',
        'beta',
        '--title',
        'Beta help',
        '--greeting',
        'Hello there',
        '--logo-url',
        'https://cdn.beta.example/logo.svg',
        '--suggestion',
        'When is payday?',
        '--suggestion',
        'Where is my card?',
      ],
      { store: deps.store, env: {}, out: (l) => lines.push(l), actor: 'ops' },
    );
    expect(code).toBe(0);
    expect(await (await get('beta')).json()).toMatchObject({
      title: 'Beta help',
      greeting: 'Hello there',
      logo_url: 'https://cdn.beta.example/logo.svg',
      suggestions: ['When is payday?', 'Where is my card?'],
    });
    expect(lines.join('\n')).toContain('Beta help');
    const [record] = await deps.store.audit.query({
      tenantId: 'beta',
      action: 'tenant.update',
      limit: 1,
    });
    expect(record?.details.fields).toEqual(
      expect.arrayContaining(['widget.title', 'widget.suggestions', 'widget.logoUrl']),
    );
    await cli('update', 'beta', '--logo-url', '/brand/logo.svg');
    expect(await (await get('beta')).json()).toMatchObject({ logo_url: '/brand/logo.svg' });
    await cli('update', 'beta', '--logo-url', 'none', '--suggestion', 'none');
    expect(await (await get('beta')).json()).toMatchObject({
      title: 'Beta help',
      logo_url: null,
      suggestions: [],
    });
  });

  it('refuses bad values by flag, changing nothing', async () => {
    const bad: Array<[string[], RegExp]> = [
      [['--accent', 'red'], /--accent must be a hex colour/],
      [['--accent', '#12345'], /--accent/],
      [['--logo-url', 'http://cdn.example/logo.svg'], /--logo-url must be an https URL/],
      [['--logo-url', 'javascript:alert(1)'], /--logo-url/],
      [['--logo-url', '//evil.example/x.svg'], /--logo-url/],
      [['--greeting', 'x'.repeat(201)], /--greeting must be at most 200/],
      [['--suggestion', 'y'.repeat(81)], /--suggestion must be at most 80/],
      [Array.from({ length: 7 }, (_, i) => ['--suggestion', `q${i}`]).flat(), /at most 6/],
      [['--position', 'top-left'], /--position must be bottom-right or bottom-left/],
      [['--title', 'a\nb'], /--title must not contain control characters/],
    ];
    const before = await (await get('demo')).text();
    for (const [flags, message] of bad)
      await expect(cli('update', 'demo', ...flags), flags.join(' ')).rejects.toThrow(message);
    expect(await (await get('demo')).text()).toBe(before);
  });
});
