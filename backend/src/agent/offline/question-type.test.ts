import { describe, expect, it } from 'vitest';
import { carriesFact, preciseFact, questionType } from './question-type';

describe('questionType', () => {
  it('reads what kind of fact is asked for', () => {
    expect(questionType('how much does instant pay cost')).toBe('amount');
    expect(questionType('is there a fee if i use my card abroad')).toBe('amount');
    expect(questionType('whats OT pay if i make 18 a hour')).toBe('amount');
    expect(questionType('when do w2s come out')).toBe('when');
    expect(questionType('how long does a replacement card take')).toBe('when');
    expect(questionType('my expense got approved friday, which paycheck is it on')).toBe('when');
    expect(questionType('can my job fire me cuz my wages got garnished')).toBe('yes_no');
    expect(questionType('my boss pays me 2.13 an hour is that even legal')).toBe('yes_no');
    expect(questionType('how do i dispute a charge')).toBe('how_to');
    expect(questionType('what does OASDI mean on my stub')).toBe('general');
  });
});

describe('carriesFact', () => {
  it('finds the amount, the time, the yes/no and the step', () => {
    expect(carriesFact('amount', 'Transfers cost $2.99 each.')).toBe(true);
    expect(carriesFact('amount', 'Transfers are quick.')).toBe(false);
    expect(carriesFact('when', 'It arrives within 3 business days.')).toBe(true);
    expect(carriesFact('when', 'Your W-2 is mailed by January 31.')).toBe(true);
    expect(carriesFact('when', 'Open the app.')).toBe(false);
    expect(carriesFact('yes_no', 'No. Once confirmed it cannot be cancelled.')).toBe(true);
    expect(carriesFact('how_to', 'Open the transaction and tap Dispute.')).toBe(true);
    expect(carriesFact('amount', 'It pays two-thirds of your average weekly wage.')).toBe(true);
    // "May" is the month only beside a date or a preposition, never the verb.
    expect(carriesFact('when', 'Your card may need replacing if it is damaged.')).toBe(false);
    expect(carriesFact('when', 'Corrected forms are mailed by May 15.')).toBe(true);
    expect(carriesFact('when', 'Open enrollment closes in May.')).toBe(true);
  });
});

describe('preciseFact', () => {
  it('wants a duration for "how long", a clock time for "what time", a price for "how much"', () => {
    const long = preciseFact('left my job, how long does my card keep working');
    expect(long?.test('The card stays open for 90 days after your final pay.')).toBe(true);
    expect(long?.test('You are paid by the next regular payday.')).toBe(false);
    const time = preciseFact('what time does it hit my bank on friday');
    expect(time?.test('Most banks make it available by 9:00 a.m. on payday.')).toBe(true);
    expect(time?.test('It is sent the day before.')).toBe(false);
    const price = preciseFact('how much do they charge to replace a card');
    expect(price?.test('The first replacement is free, then $5.00.')).toBe(true);
    expect(price?.test('Replacements take 7 days.')).toBe(false);
    const share = preciseFact('how much of my wage do i get while im off');
    expect(share?.test('Benefits replace two-thirds of your average weekly wage.')).toBe(true);
    expect(share?.test('Benefits start after a waiting week.')).toBe(false);
    const rule = preciseFact('does the company have to give me the day off');
    expect(rule?.test('No law requires a private employer to give the day off.')).toBe(true);
    expect(rule?.test('Your employer may not punish you for it.')).toBe(false);
    const stated = preciseFact('forgot a receipt from 3 months ago, can i still get paid back');
    expect(stated?.test('Submit expenses within 60 days of paying for them.')).toBe(true);
    expect(stated?.test('Take a photo of the receipt.')).toBe(false);
    const money = preciseFact('got a $40 ticket on a work trip, will they pay it');
    expect(money?.test('Parking up to $25 a day is paid back.')).toBe(true);
    expect(money?.test('Parking is paid back.')).toBe(false);
    const deadline = preciseFact('whats the deadline to change my bank account before payday');
    expect(deadline?.test('The cut-off for changes is 5:00 p.m. on the Tuesday before.')).toBe(
      true,
    );
    expect(deadline?.test('Most banks make it available by 9:00 a.m. on payday.')).toBe(false);
    const reason = preciseFact('why did my instant pay transfer fail');
    expect(reason?.test('The most common reasons are:')).toBe(true);
    expect(reason?.test('Any fee is refunded within 3 business days.')).toBe(false);
    expect(preciseFact('my card expires soon, do i have to do anything')).toBeNull();
    expect(preciseFact('what does box 12 mean')).toBeNull();
  });
});
