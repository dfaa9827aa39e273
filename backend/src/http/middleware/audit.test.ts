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
  it('records admin reads with who did them, what they read and the outcome', async () => {
    const { token } = await deps.tokens.issueAdmin('demo', 'ops-lead', 600);
    const res = await app.request('/api/v1/admin/documents', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    const [record] = await deps.store.audit.list('demo');
    expect(record).toMatchObject({
      actorType: 'admin',
      actorId: 'ops-lead',
      action: 'document.list',
      resourceType: 'document',
      resourceId: null,
      details: {
        method: 'GET',
        path: '/api/v1/admin/documents',
        status: 200,
        count: 0,
        request_id: res.headers.get('x-request-id'),
      },
    });
  });

  it('records a read of a missing document as a document read with its outcome', async () => {
    const { token } = await deps.tokens.issueAdmin('demo', 'ops-lead', 600);
    const id = '00000000-0000-4000-8000-000000000000';
    const res = await app.request(`/api/v1/admin/documents/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
    const [record] = await deps.store.audit.list('demo');
    expect(record).toMatchObject({
      action: 'document.read',
      resourceId: id,
      details: { status: 404 },
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
      resourceType: 'admin_api',
      details: { status: 403 },
    });
    expect(await deps.store.audit.verify()).toBeNull();
  });

  it('records refused chat tokens as auth.failed with the reason, and verified callers not', async () => {
    const headers = (token: string) => ({ authorization: `Bearer ${token}` });
    const id = '00000000-0000-4000-8000-000000000000';
    await app.request(`/api/v1/chat/history/${id}`);
    await app.request(`/api/v1/chat/history/${id}`, { headers: headers('forged.token.here') });
    const { token } = await deps.tokens.issueVisitor('demo', null);
    expect(
      (await app.request(`/api/v1/chat/history/${id}`, { headers: headers(token) })).status,
    ).toBe(404);
    const failed = (await deps.store.audit.list('*')).filter((r) => r.action === 'auth.failed');
    expect(failed.map((r) => r.details.reason)).toEqual(['token_invalid', 'no_token']);
    expect(failed[0]).toMatchObject({
      actorId: 'anonymous',
      resourceId: `/api/v1/chat/history/${id}`,
    });
    expect(JSON.stringify(failed)).not.toContain('forged.token.here');
  });

  it('records a verified token used where it may not be as auth.denied', async () => {
    const { token } = await deps.tokens.issueVisitor('demo', 'http://localhost:5173');
    const replay = await app.request('/api/v1/chat/message', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ message: 'hi' }),
    });
    expect(replay.status).toBe(403);
    const admin = (await deps.tokens.issueAdmin('demo', 'ops', 600)).token;
    const res = await app.request('/api/v1/chat/message', {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'hi' }),
    });
    expect(res.status).toBe(403);
    const [byAdmin, replayed] = await deps.store.audit.list('demo', 2);
    expect(replayed).toMatchObject({
      action: 'auth.denied',
      actorType: 'visitor',
      details: { status: 403, origin: 'https://evil.example', reason: 'not_permitted' },
    });
    expect(byAdmin).toMatchObject({ action: 'auth.denied', actorType: 'admin', actorId: 'ops' });
  });
});
