import { AppError } from '../errors';
import type { KeyCensusRow, Store } from '../store/types';

/** Options for one `wagechat keys rotate` run. */
export interface RotateKeysOptions {
  /** Rows per transaction (default 500): short transactions keep chat writes flowing. */
  batch?: number;
  /** Stop after this many batches (tests simulate an interrupted run); default: until done. */
  maxBatches?: number;
  /** Who ran it, for the audit trail (the CLI passes the OS user). */
  actor?: string;
  /** Called after each committed batch, e.g. to print progress. */
  onBatch?: (progress: { batches: number; rotated: number }) => void;
}

/** What a run did, and what the columns hold afterwards. */
export interface RotateKeysResult {
  activeKeyId: string;
  rotated: number;
  batches: number;
  /** False when `maxBatches` stopped the run early: run it again to continue. */
  complete: boolean;
  before: KeyCensusRow[];
  after: KeyCensusRow[];
}

/** Values not on `activeKeyId` (other keys, or plain text from before encryption). */
export const staleCount = (census: KeyCensusRow[], activeKeyId: string): number =>
  census.filter((row) => row.keyId !== activeKeyId).reduce((sum, row) => sum + row.count, 0);

/**
 * Re-encrypts every stored value whose key id is not the active one, batch by batch, each
 * batch its own transaction. Idempotent: a rerun after an interruption finds only what is
 * left. Audited as `keys.rotate` at the start and the end (counts and key ids, no values).
 * @example await rotateKeys(store, { batch: 500, onBatch: (p) => console.log(p.rotated) })
 */
export async function rotateKeys(
  store: Store,
  options: RotateKeysOptions = {},
): Promise<RotateKeysResult> {
  const batch = options.batch ?? 500;
  if (!Number.isInteger(batch) || batch < 1)
    throw new AppError('invalid_request', 'The batch size must be a positive integer.');
  const activeKeyId = store.keyRotation.activeKeyId();
  if (!activeKeyId)
    throw new AppError('internal', 'The store was opened without field encryption.');
  const before = await store.keyRotation.census();
  const audit = (details: Record<string, unknown>) =>
    store.audit.append({
      // Keys are platform-wide, not one tenant's: '*' as for a platform admin.
      tenantId: '*',
      actorType: 'system',
      actorId: options.actor ?? 'wagechat-cli',
      action: 'keys.rotate',
      resourceType: 'encryption_key',
      resourceId: activeKeyId,
      details,
      ip: null,
      userAgent: null,
    });
  await audit({ phase: 'started', stale: staleCount(before, activeKeyId), batchSize: batch });
  let cursor = null as Awaited<ReturnType<Store['keyRotation']['rotateBatch']>>['cursor'];
  let rotated = 0;
  let batches = 0;
  let complete = false;
  try {
    for (;;) {
      if (options.maxBatches !== undefined && batches >= options.maxBatches) break;
      const step = await store.keyRotation.rotateBatch(cursor, batch);
      if (step.cursor === null) {
        complete = true;
        break;
      }
      cursor = step.cursor;
      rotated += step.rotated;
      batches += 1;
      options.onBatch?.({ batches, rotated });
    }
  } finally {
    // Also when a batch fails (a value whose key is missing): the trail shows how far it got.
    await audit({ phase: complete ? 'finished' : 'stopped', rotated, batches });
  }
  const after = await store.keyRotation.census();
  return { activeKeyId, rotated, batches, complete, before, after };
}
