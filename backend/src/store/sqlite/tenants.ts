import type { Database } from 'better-sqlite3';
import type { Tenant, TenantAuth, TenantInput, TenantRepository } from '../types';

interface TenantRow {
  id: string;
  name: string;
  allowed_origins: string;
  allow_localhost: number;
  jwt_hs256_secret: string | null;
  jwt_jwks_url: string | null;
  jwt_issuer: string | null;
  jwt_audience: string | null;
  jwt_algorithms: string;
  theme: string;
  ai_budget_usd: number | null;
  created_at: string;
}

const NO_AUTH: TenantAuth = {
  hs256Secret: null,
  jwksUrl: null,
  issuer: null,
  audience: null,
  algorithms: [],
};

const toTenant = (r: TenantRow): Tenant => ({
  id: r.id,
  name: r.name,
  allowedOrigins: JSON.parse(r.allowed_origins) as string[],
  allowLocalhost: r.allow_localhost === 1,
  auth: {
    hs256Secret: r.jwt_hs256_secret,
    jwksUrl: r.jwt_jwks_url,
    issuer: r.jwt_issuer,
    audience: r.jwt_audience,
    algorithms: JSON.parse(r.jwt_algorithms) as TenantAuth['algorithms'],
  },
  theme: JSON.parse(r.theme) as Record<string, string>,
  aiBudgetUsd: r.ai_budget_usd,
  createdAt: r.created_at,
});

/** Tenants (migrations 1 and 6). Writes replace whole rows, so a patch is read-merge-write. */
export function createSqliteTenantRepository(db: Database): TenantRepository {
  const select = db.prepare<[string], TenantRow>('SELECT * FROM tenants WHERE id = ?');
  const selectAll = db.prepare<[], TenantRow>('SELECT * FROM tenants ORDER BY id');
  const upsert = db.prepare(
    `INSERT INTO tenants (id, name, allowed_origins, allow_localhost, jwt_hs256_secret, jwt_jwks_url,
       jwt_issuer, jwt_audience, jwt_algorithms, theme, ai_budget_usd, created_at, updated_at)
     VALUES (@id, @name, @allowed_origins, @allow_localhost, @jwt_hs256_secret, @jwt_jwks_url,
       @jwt_issuer, @jwt_audience, @jwt_algorithms, @theme, @ai_budget_usd, @now, @now)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins,
       allow_localhost = excluded.allow_localhost, jwt_hs256_secret = excluded.jwt_hs256_secret,
       jwt_jwks_url = excluded.jwt_jwks_url, jwt_issuer = excluded.jwt_issuer,
       jwt_audience = excluded.jwt_audience, jwt_algorithms = excluded.jwt_algorithms,
       theme = excluded.theme, ai_budget_usd = excluded.ai_budget_usd,
       updated_at = excluded.updated_at`,
  );

  function write(tenant: TenantInput): Tenant {
    const auth = { ...NO_AUTH, ...tenant.auth };
    upsert.run({
      id: tenant.id,
      name: tenant.name,
      allowed_origins: JSON.stringify(tenant.allowedOrigins),
      allow_localhost: tenant.allowLocalhost ? 1 : 0,
      jwt_hs256_secret: auth.hs256Secret,
      jwt_jwks_url: auth.jwksUrl,
      jwt_issuer: auth.issuer,
      jwt_audience: auth.audience,
      jwt_algorithms: JSON.stringify(auth.algorithms),
      theme: JSON.stringify(tenant.theme ?? {}),
      ai_budget_usd: tenant.aiBudgetUsd ?? null,
      now: new Date().toISOString(),
    });
    return toTenant(select.get(tenant.id)!);
  }

  // Read and write in one transaction so two concurrent patches cannot lose each other's fields.
  const patchTenant = db.transaction(
    (id: string, patch: Parameters<TenantRepository['update']>[1]) => {
      const row = select.get(id);
      if (!row) return null;
      const current = toTenant(row);
      return write({ ...current, ...patch, auth: { ...current.auth, ...patch.auth } });
    },
  );

  return {
    async get(id) {
      const row = select.get(id);
      return row ? toTenant(row) : null;
    },
    async list() {
      return selectAll.all().map(toTenant);
    },
    async upsert(tenant) {
      return write(tenant);
    },
    async update(id, patch) {
      return patchTenant(id, patch);
    },
  };
}
