import type { Tenant, TenantRepository } from '../store/types';

/** http(s)://localhost, 127.0.0.1 or [::1] on any port: a developer's machine. */
export function isLocalOrigin(origin: string): boolean {
  try {
    const { hostname, protocol } = new URL(origin);
    return (
      (protocol === 'http:' || protocol === 'https:') &&
      ['localhost', '127.0.0.1', '[::1]'].includes(hostname)
    );
  } catch {
    return false;
  }
}

/** Whether `tenant` lets a page on `origin` embed its chat (exact origins; localhost if allowed). */
export function tenantAllowsOrigin(
  tenant: Pick<Tenant, 'allowedOrigins' | 'allowLocalhost'>,
  origin: string,
): boolean {
  return tenant.allowedOrigins.includes(origin) || (tenant.allowLocalhost && isLocalOrigin(origin));
}

export interface TenantOriginsOptions {
  tenants: Pick<TenantRepository, 'list'>;
  /** A replica picks up tenants changed elsewhere (the CLI, another replica) within this. */
  ttlMs?: number;
  /**
   * An origin not in the set reloads it, at most this often: a portal just added works at
   * once, and a stream of unknown origins costs one tenant read per interval, not per request.
   */
  missReloadMs?: number;
  now?: () => number;
}

/** The origins some tenant allows, for CORS: cached, reloaded on change. */
export interface TenantOrigins {
  allows(origin: string): Promise<boolean>;
  /** Drops the cache; call after changing a tenant in this process. */
  invalidate(): void;
}

interface Snapshot {
  exact: Set<string>;
  localhost: boolean;
  loadedAt: number;
}

/**
 * @example const origins = createTenantOrigins({ tenants: store.tenants });
 *   cors({ origin: async (o) => ((await origins.allows(o)) ? o : null) })
 */
export function createTenantOrigins(options: TenantOriginsOptions): TenantOrigins {
  const ttlMs = options.ttlMs ?? 10_000;
  const missReloadMs = options.missReloadMs ?? 1_000;
  const now = options.now ?? Date.now;
  let snapshot: Snapshot | null = null;
  let loading: Promise<Snapshot> | null = null;

  function load(): Promise<Snapshot> {
    // Concurrent requests share one read.
    loading ??= options.tenants
      .list()
      .then((tenants) => {
        snapshot = {
          exact: new Set(tenants.flatMap((t) => t.allowedOrigins)),
          localhost: tenants.some((t) => t.allowLocalhost),
          loadedAt: now(),
        };
        return snapshot;
      })
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  const matches = (s: Snapshot, origin: string) =>
    s.exact.has(origin) || (s.localhost && isLocalOrigin(origin));

  return {
    async allows(origin) {
      if (!origin) return false;
      let current = snapshot;
      if (!current || now() - current.loadedAt >= ttlMs) current = await load();
      if (matches(current, origin)) return true;
      if (now() - current.loadedAt < missReloadMs) return false;
      return matches(await load(), origin);
    },
    invalidate() {
      snapshot = null;
    },
  };
}
