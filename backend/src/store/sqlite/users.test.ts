import { describe, expect, it } from 'vitest';
import { openSqliteStore } from './open';

describe('users (migration 7)', () => {
  it('records a subject once per tenant and keeps email/name when a later sign-in omits them', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const first = await store.users.upsertSeen({
      tenantId: 'acme',
      subject: 'u-1',
      email: 'ana@example.com',
      name: 'Ana',
    });
    expect(first).toMatchObject({ tenantId: 'acme', subject: 'u-1', email: 'ana@example.com' });
    await new Promise((r) => setTimeout(r, 5));
    const again = await store.users.upsertSeen({
      tenantId: 'acme',
      subject: 'u-1',
      email: null,
      name: 'Ana B',
    });
    expect(again).toMatchObject({
      email: 'ana@example.com',
      name: 'Ana B',
      firstSeenAt: first.firstSeenAt,
    });
    expect(again.lastSeenAt > first.lastSeenAt).toBe(true);
    // Same subject at another tenant is another person.
    expect(await store.users.get('other', 'u-1')).toBeNull();
    await store.users.upsertSeen({ tenantId: 'other', subject: 'u-1', email: null, name: null });
    expect(await store.users.get('other', 'u-1')).toMatchObject({ email: null, name: null });
    await store.close();
  });
});
