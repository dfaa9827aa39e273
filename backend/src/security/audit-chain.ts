/**
 * The audit trail is hash-chained: each record's hash covers the previous record's hash and
 * the record's own stored fields, so editing or removing any record breaks every later hash.
 */
import { createHash } from 'node:crypto';

/** The hash the first record chains from. */
export const GENESIS_HASH = '0'.repeat(64);

/** The stored form of a record, exactly as hashed (details already serialised). */
export interface ChainedFields {
  tenantId: string;
  actorType: string;
  actorId: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  detailsJson: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
}

/** sha256 over a fixed-order array, so field order can never change the result. */
export function chainHash(prevHash: string, f: ChainedFields): string {
  const payload = JSON.stringify([
    prevHash,
    f.tenantId,
    f.actorType,
    f.actorId,
    f.action,
    f.resourceType,
    f.resourceId,
    f.detailsJson,
    f.ip,
    f.userAgent,
    f.createdAt,
  ]);
  return createHash('sha256').update(payload).digest('hex');
}
