import type { AccountSnapshot, DemoAccountStore, Payout } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day `days` from `now`, as YYYY-MM-DD in UTC (pay dates are days, not instants). */
const day = (now: Date, days: number) =>
  new Date(now.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** Payouts land mid-afternoon UTC on their pay date (a morning in US time zones). */
const paidOn = (now: Date, days: number) => `${day(now, days)}T15:00:00.000Z`;

const payout = (
  p: Partial<Payout> & Pick<Payout, 'id' | 'amountCents' | 'scheduledFor'>,
): Payout => ({
  currency: 'USD',
  kind: 'tips',
  status: 'scheduled',
  paidAt: null,
  destination: 'pay_card',
  failureReason: null,
  ...p,
});

/**
 * Sample accounts for the demo portal, dated relative to `now` so the demo always reads as
 * current and tests are deterministic:
 * - `demo-customer-1`: tips due tomorrow, tips paid yesterday, wages paid a week ago; active
 *   card; active direct deposit.
 * - `demo-customer-2`: a wage payout that failed (bank account closed), tips due tomorrow; a
 *   new card shipped 3 days ago; direct deposit pending verification.
 * - `demo-customer-3`: a new worker with nothing set up yet.
 */
export function demoAccountSnapshots(now: Date): Record<string, AccountSnapshot> {
  return {
    'demo-customer-1': {
      payouts: [
        payout({ id: 'po_1003', amountCents: 8420, scheduledFor: day(now, 1) }),
        payout({
          id: 'po_1002',
          amountCents: 9735,
          scheduledFor: day(now, -1),
          status: 'paid',
          paidAt: paidOn(now, -1),
        }),
        payout({
          id: 'po_1001',
          amountCents: 61248,
          kind: 'wages',
          scheduledFor: day(now, -7),
          status: 'paid',
          paidAt: paidOn(now, -7),
          destination: 'bank_account',
        }),
      ],
      payCard: { last4: '4821', status: 'active', shippedAt: null },
      directDeposit: {
        status: 'active',
        bankName: 'First Harbor Credit Union',
        accountLast4: '3310',
        since: paidOn(now, -60),
      },
    },
    'demo-customer-2': {
      payouts: [
        payout({ id: 'po_2003', amountCents: 4680, scheduledFor: day(now, 1) }),
        payout({
          id: 'po_2002',
          amountCents: 23015,
          kind: 'wages',
          scheduledFor: day(now, -2),
          status: 'failed',
          destination: 'bank_account',
          failureReason: 'Bank account closed',
        }),
        payout({
          id: 'po_2001',
          amountCents: 5210,
          scheduledFor: day(now, -9),
          status: 'paid',
          paidAt: paidOn(now, -9),
        }),
      ],
      payCard: { last4: '7719', status: 'shipped', shippedAt: paidOn(now, -3) },
      directDeposit: {
        status: 'pending_verification',
        bankName: 'Lakeside National Bank',
        accountLast4: '5502',
        since: paidOn(now, -1),
      },
    },
    'demo-customer-3': {
      payouts: [],
      payCard: null,
      directDeposit: { status: 'not_set_up', bankName: null, accountLast4: null, since: null },
    },
  };
}

/**
 * Writes the sample accounts for `tenantId`, replacing what was there (safe to run at every start).
 * @returns the subjects seeded, e.g. ['demo-customer-1', ...]
 */
export async function seedDemoAccounts(
  accounts: DemoAccountStore,
  tenantId: string,
  now: Date,
): Promise<string[]> {
  const snapshots = demoAccountSnapshots(now);
  for (const [subject, snapshot] of Object.entries(snapshots)) {
    await accounts.put({ tenantId, subject }, snapshot);
  }
  return Object.keys(snapshots);
}
