/**
 * Attack suite: insecure direct object references. Every request below names something that is
 * not the caller's (another person's thread, another tenant's document, an admin endpoint, a
 * tenant in the body or query) and must get the status a missing thing gets, with nothing of
 * the other party's in the response, and the attempt on the audit record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { createTestDeps, type Deps } from '../../deps';

let deps: Deps;
let app: ReturnType<typeof createApp>;
let demoDocId: string;
let acmeDocId: string;

const SECRET_TEXT = 'my pay card ending 4242 was declined at the pharmacy';

beforeEach(async () => {
  deps = await createTestDeps();
  app = createApp(deps);
  await deps.store.tenants.upsert({
    id: 'acme',
    name: 'Acme',
    allowedOrigins: [],
    allowLocalhost: false,
  });
  const doc = (tenantId: string, filename: string) =>
    deps.store.documents.beginVersion({
      tenantId,
      filename,
      title: filename,
      sha256: '0'.repeat(64),
      sizeBytes: 100,
      blobKey: `${tenantId}/${filename}`,
    });
  demoDocId = (await doc('demo', 'demo-secret-handbook.pdf')).documentId;
  acmeDocId = (await doc('acme', 'acme-secret-handbook.pdf')).documentId;
});
afterEach(async () => {
  await deps.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const visitor = async (tenant = 'demo') => (await deps.tokens.issueVisitor(tenant, null)).token;
const customer = async (subject: string, tenant = 'demo') =>
  (await deps.tokens.issueCustomer(tenant, subject, 600)).token;
const admin = async (tenant: string) => (await deps.tokens.issueAdmin(tenant, 'ops', 600)).token;

async function say(token: string, body: Record<string, unknown>) {
  return app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Starts a thread with the secret text; returns its id. */
async function threadOf(token: string) {
  const res = await say(token, { message: SECRET_TEXT });
  expect(res.status).toBe(200);
  return ((await res.json()) as { conversation_id: string }).conversation_id;
}

const history = (token: string, id: string) =>
  app.request(`/api/v1/chat/history/${id}`, { headers: bearer(token) });

async function expectNotFoundWithoutLeak(res: Response) {
  expect(res.status).toBe(404);
  const text = await res.text();
  expect(JSON.parse(text)).toMatchObject({ error: { code: 'not_found' } });
  expect(text).not.toContain('4242');
  expect(text).not.toContain('pharmacy');
  expect(text).not.toContain('secret-handbook');
}

describe('IDOR: conversations', () => {
  it("a visitor cannot read another visitor's history; both reads are audited", async () => {
    const alice = await visitor();
    const id = await threadOf(alice);
    const mallory = await visitor();
    await expectNotFoundWithoutLeak(await history(mallory, id));
    expect((await history(alice, id)).status).toBe(200);
    const [read, denied] = await deps.store.audit.list('demo', 2);
    expect(read).toMatchObject({ action: 'conversation.read', resourceId: id });
    expect(denied).toMatchObject({
      action: 'conversation.read_denied',
      resourceId: id,
      actorType: 'visitor',
    });
    expect(denied?.actorId).not.toBe(read?.actorId);
  });

  it("a visitor cannot post into another visitor's thread, and the thread is unchanged", async () => {
    const alice = await visitor();
    const id = await threadOf(alice);
    const before = await deps.store.messages.list('demo', id);
    const res = await say(await visitor(), { message: 'hello', conversation_id: id });
    await expectNotFoundWithoutLeak(res);
    expect(await deps.store.messages.list('demo', id)).toEqual(before);
    const [refused] = await deps.store.audit.list('demo', 1);
    expect(refused).toMatchObject({ action: 'conversation.write_denied', resourceId: id });
  });

  it("a customer cannot read or post into another customer's thread", async () => {
    const id = await threadOf(await customer('demo-customer-1'));
    const other = await customer('demo-customer-2');
    await expectNotFoundWithoutLeak(await history(other, id));
    await expectNotFoundWithoutLeak(await say(other, { message: 'hi', conversation_id: id }));
  });

  it("a visitor cannot reach a customer's thread, nor a customer a visitor's", async () => {
    const customerThread = await threadOf(await customer('demo-customer-1'));
    const visitorThread = await threadOf(await visitor());
    await expectNotFoundWithoutLeak(await history(await visitor(), customerThread));
    await expectNotFoundWithoutLeak(
      await history(await customer('demo-customer-1'), visitorThread),
    );
  });

  it('the same subject in another tenant is another person', async () => {
    const id = await threadOf(await customer('worker-7', 'demo'));
    const twin = await customer('worker-7', 'acme');
    await expectNotFoundWithoutLeak(await history(twin, id));
    await expectNotFoundWithoutLeak(await say(twin, { message: 'hi', conversation_id: id }));
  });

  it('an admin token is not a chat identity: no history, no messages', async () => {
    const id = await threadOf(await visitor());
    expect((await history(await admin('demo'), id)).status).toBe(403);
    expect((await say(await admin('demo'), { message: 'hi' })).status).toBe(403);
  });

  it('a tenant in the chat body is ignored: the thread is filed under the token tenant', async () => {
    const token = await visitor('demo');
    const res = await say(token, { message: 'hello', tenant: 'acme', tenant_id: 'acme' });
    expect(res.status).toBe(200);
    const { conversation_id: id } = (await res.json()) as { conversation_id: string };
    expect(await deps.store.conversations.get('demo', id)).not.toBeNull();
    expect(await deps.store.conversations.get('acme', id)).toBeNull();
  });
});

