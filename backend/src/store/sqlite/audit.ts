import type { Database } from 'better-sqlite3';
import { type ChainedFields, chainHash, GENESIS_HASH } from '../../security/audit-chain';
import type { AuditEvent, AuditQuery, AuditRecord, AuditRepository } from '../types';
import { type ChainRow, chainFields, verifyAuditChain } from './audit-verify';

/** A stored row, as the chain check reads it, with the actor type narrowed. */
interface AuditRow extends ChainRow {
  actor_type: AuditRecord['actorType'];
}

const toRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  actorType: r.actor_type,
  actorId: r.actor_id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  details: JSON.parse(r.details) as Record<string, unknown>,
  ip: r.ip,
  userAgent: r.user_agent,
  prevHash: r.prev_hash,
  hash: r.hash,
  createdAt: r.created_at,
});

/**
 * The synchronous append, for writes that must commit together with others (a chat turn):
 * called inside a caller's transaction it joins it; alone it is its own transaction.
 */
export function createSqliteAuditAppender(db: Database): (event: AuditEvent) => number | bigint {
  const last = db.prepare<[], { hash: string }>(
    'SELECT hash FROM audit_logs ORDER BY id DESC LIMIT 1',
  );
  const insert = db.prepare(
    `INSERT INTO audit_logs (tenant_id, actor_type, actor_id, action, resource_type, resource_id, details, ip, user_agent, prev_hash, hash, created_at)
     VALUES (@tenantId, @actorType, @actorId, @action, @resourceType, @resourceId, @detailsJson, @ip, @userAgent, @prevHash, @hash, @createdAt)`,
  );
  // Reading the last hash and inserting happen in one transaction so two appends can't fork the chain.
  const appendTx = db.transaction((fields: ChainedFields) => {
    const prevHash = last.get()?.hash ?? GENESIS_HASH;
    const hash = chainHash(prevHash, fields);
    return insert.run({ ...fields, prevHash, hash }).lastInsertRowid;
  });
  return (event) =>
    appendTx({
      tenantId: event.tenantId,
      actorType: event.actorType,
      actorId: event.actorId,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      detailsJson: JSON.stringify(event.details),
      ip: event.ip,
      userAgent: event.userAgent,
      createdAt: new Date().toISOString(),
    });
}

export function createSqliteAuditRepository(db: Database): AuditRepository {
  const appendSync = createSqliteAuditAppender(db);
  const byId = db.prepare<[number | bigint], AuditRow>('SELECT * FROM audit_logs WHERE id = ?');
  const byTenant = db.prepare<[string, number], AuditRow>(
    'SELECT * FROM audit_logs WHERE tenant_id = ? ORDER BY id DESC LIMIT ?',
  );
  const all = db.prepare<[], AuditRow>('SELECT * FROM audit_logs ORDER BY id ASC');
  return {
    async append(event) {
      return toRecord(byId.get(appendSync(event))!);
    },
    async list(tenantId, limit = 100) {
      return byTenant.all(tenantId, limit).map(toRecord);
    },
    async verifyAll() {
      return verifyAuditChain(db);
    },
    async query(filter) {
      const { sql, params } = querySql(filter);
      return db
        .prepare<unknown[], AuditRow>(sql)
        .all(...params)
        .map(toRecord);
    },
    async verify() {
      let prev = GENESIS_HASH;
      for (const row of all.iterate()) {
        if (row.prev_hash !== prev || chainHash(prev, chainFields(row)) !== row.hash) return row.id;
        prev = row.hash;
      }
      return null;
    },
  };
}

/** Filters as one parameterised statement; the columns and operators are fixed here, only values vary. */
function querySql(f: AuditQuery): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    where.push(clause);
    params.push(value);
  };
  if (f.tenantId !== null) add('tenant_id = ?', f.tenantId);
  if (f.action !== undefined) add('action = ?', f.action);
  if (f.actorId !== undefined) add('actor_id = ?', f.actorId);
  if (f.actorType !== undefined) add('actor_type = ?', f.actorType);
  if (f.resourceType !== undefined) add('resource_type = ?', f.resourceType);
  if (f.resourceId !== undefined) add('resource_id = ?', f.resourceId);
  if (f.from !== undefined) add('created_at >= ?', f.from);
  if (f.to !== undefined) add('created_at < ?', f.to);
  if (f.beforeId !== undefined) add('id < ?', f.beforeId);
  params.push(f.limit);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { sql: `SELECT * FROM audit_logs ${clause} ORDER BY id DESC LIMIT ?`, params };
}
