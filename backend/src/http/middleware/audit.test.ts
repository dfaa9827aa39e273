import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';

let deps: Deps;
let app: ReturnType<typeof createApp>;
beforeEach(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
});
afterEach(async () => {
  await deps.close();
});

describe('auditAdminRequests', () => {
  it('records admin reads with who did them and the outcome', async () => {
    const { token } = await deps.tokens.issueAdmin('demo', 'ops-lead', 600);
    const res = await app.request('/api/v1/admin/documents', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const [record] = await deps.store.audit.list('demo');
    expect(record).toMatchObject({
      actorType: 'admin',
      actorId: 'ops-lead',
      action: 'admin.get',
      resourceId: '/api/v1/admin/documents',
      details: { method: 'GET', status: 200, request_id: res.headers.get('x-request-id') },
    });
  });

  it('records refused attempts: no token, and a visitor token', async () => {
    expect((await app.request('/api/v1/admin/documents', { method: 'DELETE' })).status).toBe(401);
    const { token } = await deps.tokens.issueVisitor('demo', null);
    const visitor = await app.request('/api/v1/admin/documents', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(visitor.status).toBe(403);
    const [anonymous] = await deps.store.audit.list('*');
    expect(anonymous).toMatchObject({
      action: 'admin.denied',
      actorId: 'anonymous',
      details: { status: 401 },
    });
    const [refused] = await deps.store.audit.list('demo');
    expect(refused).toMatchObject({
      action: 'admin.denied',
      actorType: 'visitor',
      details: { status: 403 },
    });
    expect(await deps.store.audit.verify()).toBeNull();
  });
});
