/**
 * account_lookup: the signed-in customer's payouts, pay card and direct deposit (§3.2.1). The
 * account is the verified principal's and nothing else: no part of the message, the model's
 * output or the history can name another one. A visitor never reaches this node (the graph
 * asks them to sign in); should one arrive, it gets the same answer and no lookup.
 */
import type { AccountRef } from '../../integrations/accounts/types';
import type { AgentDeps } from '../graph-deps';
import { HANDOVER_TEXT, SIGN_IN_TEXT } from '../offline/replies';
import type { AgentStateUpdate, AgentStateValue, Reply } from '../state';

const fixed = (
  text: string,
  outcome: Reply['outcome'],
  escalation: Reply['escalation'],
): Reply => ({
  text,
  streamed: false,
  source: 'offline',
  outcome,
  escalation,
  citations: [],
  used: [],
  confidence: outcome === 'sign_in_required' ? 1 : 0,
});

/** Builds the account_lookup node. */
export function createAccountLookupNode(deps: AgentDeps) {
  return async function accountLookup(state: AgentStateValue): Promise<AgentStateUpdate> {
    const { principal } = state;
    if (principal.role !== 'customer')
      return { reply: fixed(SIGN_IN_TEXT, 'sign_in_required', null) };
    if (!deps.accounts) return { reply: fixed(HANDOVER_TEXT, 'handed_over', 'no_knowledge') };
    const ref: AccountRef = { tenantId: principal.tenantId, subject: principal.subject };
    try {
      const [payouts, payCard, directDeposit] = await Promise.all([
        deps.accounts.recentPayouts(ref),
        deps.accounts.payCard(ref),
        deps.accounts.directDeposit(ref),
      ]);
      const account = { payouts, payCard, directDeposit };
      return {
        account,
        toolResults: [{ name: 'account_snapshot', content: JSON.stringify(account) }],
      };
    } catch (error) {
      // The payout system is down or refused: a person can look, the agent must not guess.
      deps.logger.warn({ err_name: (error as Error).name }, 'account lookup failed');
      return { reply: fixed(HANDOVER_TEXT, 'handed_over', 'low_confidence') };
    }
  };
}
