import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';
import type { Role, TokenService } from '../../security/session-tokens';
import type { AppEnv } from '../env';

export interface RequireAuthOptions {
  tokens: TokenService;
  /**
   * Roles allowed through; others get 403. Prefer `requirePermission` (security/rbac.ts) after
   * this middleware: it decides what each role may do in one place.
   */
  roles?: readonly Role[];
}

/**
 * Verifies `Authorization: Bearer <token>` (ours, or an admin token of the company identity
 * provider) and sets `principal` and `tenantId`. A widget session (visitor or customer) is bound
 * to the portal origin it was issued to: a browser on another origin presenting it is refused.
 */
export function requireAuth(options: RequireAuthOptions): MiddlewareHandler<AppEnv> {
  return async function requireAuthMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError('unauthorized', 'Send a bearer token in the Authorization header.');
    const principal = await options.tokens.verify(match[1]);
    // Set before the checks below so the audit trail can say who was refused.
    c.set('principal', principal);
    c.set('tenantId', principal.tenantId);
    if (options.roles && !options.roles.includes(principal.role)) {
      throw new AppError('forbidden', 'This token may not use this endpoint.');
    }
    const origin = c.req.header('origin');
    if (principal.origin && origin && origin !== principal.origin) {
      throw new AppError('forbidden', 'This session belongs to another site.');
    }
    await next();
  };
}
