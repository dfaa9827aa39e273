import type { MiddlewareHandler } from 'hono';
import type { AuditRepository } from '../../store/types';
import { clientIp } from '../client-ip';
import type { AppEnv } from '../env';

/**
 * Records every request to the admin API in the audit trail, refused ones included: who
 * (from the verified token, or "anonymous"), what (method and path; document ids are in the
 * path), and the outcome. Mounted before requireAuth so failed attempts are caught too; the
 * central error handler has already set the status by the time `next()` returns.
 */
export function auditAdminRequests(audit: AuditRepository): MiddlewareHandler<AppEnv> {
  return async function auditAdminRequestsMiddleware(c, next) {
    await next();
    const principal = c.get('principal') as AppEnv['Variables']['principal'] | undefined;
    const status = c.res.status;
    await audit.append({
      // A refused caller has no verified tenant; "*" files the attempt under none.
      tenantId: principal?.tenantId ?? '*',
      actorType: principal?.role ?? 'visitor',
      actorId: principal?.subject ?? 'anonymous',
      action:
        status === 401 || status === 403 ? 'admin.denied' : `admin.${c.req.method.toLowerCase()}`,
      resourceType: 'admin_api',
      resourceId: c.req.path,
      details: { method: c.req.method, status, request_id: c.get('requestId') },
      ip: clientIp(c),
      userAgent: c.req.header('user-agent') ?? null,
    });
  };
}
