import { runRetention } from '../security/retention';
import type { Store } from '../store/types';
import type { CommandOutput } from './audit-verify';

/**
 * `wagechat retention run`: one retention pass now (for cron, or a server started without its
 * daily timer). Prints what was deleted; the audit chain records the same.
 */
export async function retentionRunCommand(
  store: Pick<Store, 'retention' | 'audit'>,
  retentionDays: number,
  out: CommandOutput,
  now?: () => Date,
): Promise<number> {
  const result = await runRetention({ store, retentionDays, now });
  out.log(
    `Retention (${retentionDays} days, cutoff ${result.cutoff}): deleted ${result.messages} messages and ${result.conversations} conversations in ${result.batches} batch(es).`,
  );
  return 0;
}
