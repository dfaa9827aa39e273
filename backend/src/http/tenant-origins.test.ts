import { describe, expect, it } from 'vitest';
import type { Tenant } from '../store/types';
import { createTenantOrigins, isLocalOrigin } from './tenant-origins';

function fakeTenants(initial: Array<Pick<Tenant, 'allowedOrigins' | 'allowLocalhost'>>) {
  let tenants = initial;
  let reads = 0;
  return {
    repo: {
      async list() {
        reads += 1;
        return tenants as Tenant[];
      },
    },
    set(next: typeof initial) {
      tenants = next;
    },
    reads: () => reads,
  };
}

describe('createTenantOrigins', () => {
  it('allows exact tenant origins, localhost only if some tenant allows it, nothing else', async () => {
    const t = fakeTenants([
      { allowedOrigins: ['https://portal.acme.example'], allowLocalhost: false },
    ]);
    const origins = createTenantOrigins({ tenants: t.repo });
    expect(await origins.allows('https://portal.acme.example')).toBe(true);
    expect(await origins.allows('https://evil.example')).toBe(false);
    expect(await origins.allows('https://portal.acme.example.evil.example')).toBe(false);
    expect(await origins.allows('http://localhost:3000')).toBe(false);
    expect(await origins.allows('')).toBe(false);
    t.set([{ allowedOrigins: [], allowLocalhost: true }]);
    origins.invalidate();
    expect(await origins.allows('http://localhost:3000')).toBe(true);
    expect(await origins.allows('http://localhost.evil.example')).toBe(false);
  });

  it('reloads after the TTL, and on a miss at most once per interval', async () => {
    let now = 0;
    const t = fakeTenants([{ allowedOrigins: ['https://a.example'], allowLocalhost: false }]);
    const origins = createTenantOrigins({
      tenants: t.repo,
      ttlMs: 10_000,
      missReloadMs: 1_000,
      now: () => now,
    });
    expect(await origins.allows('https://a.example')).toBe(true);
    t.set([{ allowedOrigins: ['https://b.example'], allowLocalhost: false }]);
    for (let i = 0; i < 50; i++) await origins.allows('https://evil.example');
    expect(t.reads()).toBe(1);
    expect(await origins.allows('https://b.example')).toBe(false);
    now = 1_000;
    // A newly added portal works within a second; a stream of unknown origins cost one read.
    expect(await origins.allows('https://b.example')).toBe(true);
    expect(t.reads()).toBe(2);
    now = 12_000;
    expect(await origins.allows('https://a.example')).toBe(false);
  });
});

describe('isLocalOrigin', () => {
  it.each([
    ['http://localhost:5173', true],
    ['http://127.0.0.1', true],
    ['http://[::1]:8080', true],
    ['https://localhost.example', false],
    ['file://localhost', false],
    ['null', false],
  ])('%s -> %s', (origin, expected) => expect(isLocalOrigin(origin)).toBe(expected));
});
