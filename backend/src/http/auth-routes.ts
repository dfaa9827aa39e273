import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors';
import {
  type CustomerTokenVerifier,
  createCustomerTokenVerifier,
} from '../security/customer-tokens';
import type { TokenService } from '../security/session-tokens';
import { tokenFailureReason } from '../security/token-failure';
import type { Store, Tenant } from '../store/types';
import { clientIp } from './client-ip';
import type { AppEnv } from './env';
import { tenantAllowsOrigin } from './tenant-origins';
import { parseJsonBody } from './validate';

const sessionBody = z.object({
  tenant: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
    message: 'must be a tenant id (lower-case letters, digits, dashes)',
  }),
  // The portal's signed token for its signed-in user (widget `identify(token)`).
  customer_token: z
    .string()
    .min(1, { message: 'must not be empty' })
    .max(8192, { message: 'is too long' })
    .optional(),
});

/** Whether a page on `origin` may open sessions for `tenant`. No Origin means not a browser. */
export function originAllowed(tenant: Tenant, origin: string | undefined): boolean {
  if (!origin) return true;
  return tenantAllowsOrigin(tenant, origin);
}

export interface AuthRouteDeps {
  store: Store;
  tokens: TokenService;
  /** Portal-token verification; one per app by default, so JWKS stay cached between requests. */
  customers?: CustomerTokenVerifier;
}

/**
 * `POST /session` (API v1). Without `customer_token`: an anonymous visitor token bound to tenant
 * and origin; with the previous token as a bearer (even one expired up to a day ago), the new
 * token names the same visitor. With `customer_token`: the portal's token is verified against
 * the tenant's settings and exchanged for a customer session, bound to the origin the same way.
 * A bearer sent alongside is ignored then: a visitor's thread is never carried into a customer's.
 */
export function createAuthRoutes(deps: AuthRouteDeps) {
  const customers = deps.customers ?? createCustomerTokenVerifier();
  return new Hono<AppEnv>().post('/session', async (c) => {
    const body = await parseJsonBody(c, sessionBody);
    const tenant = await deps.store.tenants.get(body.tenant);
    if (!tenant) throw new AppError('not_found', `No tenant called "${body.tenant}".`);
    const origin = c.req.header('origin');
    const audit = (
      action: string,
      actorType: 'visitor' | 'customer',
      actorId: string,
      details: Record<string, unknown>,
    ) =>
      deps.store.audit.append({
        tenantId: tenant.id,
        actorType,
        actorId,
        action,
        resourceType: 'tenant',
        resourceId: tenant.id,
        details: { ...details, origin: origin ?? null },
        ip: clientIp(c),
        userAgent: c.req.header('user-agent') ?? null,
      });
    if (!originAllowed(tenant, origin)) {
      await audit('auth.session_denied', 'visitor', 'anonymous', {});
      throw new AppError('forbidden', 'This site is not allowed to embed this tenant’s chat.');
    }

    if (body.customer_token !== undefined) {
      let identity: Awaited<ReturnType<CustomerTokenVerifier['verify']>>;
      try {
        identity = await customers.verify(tenant.id, tenant.auth, body.customer_token);
      } catch (error) {
        // The reason, never the token: a token is a credential, even a refused one.
        await audit('auth.failed', 'customer', 'unknown', { reason: tokenFailureReason(error) });
        throw error;
      }
      await deps.store.users.upsertSeen({ tenantId: tenant.id, ...identity });
      await audit('auth.customer_session', 'customer', identity.subject, {});
      const issued = await deps.tokens.issueCustomerSession(
        tenant.id,
        identity.subject,
        origin ?? null,
      );
      return c.json({ token: issued.token, expires_at: issued.expiresAt.toISOString() }, 201);
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
