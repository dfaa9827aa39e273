import { describe, expect, it } from 'vitest';
import { openSqliteStore } from './open';

const fresh = () => openSqliteStore({ path: ':memory:' });

describe('tenants (migration 6)', () => {
  it('defaults the identity settings, theme and budget when an upsert leaves them out', async () => {
    const store = fresh();
    const tenant = await store.tenants.upsert({
      id: 'acme',
      name: 'Acme',
      allowedOrigins: ['https://portal.acme.example'],
      allowLocalhost: false,
    });
    expect(tenant).toMatchObject({
      auth: { hs256Secret: null, jwksUrl: null, issuer: null, audience: null, algorithms: [] },
      theme: {},
      aiBudgetUsd: null,
    });
    await store.close();
  });

  it('lists tenants by id and patches only the fields given, merging auth', async () => {
    const store = fresh();
    await store.tenants.upsert({
      id: 'zeta',
      name: 'Zeta',
      allowedOrigins: [],
      allowLocalhost: false,
    });
    await store.tenants.upsert({
      id: 'acme',
      name: 'Acme',
      allowedOrigins: ['https://portal.acme.example'],
      allowLocalhost: false,
      auth: { jwksUrl: 'https://idp.acme.example/jwks.json', algorithms: ['RS256'] },
      aiBudgetUsd: 25,
    });
    expect((await store.tenants.list()).map((t) => t.id)).toEqual(['acme', 'zeta']);

    const patched = await store.tenants.update('acme', {
      theme: { accent: '#2f5d50' },
      auth: { issuer: 'https://idp.acme.example' },
    });
    expect(patched).toMatchObject({
      name: 'Acme',
      allowedOrigins: ['https://portal.acme.example'],
      theme: { accent: '#2f5d50' },
      aiBudgetUsd: 25,
      auth: {
        jwksUrl: 'https://idp.acme.example/jwks.json',
        issuer: 'https://idp.acme.example',
        algorithms: ['RS256'],
      },
    });
    expect(await store.tenants.get('acme')).toEqual(patched);
    expect(await store.tenants.update('nobody', { name: 'X' })).toBeNull();
    await store.close();
  });

  it('clears a setting patched to null', async () => {
    const store = fresh();
    await store.tenants.upsert({
      id: 'acme',
      name: 'Acme',
      allowedOrigins: [],
      allowLocalhost: false,
      aiBudgetUsd: 10,
    });
    expect((await store.tenants.update('acme', { aiBudgetUsd: null }))?.aiBudgetUsd).toBeNull();
    await store.close();
  });
});
