import {
  destinationWords,
  formatDay,
  formatMoney,
  payoutFact,
  payoutNoun,
} from './account-wording';
import type { AccountSnapshot, DirectDepositStatus, PayCardStatus, Payout } from './types';

/** The reply and the facts it rests on (for the trace and the grounding check). */
export interface AccountDescription {
  text: string;
  facts: string[];
}

const CARD = /\bcards?\b/;
// Card words that ask about the card itself even in a sentence about payouts.
const CARD_STATE =
  /\b(activ\w*|arriv\w*|ship\w*|mail\w*|lock\w*|lost|stolen|new|replace\w*|block\w*)\b/;
const DIRECT_DEPOSIT = /\bdirect[\s-]?dep\w*|\bbank account\b|\brouting\b|\bdd\b/;
const PAYOUT =
  /\b(tips?|payouts?|paid|paychecks?|payday|pay ?day|wages?|money|funds|instant pay|transfers?|deposit\w*|earnings?)\b/;
const FAILURE =
  /\b(fail\w*|bounc\w*|return\w*|reject\w*|missing|never|didn'?t|did not|haven'?t|have not|hasn'?t|has not|not (?:received|arrived|showing|there)|where(?:'?s| is| are)?|lost)\b/;
// Only these make "no failed payouts" worth saying; "where are my tips" just wants the dates.
const FAILURE_NAMED = /\b(fail\w*|bounc\w*|return\w*|reject\w*)\b/;
const TIPS = /\btips?\b/;
const WAGES = /\b(wages?|paychecks?|salary|hours)\b/;

/**
 * The offline answer to a signed-in customer's account question, from looked-up facts only:
 * payout timing, a failed payout and its reason, the pay card, direct deposit; whichever the
 * message asks about (payouts when it is unclear). Deterministic: no model, no clock.
 * @example describeAccount('when do I get my tips', snapshot).text
 *   // 'Your next tip payout of $84.20 is scheduled for Wed, Dec 2 to your pay card ending 4821. ...'
 */
export function describeAccount(message: string, snapshot: AccountSnapshot): AccountDescription {
  const m = message.toLowerCase().replace(/[\u2018\u2019]/g, "'");
  const withoutDd = m.replace(DIRECT_DEPOSIT, ' ');
  const asks = {
    card: CARD.test(m),
    deposit: DIRECT_DEPOSIT.test(m),
    payout: PAYOUT.test(withoutDd),
    failure: FAILURE.test(m),
  };
  const parts: AccountDescription[] = [];
  if (asks.payout || (asks.failure && !asks.card) || (!asks.card && !asks.deposit)) {
    parts.push(describePayouts(m, FAILURE_NAMED.test(m), snapshot));
  }
  if (asks.card && (!asks.payout || CARD_STATE.test(m))) parts.push(describeCard(snapshot.payCard));
  if (asks.deposit) parts.push(describeDeposit(snapshot.directDeposit));
  return {
    text: parts.map((p) => p.text).join(' '),
    facts: parts.flatMap((p) => p.facts),
  };
}

