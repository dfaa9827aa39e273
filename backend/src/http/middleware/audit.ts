import type { Context, MiddlewareHandler } from 'hono';
import type { AuditRepository } from '../../store/types';
import { clientIp } from '../client-ip';
import type { AppEnv, AuditNote } from '../env';

/**
 * Appends one action of the verified caller of the widget API (a thread read, an upload, a
 * rating): who, what, on which resource, and facts only, never message text, names or bytes.
 */
export function auditCaller(
  audit: AuditRepository,
  c: Context<AppEnv>,
  action: string,
  resource: { type: string; id: string | null },
  details: Record<string, unknown>,
) {
  const principal = c.get('principal');
  return audit.append({
    tenantId: principal.tenantId,
    actorType: principal.role,
    actorId: principal.subject,
    action,
    resourceType: resource.type,
    resourceId: resource.id,
    details: { ...details, request_id: c.get('requestId') },
    ip: clientIp(c),
    userAgent: c.req.header('user-agent') ?? null,
  });
}

/**
 * Records every request to the admin API in the audit trail, refused ones included: who
 * (from the verified token, or "anonymous"), what, and the outcome. A handler that sets an
 * `auditNote` names the action and resource (`document.read`, `audit.export`); otherwise the
 * method and path stand in. Mounted before requireAuth so failed attempts are caught too; the
 * central error handler has already set the status by the time `next()` returns.
 */
export function auditAdminRequests(audit: AuditRepository): MiddlewareHandler<AppEnv> {
  return async function auditAdminRequestsMiddleware(c, next) {
    await next();
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    const note = c.get('auditNote') as AuditNote | undefined;
    const status = c.res.status;
    const denied = status === 401 || status === 403;
    // Filed under the tenant acted for, so a tenant's admins see a platform admin's access too.
    const acting = (c.get('tenantId') as string | undefined) ?? principal?.tenantId;
    await audit.append({
      // A refused caller has no verified tenant; "*" files the attempt under none.
      tenantId: acting ?? '*',
      actorType: principal?.role ?? 'visitor',
      actorId: principal?.subject ?? 'anonymous',
      action: denied ? 'admin.denied' : (note?.action ?? `admin.${c.req.method.toLowerCase()}`),
      resourceType: denied || !note ? 'admin_api' : note.resourceType,
      resourceId: denied || !note ? c.req.path : note.resourceId,
      details: {
        ...(denied ? {} : note?.details),
        method: c.req.method,
        path: c.req.path,
        status,
        request_id: c.get('requestId'),
        // A platform admin acting for one tenant: their token's own tenant ('*').
        ...(principal && acting !== principal.tenantId ? { token_tenant: principal.tenantId } : {}),
      },
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
  };
}

/**
 * Records refusals on the widget API: a missing, malformed, forged or expired bearer
 * (`auth.failed`, 401), and a verified token used where it may not be (`auth.denied`, 403: a
 * session replayed from another site, an admin token on the chat API). Mounted before
 * requireAuth; the admin API has its own record (`admin.denied`) and the portal-token exchange
 * writes its own in http/auth-routes.ts.
 */
export function auditFailedSignIns(audit: AuditRepository): MiddlewareHandler<AppEnv> {
  return async function auditFailedSignInsMiddleware(c, next) {
    await next();
    const status = c.res.status;
    if (status !== 401 && status !== 403) return;
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    const details = (c.error as { details?: Record<string, unknown> } | undefined)?.details;
    const reason =
      typeof details?.reason === 'string'
        ? details.reason
        : status === 403
          ? 'not_permitted'
          : c.req.header('authorization')
            ? 'token_invalid'
            : 'no_token';
    await audit.append({
      tenantId: principal?.tenantId ?? '*',
      actorType: principal?.role ?? 'visitor',
      actorId: principal?.subject ?? 'anonymous',
      action: status === 401 ? 'auth.failed' : 'auth.denied',
      resourceType: 'api',
      resourceId: c.req.path,
      details: {
        reason,
        method: c.req.method,
        status,
        // Only what the browser claimed; the token's own origin is in the principal.
        origin: c.req.header('origin') ?? null,
        request_id: c.get('requestId'),
      },
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
  };
}