describe('IDOR: admin documents across tenants', () => {
  it("an acme admin gets 404 for demo's document on read, rename and delete", async () => {
    const token = await admin('acme');
    const url = `/api/v1/admin/documents/${demoDocId}`;
    await expectNotFoundWithoutLeak(await app.request(url, { headers: bearer(token) }));
    await expectNotFoundWithoutLeak(
      await app.request(url, {
        method: 'PATCH',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'pwned' }),
      }),
    );
    await expectNotFoundWithoutLeak(
      await app.request(url, { method: 'DELETE', headers: bearer(token) }),
    );
    const still = await deps.store.documents.get('demo', demoDocId);
    expect(still?.title).toBe('demo-secret-handbook.pdf');
  });

  it("a tenant in the query is ignored for a tenant admin: acme's list stays acme's", async () => {
    const res = await app.request('/api/v1/admin/documents?tenant=demo', {
      headers: bearer(await admin('acme')),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain(acmeDocId);
    expect(text).not.toContain(demoDocId);
    expect(text).not.toContain('demo-secret-handbook');
  });

  it('every refused document access is on the record of the tenant that tried', async () => {
    const token = await admin('acme');
    await app.request(`/api/v1/admin/documents/${demoDocId}`, { headers: bearer(token) });
    const [record] = await deps.store.audit.list('acme', 1);
    expect(record).toMatchObject({
      action: 'document.read',
      resourceId: demoDocId,
      details: { status: 404 },
    });
  });
});

describe('customer and visitor tokens on admin endpoints', () => {
  const endpoints = (docId: string): Array<[string, string]> => [
    ['GET', '/api/v1/admin/documents'],
    ['POST', '/api/v1/admin/documents'],
    ['GET', `/api/v1/admin/documents/${docId}`],
    ['PATCH', `/api/v1/admin/documents/${docId}`],
    ['DELETE', `/api/v1/admin/documents/${docId}`],
    ['GET', '/api/v1/admin/documents/not-a-uuid'],
    ['GET', '/api/v1/admin/audit-logs'],
    ['GET', '/api/v1/admin/audit-logs?format=csv'],
    ['GET', '/api/v1/admin/no-such-route'],
  ];

  it('answers 403 for every admin endpoint and method, leaking nothing', async () => {
    for (const token of [await customer('demo-customer-1'), await visitor()]) {
      for (const [method, url] of endpoints(demoDocId)) {
        const res = await app.request(url, {
          method,
          headers: { ...bearer(token), 'content-type': 'application/json' },
          ...(method === 'PATCH' ? { body: JSON.stringify({ title: 'x' }) } : {}),
        });
        expect(res.status, `${method} ${url}`).toBe(403);
        const text = await res.text();
        expect(text).not.toContain('secret-handbook');
        expect(text).not.toContain('prev_hash');
      }
    }
    expect(await deps.store.documents.get('demo', demoDocId)).not.toBeNull();
    const refused = (await deps.store.audit.list('demo', 100)).filter(
      (r) => r.action === 'admin.denied',
    );
    expect(refused).toHaveLength(18);
  });
});
