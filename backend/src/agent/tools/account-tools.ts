/**
 * The account tools a connected-mode model may call for a signed-in customer (§3.2.1, OWASP
 * LLM06). None takes an account id: the account is bound here from the verified principal, so
 * no message, document or tool output can point a tool at someone else's money.
 */
import { type StructuredToolInterface, tool } from '@langchain/core/tools';
import { z } from 'zod';
import { toAppError } from '../../errors';
import type {
  AccountLookup,
  AccountRef,
  AccountSnapshot,
  Payout,
} from '../../integrations/accounts/types';
import { MAX_PAYOUT_LIMIT } from '../../integrations/accounts/types';
import { redactPii } from '../../security/redact';
import type { Principal } from '../../security/session-tokens';

/** The tag around every account tool result: the prompt tells the model its content is data. */
export const ACCOUNT_DATA_TAG = 'account_data';

/**
 * JSON inside `<account_data source="...">`. `<`, `>` and `&` are escaped as JSON unicode
 * escapes, so text from the payout system can never close the tag or open another.
 * @example accountData('get_pay_card_status', { payCard: null })
 */
export function accountData(source: string, value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[<>&]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `<${ACCOUNT_DATA_TAG} source="${source}">${json}</${ACCOUNT_DATA_TAG}>`;
}

/** Payouts with the payout system's free-text reason redacted: it is going to a model. */
function redactReasons(payouts: readonly Payout[]): Payout[] {
  return payouts.map((p) => ({
    ...p,
    failureReason: p.failureReason && redactPii(p.failureReason).text,
  }));
}

/**
 * A whole snapshot as tagged, PII-redacted data, for the account_lookup node's tool result.
 * @example toolResults: [{ name: 'account_snapshot', content: accountSnapshotData(account) }]
 */
export function accountSnapshotData(snapshot: AccountSnapshot): string {
  return accountData('account_snapshot', { ...snapshot, payouts: redactReasons(snapshot.payouts) });
}

/** Runs a lookup; a failure becomes a data-tagged error the model can relay, not a crash. */
async function guarded(source: string, lookup: () => Promise<unknown>): Promise<string> {
  try {
    return accountData(source, await lookup());
  } catch (error) {
    // AppError messages are written for users and carry no account data or credentials.
    return accountData(source, { error: toAppError(error).message });
  }
}

// Strict: an injected `subject`/`account_id` argument is rejected, not silently honoured.
const noArguments = z.strictObject({});
const payoutArguments = z.strictObject({
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_PAYOUT_LIMIT)
    .optional()
    .describe('How many recent payouts to return, newest first (default 5).'),
});

/**
 * Account tools bound to the caller; empty for anyone but a customer (a visitor is asked to
 * sign in, an admin has no account of their own here).
 * @example const tools = createAccountTools(lookup, principal); model.bindTools(tools)
 */
export function createAccountTools(
  lookup: AccountLookup,
  principal: Principal,
): StructuredToolInterface[] {
  if (principal.role !== 'customer') return [];
  const account: AccountRef = { tenantId: principal.tenantId, subject: principal.subject };
  return [
    tool(
      ({ limit }) =>
        guarded('get_recent_payouts', async () => {
          return { payouts: redactReasons(await lookup.recentPayouts(account, limit)) };
        }),
      {
        name: 'get_recent_payouts',
        description:
          "The signed-in customer's own recent payouts (tips, wages, Instant Pay), newest first: amount in cents, status, scheduled date, paid time, destination and any failure reason.",
        schema: payoutArguments,
      },
    ),
    tool(
      () =>
        guarded('get_pay_card_status', async () => ({ payCard: await lookup.payCard(account) })),
      {
        name: 'get_pay_card_status',
        description:
          "The signed-in customer's own pay card: last four digits, status (active, locked, lost, shipped, closed) and when a new card shipped.",
        schema: noArguments,
      },
    ),
    tool(
      () =>
        guarded('get_direct_deposit_status', async () => ({
          directDeposit: await lookup.directDeposit(account),
        })),
      {
        name: 'get_direct_deposit_status',
        description:
          "The signed-in customer's own direct deposit: status (active, pending_verification, not_set_up, rejected), bank name and account's last four digits.",
        schema: noArguments,
      },
    ),
  ];
}
