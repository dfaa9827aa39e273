/**
 * The account seam of the design document §3.2.1: what the agent may know about a signed-in
 * customer's money. The demo tenant reads SQLite sample rows; a real deployment reads the
 * payout system over HTTP. Both are chosen in create-account-lookup.ts.
 */

/** Whose account: ALWAYS taken from the verified principal (role 'customer'), never from text. */
export interface AccountRef {
  tenantId: string;
  subject: string;
}

/** One payout. Amounts in cents; `scheduledFor` is a date (YYYY-MM-DD), `paidAt` an ISO instant. */
export interface Payout {
  id: string;
  amountCents: number;
  currency: 'USD';
  kind: 'tips' | 'wages' | 'instant_pay';
  status: 'scheduled' | 'processing' | 'paid' | 'failed' | 'returned';
  scheduledFor: string;
  paidAt: string | null;
  destination: 'pay_card' | 'bank_account';
  /** Plain words from the payout system, e.g. "Bank account closed". */
  failureReason: string | null;
}

/** The customer's pay card; `shippedAt` is an ISO instant while a new card is on its way. */
export interface PayCardStatus {
  last4: string;
  status: 'active' | 'locked' | 'lost' | 'shipped' | 'closed';
  shippedAt: string | null;
}

/** Direct deposit to a bank account; `since` is when the status last changed (ISO instant). */
export interface DirectDepositStatus {
  status: 'active' | 'pending_verification' | 'not_set_up' | 'rejected';
  bankName: string | null;
  accountLast4: string | null;
  since: string | null;
}

/** Everything looked up for one turn; null means the customer has none. */
export interface AccountSnapshot {
  payouts: Payout[];
  payCard: PayCardStatus | null;
  directDeposit: DirectDepositStatus | null;
}

/**
 * Read-only account facts. Implementations never take an account id from anywhere but the
 * `AccountRef` the caller built from a verified principal.
 */
export interface AccountLookup {
  /** Newest first (by scheduled date); `limit` defaults to 5. */
  recentPayouts(account: AccountRef, limit?: number): Promise<Payout[]>;
  payCard(account: AccountRef): Promise<PayCardStatus | null>;
  directDeposit(account: AccountRef): Promise<DirectDepositStatus | null>;
}

/** The demo lookup, which can also be written to (seeding, tests). */
export interface DemoAccountStore extends AccountLookup {
  /** Replaces everything stored for this account with `snapshot`, in one transaction. */
  put(account: AccountRef, snapshot: AccountSnapshot): Promise<void>;
}

/** Default number of payouts a lookup returns, and the most any caller may ask for. */
export const DEFAULT_PAYOUT_LIMIT = 5;
export const MAX_PAYOUT_LIMIT = 10;

/** Clamps a caller's limit into 1..MAX_PAYOUT_LIMIT (a model may ask for anything). */
export function payoutLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_PAYOUT_LIMIT;
  return Math.min(MAX_PAYOUT_LIMIT, Math.max(1, Math.trunc(limit)));
}
