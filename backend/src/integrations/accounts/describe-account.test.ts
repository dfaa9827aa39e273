import { describe, expect, it } from 'vitest';
import { demoAccountSnapshots } from './demo-accounts';
import { describeAccount } from './describe-account';
import type { AccountSnapshot } from './types';

const NOW = new Date('2026-12-01T12:00:00.000Z'); // a Tuesday
const demo = demoAccountSnapshots(NOW);
const one = demo['demo-customer-1']!;
const two = demo['demo-customer-2']!;
const three = demo['demo-customer-3']!;

describe('describeAccount', () => {
  it('answers tip timing with the next scheduled and the last paid payout', () => {
    const { text, facts } = describeAccount('when do i get my tips??', one);
    expect(text).toBe(
      'Your next tip payout of $84.20 is scheduled for Wed, Dec 2 to your pay card ending 4821. ' +
        'Your last tip payout, $97.35, was paid on Mon, Nov 30 to your pay card ending 4821.',
    );
    expect(facts).toEqual([
      'payout po_1003: tips $84.20 scheduled, scheduled 2026-12-02, to pay_card',
      'payout po_1002: tips $97.35 paid, scheduled 2026-11-30, paid 2026-11-30, to pay_card',
    ]);
  });

  it('names a failed payout and its reason when the worker says money is missing', () => {
    const { text, facts } = describeAccount("my paycheck never showed up, where's my money", two);
    expect(text).toContain(
      'Your wage payout of $230.15 scheduled for Sun, Nov 29 to your bank account failed. The reason given: Bank account closed.',
    );
    expect(facts[0]).toContain('reason "Bank account closed"');
    expect(describeAccount('did my payout fail?', one).text).toMatch(
      /^I don't see any failed or returned payouts on your account\./,
    );
  });

  it('answers the card alone for a card question, with the shipping date', () => {
    expect(describeAccount('is my card active?', one).text).toBe(
      'Your pay card ending 4821 is active.',
    );
    const shipped = describeAccount('my new card hasnt arrived yet', two);
    expect(shipped.text).toBe(
      'Your new pay card ending 7719 is on its way. It was shipped on Sat, Nov 28.',
    );
    expect(shipped.facts).toEqual(['pay card 7719: shipped, shipped 2026-11-28']);
    expect(describeAccount('where is my card', three).text).toBe(
      "I don't see a pay card on your account.",
    );
  });

  it('does not drift into card status when the card is only where tips go', () => {
    expect(describeAccount('when will tips hit my pay card', one).text).not.toContain('is active');
  });

  it('answers direct deposit status, and payouts too when a deposit did not come', () => {
    expect(describeAccount('is my direct deposit set up?', two).text).toBe(
      'Your direct deposit to your account at Lakeside National Bank ending 5502 is pending verification (since Mon, Nov 30).',
    );
    expect(describeAccount('direct deposit status', three).text).toBe(
      'Direct deposit is not set up on your account.',
    );
    const missing = describeAccount("my direct deposit didn't come", two).text;
    expect(missing).toContain('failed. The reason given: Bank account closed.');
    expect(missing).toContain('pending verification');
  });

  it('says so when there is nothing, and falls back to all kinds when the asked kind is absent', () => {
    expect(describeAccount('hi, any payouts?', three)).toEqual({
      text: "I don't see any payouts on your account yet.",
      facts: ['payouts: none'],
    });
    const onlyWages: AccountSnapshot = {
      ...one,
      payouts: one.payouts.filter((p) => p.kind === 'wages'),
    };
    const fallback = describeAccount('where are my tips', onlyWages).text;
    expect(fallback).toBe(
      'Your last wage payout, $612.48, was paid on Tue, Nov 24 to your bank account.',
    );
  });
});
