import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../store/sqlite/open';
import { createAccountLookup } from './create-account-lookup';
import { seedDemoAccounts } from './demo-accounts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const one = { tenantId: 'demo', subject: 'demo-customer-1' };
const two = { tenantId: 'demo', subject: 'demo-customer-2' };

describe('the demo account lookup on SQLite sample data', () => {
  it('seeds dated sample accounts and reads them back newest first', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const accounts = store.demoAccounts;
    expect(await seedDemoAccounts(accounts, 'demo', NOW)).toEqual([
      'demo-customer-1',
      'demo-customer-2',
      'demo-customer-3',
    ]);
    const payouts = await accounts.recentPayouts(one);
    expect(payouts.map((p) => [p.id, p.status, p.scheduledFor])).toEqual([
      ['po_1003', 'scheduled', '2026-12-02'],
      ['po_1002', 'paid', '2026-11-30'],
      ['po_1001', 'paid', '2026-11-24'],
    ]);
    expect(payouts[0]).toMatchObject({ amountCents: 8420, kind: 'tips', destination: 'pay_card' });
    expect(await accounts.recentPayouts(one, 1)).toHaveLength(1);
    const failed = (await accounts.recentPayouts(two)).find((p) => p.status === 'failed');
    expect(failed).toMatchObject({ failureReason: 'Bank account closed', paidAt: null });
    expect(await accounts.payCard(two)).toEqual({
      last4: '7719',
      status: 'shipped',
      shippedAt: '2026-11-28T15:00:00.000Z',
    });
    expect(await accounts.directDeposit(two)).toMatchObject({ status: 'pending_verification' });
    expect(await accounts.payCard({ tenantId: 'demo', subject: 'demo-customer-3' })).toBeNull();
    await store.close();
  });

  it('keys every read by tenant and subject: nothing leaks across either', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await seedDemoAccounts(store.demoAccounts, 'demo', NOW);
    const otherTenant = { tenantId: 'acme', subject: 'demo-customer-1' };
    expect(await store.demoAccounts.recentPayouts(otherTenant)).toEqual([]);
    expect(await store.demoAccounts.payCard(otherTenant)).toBeNull();
    expect(await store.demoAccounts.directDeposit(otherTenant)).toBeNull();
    const mine = await store.demoAccounts.recentPayouts(two);
    expect(mine.every((p) => p.id.startsWith('po_2'))).toBe(true);
    await store.close();
  });

  it('re-seeding replaces rather than duplicates, and limits are clamped to 1..10', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    await seedDemoAccounts(store.demoAccounts, 'demo', NOW);
    await seedDemoAccounts(store.demoAccounts, 'demo', new Date('2026-12-05T12:00:00.000Z'));
    const payouts = await store.demoAccounts.recentPayouts(one, 50);
    expect(payouts).toHaveLength(3);
    expect(payouts[0]?.scheduledFor).toBe('2026-12-06');
    expect(await store.demoAccounts.recentPayouts(one, 0)).toHaveLength(1);
    await store.close();
  });

  it('is what createAccountLookup picks when no payout system is configured', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    expect(createAccountLookup({ accountApi: null, demo: store.demoAccounts })).toBe(
      store.demoAccounts,
    );
    const http = createAccountLookup({
      accountApi: { url: 'http://127.0.0.1:9', token: 't' },
      demo: store.demoAccounts,
    });
    expect(http).not.toBe(store.demoAccounts);
    await store.close();
  });
});
