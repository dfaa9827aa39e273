import type { Database } from 'better-sqlite3';
import {
  type AccountRef,
  type DemoAccountStore,
  type DirectDepositStatus,
  type PayCardStatus,
  type Payout,
  payoutLimit,
} from './types';

interface PayoutRow {
  id: string;
  amount_cents: number;
  currency: 'USD';
  kind: Payout['kind'];
  status: Payout['status'];
  scheduled_for: string;
  paid_at: string | null;
  destination: Payout['destination'];
  failure_reason: string | null;
}

interface CardRow {
  last4: string;
  status: PayCardStatus['status'];
  shipped_at: string | null;
}

interface DepositRow {
  status: DirectDepositStatus['status'];
  bank_name: string | null;
  account_last4: string | null;
  since: string | null;
}

const toPayout = (r: PayoutRow): Payout => ({
  id: r.id,
  amountCents: r.amount_cents,
  currency: r.currency,
  kind: r.kind,
  status: r.status,
  scheduledFor: r.scheduled_for,
  paidAt: r.paid_at,
  destination: r.destination,
  failureReason: r.failure_reason,
});

/**
 * The demo tenant's account lookup on the `demo_*` tables (migration 3). Every query is keyed
 * by (tenant_id, subject), so one customer can never read another's rows.
 * @example const accounts = createSqliteAccountLookup(db); await accounts.payCard(ref)
 */
export function createSqliteAccountLookup(db: Database): DemoAccountStore {
  const payouts = db.prepare<[string, string, number], PayoutRow>(
    `SELECT * FROM demo_payouts WHERE tenant_id = ? AND subject = ?
     ORDER BY scheduled_for DESC, id DESC LIMIT ?`,
  );
  const card = db.prepare<[string, string], CardRow>(
    'SELECT * FROM demo_pay_cards WHERE tenant_id = ? AND subject = ?',
  );
  const deposit = db.prepare<[string, string], DepositRow>(
    'SELECT * FROM demo_direct_deposits WHERE tenant_id = ? AND subject = ?',
  );
  const clear = ['demo_payouts', 'demo_pay_cards', 'demo_direct_deposits'].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE tenant_id = ? AND subject = ?`),
  );
  const insertPayout = db.prepare(
    `INSERT INTO demo_payouts (tenant_id, subject, id, amount_cents, currency, kind, status,
       scheduled_for, paid_at, destination, failure_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCard = db.prepare(
    'INSERT INTO demo_pay_cards (tenant_id, subject, last4, status, shipped_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertDeposit = db.prepare(
    `INSERT INTO demo_direct_deposits (tenant_id, subject, status, bank_name, account_last4, since)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const put = db.transaction((a: AccountRef, snapshot: Parameters<DemoAccountStore['put']>[1]) => {
    for (const statement of clear) statement.run(a.tenantId, a.subject);
    for (const p of snapshot.payouts) {
      insertPayout.run(
        a.tenantId,
        a.subject,
        p.id,
        p.amountCents,
        p.currency,
        p.kind,
        p.status,
        p.scheduledFor,
        p.paidAt,
        p.destination,
        p.failureReason,
      );
    }
    const c = snapshot.payCard;
    if (c) insertCard.run(a.tenantId, a.subject, c.last4, c.status, c.shippedAt);
    const d = snapshot.directDeposit;
    if (d) insertDeposit.run(a.tenantId, a.subject, d.status, d.bankName, d.accountLast4, d.since);
  });
  return {
    async recentPayouts(account, limit) {
      return payouts.all(account.tenantId, account.subject, payoutLimit(limit)).map(toPayout);
    },
    async payCard(account) {
      const row = card.get(account.tenantId, account.subject);
      return row ? { last4: row.last4, status: row.status, shippedAt: row.shipped_at } : null;
    },
    async directDeposit(account) {
      const row = deposit.get(account.tenantId, account.subject);
      if (!row) return null;
      return {
        status: row.status,
        bankName: row.bank_name,
        accountLast4: row.account_last4,
        since: row.since,
      };
    },
    async put(account, snapshot) {
      put(account, snapshot);
    },
  };
}
