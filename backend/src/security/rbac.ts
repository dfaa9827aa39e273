/**
 * Who may do what, decided in one place. Routes ask for a permission (`requirePermission`);
 * `requireAuth` only proves who the caller is. Scope (own thread, own tenant, all tenants)
 * comes from the verified principal, never from the request body or path.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../errors';
import type { AppEnv } from '../http/env';
import type { Principal, Role } from './session-tokens';

/** Everything a caller can be allowed to do. `:own` is limited to the caller's own subject. */
export type Permission =
  | 'chat:send'
  | 'conversation:read:own'
  | 'account:read:own'
  | 'upload:own'
  | 'document:read'
  | 'document:write'
  | 'conversation:read:tenant'
  | 'audit:read'
  | 'audit:export'
  | 'tenant:read'
  | 'tenant:manage'
  | 'webhook:receive';

/** The tenant id an admin token carries to act across every tenant (a platform admin). */
export const ALL_TENANTS = '*';

const VISITOR: readonly Permission[] = ['chat:send', 'conversation:read:own'];
const CUSTOMER: readonly Permission[] = [...VISITOR, 'account:read:own', 'upload:own'];
const TENANT_ADMIN: readonly Permission[] = [
  'document:read',
  'document:write',
  'conversation:read:tenant',
  'audit:read',
  'audit:export',
  'tenant:read',
];
const PLATFORM_ADMIN: readonly Permission[] = [...TENANT_ADMIN, 'tenant:manage'];

/** The whole policy: permissions per role. A platform admin is an admin of tenant '*'. */
export const PERMISSIONS: Readonly<
  Record<Role | 'system' | 'platform_admin', readonly Permission[]>
> = {
  visitor: VISITOR,
  customer: CUSTOMER,
  admin: TENANT_ADMIN,
  platform_admin: PLATFORM_ADMIN,
  system: ['webhook:receive'],
};

/** True when the principal is an admin of every tenant. */
export function isPlatformAdmin(principal: Pick<Principal, 'role' | 'tenantId'>): boolean {
  return principal.role === 'admin' && principal.tenantId === ALL_TENANTS;
}

/** Whether the verified principal holds `permission` (scope is checked by the handler). */
export function can(principal: Pick<Principal, 'role' | 'tenantId'>, permission: Permission) {
  const role = isPlatformAdmin(principal) ? 'platform_admin' : (principal.role as string);
  const granted = (PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role];
  return granted?.includes(permission) ?? false;
}

/**
 * Refuses (403) a verified caller without `permission`; 401 when no one was verified. Pass a
 * function to pick the permission per request (reads vs writes on one path).
 * @example api.use('/admin/audit-logs', requirePermission('audit:read'))
 */
export function requirePermission(
  permission: Permission | ((method: string) => Permission),
): MiddlewareHandler<AppEnv> {
  return async function requirePermissionMiddleware(c, next) {
    const principal = c.get('principal') as Principal | undefined;
    if (!principal)
      throw new AppError('unauthorized', 'Send a bearer token in the Authorization header.');
    const needed = typeof permission === 'function' ? permission(c.req.method) : permission;
    if (!can(principal, needed)) {
      throw new AppError('forbidden', 'This token may not use this endpoint.');
    }
    await next();
  };
}
