import { describe, expect, it } from 'vitest';
import { classify } from './classify';

// Phrasings written for these tests (not taken from any eval set), misspellings and slang kept.
const sensitive = (message: string) => classify(message, []).sensitive;

describe('sensitive topics: pay missing, short or wrong', () => {
  it.each([
    'my paycheck is short this week',
    'they shorted my check by like 200',
    'my pay came up short',
    'i was only paid for 30 hours but i worked 40',
    'my check is missing hours',
    'pay is off by $50',
    'im missing $80 from my last paycheck',
    'my tips didnt go thru',
    'havent recieved my paycheck yet and its been a week',
    'still no deposit from friday',
    'i never got my last check after i quit',
    'yall didnt pay me',
    'they aint paid me for 2 weeks',
    'i got fired and they wont give me my final check',
    'my employer didnt pay overtime',
    'the money left my account but never arrived',
    'i was underpayed',
    'paid me less than minimum wage',
    'payroll messed up my check',
    'i only got half my tips',
    'my tips were less than what the receipt says',
    'my employer is keeping my tips',
    'my direct deposit went to my old bank account',
    'my pay was sent to the wrong account',
    'my paycard is locked and i cant get my money',
  ])('%s', (message) => expect(sensitive(message)).toBe(true));
});

describe('sensitive topics: double charges, disputes, someone else using the card', () => {
  it.each([
    'got charged twice for instant pay',
    'charged 2x for the same transfer',
    'there are two charges for the same thing',
    'they took the fee twice',
    'somebody used my card at a gas station',
    'theres charges i didnt make',
    'charges on my card i dont recognise',
    'my card got used without me',
    'money taken out of my account i didnt authorize',
    'i want to dispute this charge',
    'i wanna file a dispute',
    'how do i dispute a charge',
    'i want to contest this fee',
    'i dont agree with this charge',
    'reverse this charge now',
    'i got a charge from a store i never went to',
    'i got charged for a purchase i never made',
  ])('%s', (message) => expect(sensitive(message)).toBe(true));
});

describe('sensitive topics: fraud, identity theft, hacked accounts, garnishment disputes', () => {
  it.each([
    'someone stole my identity',
    'somebody opened a card in my name',
    'someone filed taxes in my name',
    'my acount was hacked',
    'i think im hacked',
    'someone changed my direct deposit to a different bank',
    'i got scamed',
    'they are garnishing my wages and i dont owe anything',
    'my wages are being garnished by mistake',
    'garnishment is wrong i paid that debt off',
    'they are taking too much out of my check for garnishment',
    'there is a garnishment on my check i dont know about',
    'someone is pretending to be me',
    'i clicked a link in a text and put in my password',
    'my card info was compromised',
    'i fell for a phishing text',
  ])('%s', (message) => expect(sensitive(message)).toBe(true));
});

describe('sensitive topics: legal threats', () => {
  it.each([
    'ima sue',
    'i will take you to court',
    'reporting this to the labor board',
    'gonna report yall to the dol',
    'gettin a lawyer',
    'i talked to an attorny',
    'my lawer says this is illegal',
    'see you in court',
    'my lawyr will contact you',
  ])('%s', (message) => expect(sensitive(message)).toBe(true));
});

describe('sensitive topics: how-to and policy questions stay questions', () => {
  it.each([
    'how much of my paycheck can be garnished',
    'what is a garnishment',
    'how long does a dispute take',
    'do i get my money back while you investigate a dispute',
    'when will i get my tax refund',
    'is the instant pay fee refundable',
    'how do i change my direct deposit',
    'is overtime paid after 40 hours',
    'i still dont get how overtime works',
    'can i still get paid back for a receipt from last month',
    'when is my final paycheck due if i quit',
    'can my boss take part of my tips',
    'how is overtime paid if i work two jobs for the same company',
    'what are the fees on the pay card',
    'can i cancel an instant pay transfer',
    'do they need a court order to garnish my wages',
    'is this text a scam',
    'theres a mistake on my w-2 how do i get it fixed',
    'why is my paycheck smaller than i thought it would be',
    'how do i change the account my pay goes to',
    'what happens if i click a link in a phishing email',
    'my card is locked how do i unlock it',
    'is my employer allowed to pay me on a paycard without asking',
    'i never filled out a w4 what happens',
    'i never signed up for a paycard do i have to use it',
  ])('%s', (message) => expect(sensitive(message)).toBe(false));
});