function describePayouts(
  m: string,
  askedFailure: boolean,
  snapshot: AccountSnapshot,
): AccountDescription {
  if (snapshot.payouts.length === 0) {
    return { text: "I don't see any payouts on your account yet.", facts: ['payouts: none'] };
  }
  // Narrow to the kind asked about, unless that leaves nothing to say.
  const kind = TIPS.test(m) ? 'tips' : WAGES.test(m) ? 'wages' : null;
  const ofKind = kind ? snapshot.payouts.filter((p) => p.kind === kind) : snapshot.payouts;
  const payouts = ofKind.length > 0 ? ofKind : snapshot.payouts;
  const byDate = [...payouts].sort((a, b) => a.scheduledFor.localeCompare(b.scheduledFor));
  const failed = byDate.filter((p) => p.status === 'failed' || p.status === 'returned').at(-1);
  const next = byDate.find((p) => p.status === 'scheduled' || p.status === 'processing');
  const lastPaid = byDate.filter((p) => p.status === 'paid').at(-1);

  const used: Payout[] = [];
  const sentences: string[] = [];
  const to = (p: Payout) => destinationWords(p, snapshot);
  if (failed) {
    const verb = failed.status === 'failed' ? 'failed' : 'was returned';
    const reason = failed.failureReason ? ` The reason given: ${failed.failureReason}.` : '';
    sentences.push(
      `Your ${payoutNoun(failed)} of ${formatMoney(failed.amountCents)} scheduled for ${formatDay(failed.scheduledFor)} to ${to(failed)} ${verb}.${reason}`,
    );
    used.push(failed);
  } else if (askedFailure) {
    sentences.push("I don't see any failed or returned payouts on your account.");
  }
  if (next) {
    const state = next.status === 'processing' ? 'is processing, scheduled' : 'is scheduled';
    sentences.push(
      `Your next ${payoutNoun(next)} of ${formatMoney(next.amountCents)} ${state} for ${formatDay(next.scheduledFor)} to ${to(next)}.`,
    );
    used.push(next);
  }
  if (lastPaid) {
    sentences.push(
      `Your last ${payoutNoun(lastPaid)}, ${formatMoney(lastPaid.amountCents)}, was paid on ${formatDay(lastPaid.paidAt ?? lastPaid.scheduledFor)} to ${to(lastPaid)}.`,
    );
    used.push(lastPaid);
  }
  if (sentences.length === 0) {
    const latest = byDate.at(-1)!;
    sentences.push(
      `Your latest ${payoutNoun(latest)} of ${formatMoney(latest.amountCents)} is ${latest.status}.`,
    );
    used.push(latest);
  }
  return { text: sentences.join(' '), facts: used.map(payoutFact) };
}

const CARD_STATE_WORDS: Record<PayCardStatus['status'], string> = {
  active: 'is active',
  locked: 'is locked',
  lost: 'is reported lost',
  shipped: 'is on its way',
  closed: 'is closed',
};

function describeCard(card: PayCardStatus | null): AccountDescription {
  if (!card) return { text: "I don't see a pay card on your account.", facts: ['pay card: none'] };
  const shipped =
    card.status === 'shipped' && card.shippedAt
      ? ` It was shipped on ${formatDay(card.shippedAt)}.`
      : '';
  const noun = card.status === 'shipped' ? 'Your new pay card' : 'Your pay card';
  return {
    text: `${noun} ending ${card.last4} ${CARD_STATE_WORDS[card.status]}.${shipped}`,
    facts: [
      `pay card ${card.last4}: ${card.status}${card.shippedAt ? `, shipped ${card.shippedAt.slice(0, 10)}` : ''}`,
    ],
  };
}

const DEPOSIT_STATE_WORDS: Record<DirectDepositStatus['status'], string> = {
  active: 'is active',
  pending_verification: 'is pending verification',
  not_set_up: 'is not set up',
  rejected: 'was rejected',
};

function describeDeposit(dd: DirectDepositStatus | null): AccountDescription {
  if (!dd || dd.status === 'not_set_up') {
    return {
      text: 'Direct deposit is not set up on your account.',
      facts: ['direct deposit: not_set_up'],
    };
  }
  const bank = [
    dd.bankName ? ` at ${dd.bankName}` : '',
    dd.accountLast4 ? ` ending ${dd.accountLast4}` : '',
  ].join('');
  const since = dd.since && dd.status !== 'active' ? ` (since ${formatDay(dd.since)})` : '';
  return {
    text: `Your direct deposit to your account${bank} ${DEPOSIT_STATE_WORDS[dd.status]}${since}.`,
    facts: [
      `direct deposit: ${dd.status}${dd.accountLast4 ? `, account ending ${dd.accountLast4}` : ''}`,
    ],
  };
}
