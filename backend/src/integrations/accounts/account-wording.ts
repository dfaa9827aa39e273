/**
 * How account facts read in a reply: money through Intl, pay dates in UTC (they are calendar
 * days, so a server time zone must not move them), and where money goes.
 */
import type { AccountSnapshot, Payout } from './types';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const weekday = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** @example formatMoney(8420) === '$84.20' */
export const formatMoney = (cents: number) => money.format(cents / 100);

/** @example formatDay('2026-12-02') === 'Wed, Dec 2' */
export function formatDay(isoDateOrInstant: string): string {
  const date = new Date(isoDateOrInstant);
  return Number.isNaN(date.getTime()) ? isoDateOrInstant : weekday.format(date);
}

const KIND_WORDS: Record<Payout['kind'], string> = {
  tips: 'tip payout',
  wages: 'wage payout',
  instant_pay: 'Instant Pay transfer',
};

/** @example payoutNoun(p) === 'tip payout' */
export const payoutNoun = (p: Payout) => KIND_WORDS[p.kind];

/**
 * "your pay card ending 4821" when we know the card; a bank account is named without digits
 * because a failed payout may have gone to an account since replaced.
 */
export function destinationWords(p: Payout, snapshot: AccountSnapshot): string {
  if (p.destination === 'bank_account') return 'your bank account';
  const card = snapshot.payCard;
  return card && card.status !== 'closed' ? `your pay card ending ${card.last4}` : 'your pay card';
}

/** One line of evidence for the trace: what a sentence of the reply rests on. */
export function payoutFact(p: Payout): string {
  const paid = p.paidAt ? `, paid ${p.paidAt.slice(0, 10)}` : '';
  const reason = p.failureReason ? `, reason "${p.failureReason}"` : '';
  return `payout ${p.id}: ${p.kind} ${formatMoney(p.amountCents)} ${p.status}, scheduled ${p.scheduledFor.slice(0, 10)}${paid}, to ${p.destination}${reason}`;
}
