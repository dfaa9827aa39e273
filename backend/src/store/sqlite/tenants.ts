import type { Database } from 'better-sqlite3';
import type { Tenant, TenantRepository } from '../types';

interface TenantRow {
  id: string;
  name: string;
  allowed_origins: string;
  allow_localhost: number;
  created_at: string;
}

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id,
  name: r.name,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  allowLocalhost: r.allow_localhost === 1,
  createdAt: r.created_at,
});

export function createSqliteTenantRepository(db: Database): TenantRepository {
  const select = db.prepare<[string], TenantRow>('SELECT * FROM tenants WHERE id = ?');
  const upsert = db.prepare(
    `INSERT INTO tenants (id, name, allowed_origins, allow_localhost, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins,
       allow_localhost = excluded.allow_localhost`,
  );
  return {
    async get(id) {
      const row = select.get(id);
      return row ? toTenant(row) : null;
    },
    async upsert(tenant) {
      upsert.run(
        tenant.id,
        tenant.name,
        JSON.stringify(tenant.allowedOrigins),
        tenant.allowLocalhost ? 1 : 0,
        new Date().toISOString(),
      );
      return toTenant(select.get(tenant.id)!);
    },
  };
}
