/**
 * Names every edited, inserted and deleted audit record, not just the first break. Ids are
 * dense (AUTOINCREMENT, and a rolled-back append rolls its id back too), so a missing id is a
 * deleted record; a record whose hash does not cover its own fields was edited; a record the
 * chain steps over (its successor chains from its predecessor) was inserted.
 *
 * What no hash chain can reveal without an outside anchor: a record appended at the tail with
 * correctly computed hashes, or the whole chain recomputed after an edit with ids kept dense.
 */
import type { Database } from 'better-sqlite3';
import { type ChainedFields, chainHash, GENESIS_HASH } from '../../security/audit-chain';
import type { AuditProblem } from '../types';

/** The columns the check needs, as stored. */
export interface ChainRow {
  id: number;
  tenant_id: string;
  actor_type: string;
  actor_id: string;
  action: string;
  resource_type: string | null;
  resource_id: string | null;
  details: string;
  ip: string | null;
  user_agent: string | null;
  prev_hash: string;
  hash: string;
  created_at: string;
}

/** A row's hashed fields, exactly as the appender hashed them. */
export const chainFields = (r: ChainRow): ChainedFields => ({
  tenantId: r.tenant_id,
  actorType: r.actor_type,
  actorId: r.actor_id,
  action: r.action,
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  detailsJson: r.details,
  ip: r.ip,
  userAgent: r.user_agent,
  createdAt: r.created_at,
});

const one = (kind: AuditProblem['kind'], r: ChainRow, message: string): AuditProblem => ({
  kind,
  id: r.id,
  throughId: r.id,
  tenantId: r.tenant_id,
  message,
});

/**
 * Walks rows in id order (with one row of look-ahead) and yields each problem found.
 * `highestIssued` is the largest id ever handed out (sqlite_sequence), which reveals records
 * deleted from the tail.
 */
export function* chainProblems(
  rows: Iterable<ChainRow>,
  highestIssued: number | null,
): Generator<AuditProblem> {
  const it = rows[Symbol.iterator]();
  let before: ChainRow | null = null;
  // The hash the chain stood at before `before`: what a successor skipping `before` chains from.
  let hashBeforeBefore = GENESIS_HASH;
  let lastId = 0;
  let cur: ChainRow | null = it.next().value ?? null;
  while (cur) {
    const next: ChainRow | null = it.next().value ?? null;
    const expectedPrev = before?.hash ?? GENESIS_HASH;
    const selfOk = chainHash(cur.prev_hash, chainFields(cur)) === cur.hash;
    const links = cur.prev_hash === expectedPrev;
    const gap = cur.id > lastId + 1;
    if (gap) {
      yield {
        kind: 'deleted',
        id: lastId + 1,
        throughId: cur.id - 1,
        tenantId: null,
        message: `records ${lastId + 1}..${cur.id - 1} are missing before record ${cur.id}`,
      };
    }
    if (links || gap) {
      if (!selfOk) yield one('edited', cur, `record ${cur.id}'s fields do not match its hash`);
    } else if (next && next.prev_hash === expectedPrev) {
      // The chain steps over this record: it was put in between two that chained directly.
      yield one('inserted', cur, `record ${cur.id} is not part of the chain`);
      lastId = cur.id;
      cur = next;
      continue;
    } else if (before && cur.prev_hash === hashBeforeBefore) {
      yield one('inserted', before, `record ${before.id} is not part of the chain`);
    } else if (!selfOk) {
      yield next
        ? one('edited', cur, `record ${cur.id}'s fields do not match its hash`)
        : one('inserted', cur, `record ${cur.id} does not chain from record ${lastId}`);
    } else if (before && next) {
      yield one('edited', before, `record ${before.id} was edited and re-hashed`);
    } else {
      yield one('inserted', cur, `record ${cur.id} does not chain from record ${lastId}`);
    }
    hashBeforeBefore = expectedPrev;
    before = cur;
    lastId = cur.id;
    cur = next;
  }
  if (highestIssued !== null && highestIssued > lastId) {
    yield {
      kind: 'deleted',
      id: lastId + 1,
      throughId: highestIssued,
      tenantId: null,
      message: `records ${lastId + 1}..${highestIssued} were issued and are gone`,
    };
  }
}

/** Every problem in the database's audit chain, in id order. */
export function verifyAuditChain(db: Database): AuditProblem[] {
  const rows = db.prepare<[], ChainRow>('SELECT * FROM audit_logs ORDER BY id ASC').iterate();
  const seq = db
    .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'audit_logs'")
    .get();
  return [...chainProblems(rows, seq?.seq ?? null)];
}
