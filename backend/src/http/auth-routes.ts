import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors';
import type { TokenService } from '../security/session-tokens';
import type { Store, Tenant } from '../store/types';
import type { AppEnv } from './env';
import { parseJsonBody } from './validate';

const sessionBody = z.object({
  tenant: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'must be a tenant id (lower-case letters, digits, dashes)',
  }),
});

function isLocalOrigin(origin: string): boolean {
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

/** Whether a page on `origin` may open sessions for `tenant`. No Origin means not a browser. */
export function originAllowed(tenant: Tenant, origin: string | undefined): boolean {
  if (!origin) return true;
  return tenant.allowedOrigins.includes(origin) || (tenant.allowLocalhost && isLocalOrigin(origin));
}

export interface AuthRouteDeps {
  store: Store;
  tokens: TokenService;
}

/**
 * `POST /session`: an anonymous visitor token bound to tenant and origin (API v1). With the
 * previous token as a bearer (even one expired up to a day ago), the new token names the same
 * visitor.
 */
export function createAuthRoutes(deps: AuthRouteDeps) {
  return new Hono<AppEnv>().post('/session', async (c) => {
    const body = await parseJsonBody(c, sessionBody);
    const tenant = await deps.store.tenants.get(body.tenant);
    if (!tenant) throw new AppError('not_found', `No tenant called "${body.tenant}".`);
    const origin = c.req.header('origin');
    if (!originAllowed(tenant, origin)) {
      await deps.store.audit.append({
        tenantId: tenant.id,
        actorType: 'visitor',
        actorId: 'anonymous',
        action: 'auth.session_denied',
        resourceType: 'tenant',
        resourceId: tenant.id,
        details: { origin: origin ?? null },
        ip: null,
        userAgent: c.req.header('user-agent') ?? null,
      });
      throw new AppError('forbidden', 'This site is not allowed to embed this tenant’s chat.');
    }
    // A widget renewing its session sends the old token, so the visitor keeps its threads.
    const previous = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const renewed = previous ? await deps.tokens.renewVisitor(previous, origin ?? null) : null;
    if (renewed && renewed.principal.tenantId !== tenant.id) {
      throw new AppError('forbidden', 'That session belongs to another tenant.');
    }
    const issued = renewed ?? (await deps.tokens.issueVisitor(tenant.id, origin ?? null));
    return c.json({ token: issued.token, expires_at: issued.expiresAt.toISOString() }, 201);
  });
}
