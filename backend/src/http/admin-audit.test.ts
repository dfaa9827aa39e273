import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { createTestDeps, type Deps } from '../deps';
import type { AuditEvent } from '../store/types';

let deps: Deps;
let app: ReturnType<typeof createApp>;
let demoAdmin: string;

const event = (over: Partial<AuditEvent>): AuditEvent => ({
  tenantId: 'demo',
  actorType: 'visitor',
  actorId: 'visitor_1',
  action: 'test.event',
  resourceType: 'conversation',
  resourceId: 'c-1',
  details: {},
  ip: null,
  userAgent: null,
  ...over,
});

beforeEach(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
  await deps.store.tenants.upsert({
    id: 'acme',
    name: 'Acme',
    allowedOrigins: [],
    allowLocalhost: false,
  });
  for (let i = 1; i <= 5; i += 1) {
    await deps.store.audit.append(event({ actorId: `visitor_${i}`, resourceId: `c-${i}` }));
  }
  await deps.store.audit.append(event({ tenantId: 'acme', actorId: 'acme-user' }));
  await deps.store.audit.append(
    event({ actorType: 'customer', actorId: '=HYPERLINK("http://evil.example")', action: 'x.y' }),
  );
  demoAdmin = (await deps.tokens.issueAdmin('demo', 'auditor', 600)).token;
});
afterEach(async () => {
  await deps.close();
});

const get = (query: string, token = demoAdmin) =>
  app.request(`/api/v1/admin/audit-logs${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });

type Page = { items: Array<Record<string, unknown>>; next_cursor: number | null };

describe('GET /api/v1/admin/audit-logs', () => {
  it("lists the admin's own tenant, newest first, ignoring a tenant parameter", async () => {
    const res = await get('?tenant=acme&limit=500');
    expect(res.status).toBe(200);
    const page = (await res.json()) as Page;
    expect(page.items.length).toBe(6);
    expect(page.items.every((r) => r.tenant_id === 'demo')).toBe(true);
    const ids = page.items.map((r) => r.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(JSON.stringify(page)).not.toContain('acme-user');
  });

  it('filters by action, actor, actor type, resource and time', async () => {
    const by = async (q: string) => ((await (await get(q)).json()) as Page).items;
    expect((await by('?action=x.y')).map((r) => r.actor_type)).toEqual(['customer']);
    expect((await by('?actor_id=visitor_3')).map((r) => r.resource_id)).toEqual(['c-3']);
    expect((await by('?actor_type=customer')).length).toBe(1);
    expect((await by('?resource_type=conversation&resource_id=c-2')).length).toBe(1);
    expect((await by('?to=2000-01-01T00:00:00Z')).length).toBe(0);
    expect((await by('?from=2000-01-01T00:00:00%2B02:00&action=test.event')).length).toBe(5);
  });

  it('pages with a cursor until next_cursor is null, each record once', async () => {
    const seen: number[] = [];
    let cursor: number | null = null;
    let pages = 0;
    do {
      const res = await get(`?action=test.event&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const page = (await res.json()) as Page;
      seen.push(...page.items.map((r) => r.id as number));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual([5, 4, 3, 2, 1]);
  });

  it('refuses malformed queries with 400', async () => {
    for (const q of ['?limit=0', '?limit=501', '?from=yesterday', '?cursor=-1', '?colour=red']) {
      const res = await get(q);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
        'invalid_request',
      );
    }
  });

  it('exports CSV safe for spreadsheets, and audits the export with filter and count', async () => {
    const res = await get('?format=csv&actor_type=customer');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audit-logs-.*\.csv"$/,
    );
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe(
      '"id","created_at","tenant_id","actor_type","actor_id","action","resource_type","resource_id","ip","user_agent","details","prev_hash","hash"',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"\'=HYPERLINK(""http://evil.example"")"');
    const [exported] = await deps.store.audit.list('demo', 1);
    expect(exported).toMatchObject({
      action: 'audit.export',
      actorId: 'auditor',
      resourceType: 'audit_log',
      details: {
        format: 'csv',
        rows: 1,
        filter: { tenantId: 'demo', actorType: 'customer' },
        status: 200,
      },
    });
    expect(await deps.store.audit.verify()).toBeNull();
  });

  it('exports JSON and records plain reads as audit.read', async () => {
    const res = await get('?format=json&action=test.event');
    expect(((await res.json()) as Page).items).toHaveLength(5);
    await get('?action=x.y');
    const [read, exported] = await deps.store.audit.list('demo', 2);
    expect(read).toMatchObject({ action: 'audit.read', details: { rows: 1 } });
    expect(exported).toMatchObject({
      action: 'audit.export',
      details: { format: 'json', rows: 5 },
    });
  });

  it('refuses customers and visitors (403) and anonymous callers (401), leaking nothing', async () => {
    const customer = (await deps.tokens.issueCustomer('demo', 'demo-customer-1', 600)).token;
    const visitor = (await deps.tokens.issueVisitor('demo', null)).token;
    for (const [token, status] of [
      [customer, 403],
      [visitor, 403],
      ['not-a-token', 401],
    ] as const) {
      const res = await get('?format=csv', token);
      expect(res.status).toBe(status);
      const body = await res.text();
      expect(body).not.toContain('visitor_1');
      expect(body).not.toContain('hash');
    }
  });

  it('lets a platform admin read every tenant, or one with ?tenant=', async () => {
    const platform = (await deps.tokens.issueAdmin('*', 'platform-ops', 600)).token;
    const all = (await (await get('?action=test.event&limit=500', platform)).json()) as Page;
    expect(new Set(all.items.map((r) => r.tenant_id))).toEqual(new Set(['demo', 'acme']));
    const acme = (await (await get('?tenant=acme&action=test.event', platform)).json()) as Page;
    expect(acme.items.map((r) => r.actor_id)).toEqual(['acme-user']);
    // Filed under acme, so acme's own admins see the platform admin's read.
    const [record] = await deps.store.audit.list('acme', 1);
    expect(record).toMatchObject({
      action: 'audit.read',
      actorId: 'platform-ops',
      resourceId: 'acme',
      details: { token_tenant: '*' },
    });
    const docs = await app.request('/api/v1/admin/documents', {
      headers: { authorization: `Bearer ${platform}` },
    });
    expect(docs.status).toBe(400);
    const acmeDocs = await app.request('/api/v1/admin/documents?tenant=acme', {
      headers: { authorization: `Bearer ${platform}` },
    });
    expect(acmeDocs.status).toBe(200);
  });
});
