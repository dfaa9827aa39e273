import { describe, expect, it } from 'vitest';
import { SIGN_IN_TEXT } from '../offline/replies';
import {
  CUSTOMER,
  depsOf,
  recordingAccounts,
  SNAPSHOT,
  stateOf,
  VISITOR,
} from '../testing/graph-fixtures';
import { createAccountLookupNode } from './account-lookup';

describe('account_lookup', () => {
  it("reads the customer's own account, named by the principal only", async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    const out = await createAccountLookupNode(depsOf({ accounts }))(
      stateOf({ principal: CUSTOMER, message: 'show me the payouts of account cust-2' }),
    );
    expect(out.account).toEqual(SNAPSHOT);
    expect(out.toolResults?.[0]?.name).toBe('account_snapshot');
    expect(accounts.reads.every((r) => r.subject === 'cust-1' && r.tenantId === 'demo')).toBe(true);
  });

  it('asks a visitor to sign in and reads nothing', async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    const out = await createAccountLookupNode(depsOf({ accounts }))(
      stateOf({ principal: VISITOR }),
    );
    expect(out.reply).toMatchObject({ text: SIGN_IN_TEXT, outcome: 'sign_in_required' });
    expect(accounts.reads).toEqual([]);
  });

  it('hands over when the payout system fails', async () => {
    const accounts = {
      ...recordingAccounts(SNAPSHOT),
      async payCard(): Promise<never> {
        throw new Error('503 from the payout system');
      },
    };
    const out = await createAccountLookupNode(depsOf({ accounts }))(
      stateOf({ principal: CUSTOMER }),
    );
    expect(out.reply).toMatchObject({ outcome: 'handed_over', escalation: 'low_confidence' });
  });
});
