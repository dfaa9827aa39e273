import { describe, expect, it } from 'vitest';
import { can, isPlatformAdmin, type Permission } from './rbac';

const visitor = { role: 'visitor', tenantId: 'demo' } as const;
const customer = { role: 'customer', tenantId: 'demo' } as const;
const admin = { role: 'admin', tenantId: 'demo' } as const;
const platform = { role: 'admin', tenantId: '*' } as const;
const system = { role: 'system', tenantId: 'demo' } as const;

const granted = (p: Parameters<typeof can>[0], all: Permission[]) => all.filter((x) => can(p, x));
const ALL: Permission[] = [
  'chat:send',
  'conversation:read:own',
  'account:read:own',
  'upload:own',
  'document:read',
  'document:write',
  'conversation:read:tenant',
  'audit:read',
  'audit:export',
  'tenant:read',
  'tenant:manage',
  'webhook:receive',
];

describe('can', () => {
  it('gives visitors chat and their own thread only', () => {
    expect(granted(visitor, ALL)).toEqual(['chat:send', 'conversation:read:own']);
  });

  it('gives customers their own account and uploads on top', () => {
    expect(granted(customer, ALL)).toEqual([
      'chat:send',
      'conversation:read:own',
      'account:read:own',
      'upload:own',
    ]);
  });

  it('gives a tenant admin the admin API but not chat nor tenant management', () => {
    expect(granted(admin, ALL)).toEqual([
      'document:read',
      'document:write',
      'conversation:read:tenant',
      'audit:read',
      'audit:export',
      'tenant:read',
    ]);
  });

  it('gives a platform admin (tenant *) tenant management too', () => {
    expect(isPlatformAdmin(platform)).toBe(true);
    expect(isPlatformAdmin(admin)).toBe(false);
    expect(can(platform, 'tenant:manage')).toBe(true);
    expect(can(platform, 'chat:send')).toBe(false);
  });

  it('gives the system role webhooks only, and an unknown role nothing', () => {
    expect(granted(system, ALL)).toEqual(['webhook:receive']);
    expect(granted({ role: 'root' as 'admin', tenantId: '*' }, ALL)).toEqual([]);
    // A visitor whose tenant claims "*" is still a visitor.
    expect(can({ role: 'visitor', tenantId: '*' }, 'audit:read')).toBe(false);
  });
});
