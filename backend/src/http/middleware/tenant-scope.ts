import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';
import { ALL_TENANTS, isPlatformAdmin } from '../../security/rbac';
import type { Principal } from '../../security/session-tokens';
import type { AppEnv } from '../env';

const TENANT_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Sets the `tenantId` an admin route acts for. A tenant admin always acts for the tenant in
 * their verified token (a `tenant` query parameter is ignored). Only a platform admin (tenant
 * '*') may pick one with `?tenant=`; without it they act for all tenants, which routes that
 * need one tenant refuse with `requireOneTenant`.
 */
export function scopeTenant(): MiddlewareHandler<AppEnv> {
  return async function scopeTenantMiddleware(c, next) {
    const principal = c.get('principal') as Principal | undefined;
    if (principal && isPlatformAdmin(principal)) {
      const asked = c.req.query('tenant');
      if (asked !== undefined && !TENANT_ID.test(asked)) {
        throw new AppError('invalid_request', 'tenant must be a tenant id.');
      }
      c.set('tenantId', asked ?? ALL_TENANTS);
    } else if (principal) {
      c.set('tenantId', principal.tenantId);
    }
    await next();
  };
}

/** Refuses a platform admin who has not named the tenant a per-tenant route needs. */
export function requireOneTenant(): MiddlewareHandler<AppEnv> {
  return async function requireOneTenantMiddleware(c, next) {
    if (c.get('tenantId') === ALL_TENANTS) {
      throw new AppError('invalid_request', 'Name the tenant to act for with ?tenant=<id>.');
    }
    await next();
  };
}
