import { describe, expect, it } from 'vitest';
import { canonicalText } from './canonical-text';
import { isHypothetical, reportsOwnProblem, reportsWithoutAsking } from './problem-report';

// Phrasings written for these tests (not taken from any eval set), misspellings and slang kept.
const reports = (message: string) => reportsOwnProblem(canonicalText(message));

describe('reportsOwnProblem: the caller reporting a problem with their own money', () => {
  it.each([
    'my final paycheck is 2 weeks late',
    'my w2 has the wrong social security number on it',
    'the amount on my stub is wrong',
    'they garnished my wages but i already paid that debt',
    'the app charged me a fee i never signed up for',
    'you guys charged me 5 dollars for nothing',
    'i keep getting charged an inactivity fee but i use the card every week',
    'my boss cut my tips in half and kept the rest',
    'my card got declined but i have money on it',
    'i was supposed to get paid friday and its tuesday and nothing',
    'i have been waiting 10 days for my reimbursement',
    'the tip credit they took means i made less than 7.25 this week',
    'my deposit is only half of what it should be',
    'the instant pay went through but nothing is in my bank',
    'paycheck came in 150 short this week',
    'the replacement check you mailed never came and its been 3 weeks',
    'my login stopped working and support wont answer',
    'the app locked me out after the update',
    'i never agreed to the uniform fee but its on every check now',
    'we lost 2 hours of pay when they rounded our punches',
    'theyre taking $40 out of every check for the van',
    'my pay card was deactivated over the weekend',
    'hr refused to explain the new deduction',
    'the stub says i worked fewer hrs than i actually worked',
    'my vacation balance dropped to zero after the switch',
    'worked a double on sunday and only got paid for one shift, where is my money',
    'my card got flagged and nobody told me anything',
    'the deposit went to a bank account that is not mine',
    'that fee should not have been charged, i want my $5 back',
    'my employer never put anything into my hsa this year',
    'my transfer has been pending for over a week',
    'been trying to sign in since yesterday and it says error every time',
    'they split our tips with the kitchen manager again',
    'got written up after i called in sick with a note',
    'the app keeps giving me an error when i cash out',
    'the deduction came back even though hr said it was stopped',
    'i was supposed to get reimbursed for parking and its been 6 weeks',
  ])('%s', (message) => expect(reports(message)).toBe(true));
});

describe('reportsOwnProblem: questions about how things work', () => {
  it.each([
    'my tips are late today, why',
    'my card is locked how do i unlock it',
    'can my boss cut my hours',
    'my card expires next month, what do i do',
    'my balance says $0 even tho i worked all day',
    'i never cashed my check from january, can i still cash it',
    'is there a time limit for reporting a tip that never came',
    'how do i avoid sending money to the wrong account',
    'my employer took out 401k, can i stop it',
    'i never signed up for paperless, can i get a paper w2',
    'my employer pays me on a card and not by check, is that legal',
    'where is my pay stub in the app',
    'if i lose my card what happens to my money',
  ])('%s', (message) => expect(reports(message)).toBe(false));
});

describe('isHypothetical', () => {
  it('reads "what if" questions, not "check if" requests', () => {
    expect(isHypothetical(canonicalText('what should i do if my card is stolen'))).toBe(true);
    expect(isHypothetical(canonicalText('if my tips are missing who do i call'))).toBe(true);
    expect(isHypothetical(canonicalText('can you check if my deposit is missing'))).toBe(false);
    expect(isHypothetical(canonicalText('my tips are missing'))).toBe(false);
  });
});

describe('reportsWithoutAsking: a statement about their own money that asks nothing', () => {
  const reportsOnly = (message: string) => reportsWithoutAsking(message, canonicalText(message));

  it.each([
    'my tips from the holiday party still arent on my card and its tuesday',
    'the pin on my paycard got changed and it wasnt me',
    'my last two checks went to my brothers account',
  ])('a report: %s', (message) => expect(reportsOnly(message)).toBe(true));

  it.each([
    'my tips are not on my card yet?',
    'my card is not working, what do i do',
    'can my boss keep part of my tips',
    'dont they have to tell us before changing my payday',
    'is my employer required to pay my overtime',
    'the weather is nice today',
    // Requests and plain facts told as statements: the help centre answers these.
    'i want to move my direct deposit to my credit union',
    'need my 1099 from last year',
    'my card expires in june',
    'i lost my paycard',
  ])('asks something or tells nothing wrong: %s', (message) =>
    expect(reportsOnly(message)).toBe(false),
  );
});
