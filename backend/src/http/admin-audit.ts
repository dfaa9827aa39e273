import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../errors';
import { ALL_TENANTS, can } from '../security/rbac';
import type { AuditQuery, AuditRecord, AuditRepository } from '../store/types';
import { toCsv } from './csv';
import type { AppEnv } from './env';

/** Rows one export may carry; past it, `next_cursor` continues where it stopped. */
export const AUDIT_EXPORT_MAX = 50_000;

const text = z.string().trim().min(1).max(200);
const isoTime = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value).toISOString());

const auditQuery = z
  .object({
    action: text.optional(),
    actor_id: text.optional(),
    actor_type: z.enum(['visitor', 'customer', 'admin', 'system']).optional(),
    resource_type: text.optional(),
    resource_id: text.optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    cursor: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).optional(),
    format: z.enum(['csv', 'json']).optional(),
    // Read by scopeTenant (platform admins only); accepted here so strict parsing allows it.
    tenant: z.string().optional(),
  })
  .strict();

const COLUMNS = [
  'id',
  'created_at',
  'tenant_id',
  'actor_type',
  'actor_id',
  'action',
  'resource_type',
  'resource_id',
  'ip',
  'user_agent',
  'details',
  'prev_hash',
  'hash',
] as const;

function recordJson(r: AuditRecord) {
  return {
    id: r.id,
    created_at: r.createdAt,
    tenant_id: r.tenantId,
    actor_type: r.actorType,
    actor_id: r.actorId,
    action: r.action,
    resource_type: r.resourceType,
    resource_id: r.resourceId,
    ip: r.ip,
    user_agent: r.userAgent,
    details: r.details,
    prev_hash: r.prevHash,
    hash: r.hash,
  };
}

/**
 * `GET /` (mounted at /api/v1/admin/audit-logs): the tenant's audit records, newest first,
 * filtered and paged by cursor (`cursor` = the last id seen). `format=csv|json` exports every
 * match (up to AUDIT_EXPORT_MAX) as a download; an export needs `audit:export` and is itself
 * audited as `audit.export` with its filter and row count (set as the request's audit note).
 */
export function createAuditLogRoutes(audit: AuditRepository) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const parsed = auditQuery.safeParse(c.req.query());
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AppError(
        'invalid_request',
        `${issue?.path.join('.') || 'query'}: ${issue?.message ?? 'is not valid'}`,
      );
    }
    const q = parsed.data;
    const exporting = q.format !== undefined;
    if (exporting && !can(c.get('principal'), 'audit:export')) {
      throw new AppError('forbidden', 'This token may not export the audit trail.');
    }
    const tenantId = c.get('tenantId');
    const limit = exporting ? (q.limit ?? AUDIT_EXPORT_MAX) : (q.limit ?? 100);
    const filter: AuditQuery = {
      tenantId: tenantId === ALL_TENANTS ? null : tenantId,
      action: q.action,
      actorId: q.actor_id,
      actorType: q.actor_type,
      resourceType: q.resource_type,
      resourceId: q.resource_id,
      from: q.from,
      to: q.to,
      beforeId: q.cursor,
      limit: limit + 1,
    };
    const found = await audit.query(filter);
    const items = found.slice(0, limit);
    const nextCursor = found.length > limit ? (items.at(-1)?.id ?? null) : null;
    const { limit: _limit, ...shown } = filter;
    c.set('auditNote', {
      action: exporting ? 'audit.export' : 'audit.read',
      resourceType: 'audit_log',
      resourceId: filter.tenantId ?? ALL_TENANTS,
      details: { filter: { ...shown, limit }, format: q.format ?? null, rows: items.length },
    });
    if (!exporting) return c.json({ items: items.map(recordJson), next_cursor: nextCursor });

    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    c.header('Content-Disposition', `attachment; filename="audit-logs-${stamp}.${q.format}"`);
    c.header('Cache-Control', 'no-store');
    if (nextCursor !== null) c.header('X-Next-Cursor', String(nextCursor));
    if (q.format === 'json') {
      return c.json({ items: items.map(recordJson), next_cursor: nextCursor });
    }
    const rows = items.map((r) => {
      const json = recordJson(r);
      return COLUMNS.map((k) => (k === 'details' ? JSON.stringify(json.details) : json[k]));
    });
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(toCsv([...COLUMNS], rows));
  });
}
