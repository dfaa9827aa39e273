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

describe('sensitive topics: intent to have it looked at, money held, support that failed', () => {
  it.each([
    'i need somebody to look into my last deposit',
    'i want the garnishment fee reversed',
    'i dont agree with the hours on my stub',
    'they are holding my paycheck for no reason',
    'my tips got put on hold',
    'the supervisor is skimming from the tip jar',
    'emailed 3 times and no one has answered me',
    'my profile was changed and i didnt do it',
    'a withdrawal showed up at 2am on my card that i didnt make',
  ])('%s', (message) => expect(sensitive(message)).toBe(true));
});

describe('sensitive topics: the caller stating a problem with their own money', () => {
  it.each([
    'my manager hasnt put my tips in for 3 weeks',
    'i think my employer is keeping part of the tip pool',
    'the card company took $40 out and wont say why',
    'where did my last two checks go, nothing came',
    'payroll forgot to pay my overtime again',
    'im owed 2 weeks of wages and they keep ignoring me',
    'someone logged in from another state and moved my money',
    'my account says suspended and i need my paycheck',
    'my pay stub says i got paid but my bank shows nothing',
    'you guys charged me a fee i never agreed to',
    'they docked my pay for a broken plate, can you get it back',
    'i was charged for instant pay but the money never came',
    'the tips on my stub dont match what the app said i earned',
    'my boss takes a cut of everyones tips',
    'i want someone to check why my pay was lower this week',
    'the last 3 shifts arent on my paycheck',
    'somebody in another city is using my card',
    'a guy called saying he was from payroll and i gave him my account number',
    'my ex knows my pin and has been taking money',
    'if you dont fix this im going to the news',
    'ill be filing a wage claim with the state',
    'i want my account deleted and all my data removed',
    'the app says my identity couldnt be verified and wont let me cash out',
    'they put my tips on someone elses card',
    'i want to challenge the amount they garnished',
    'this charge is bogus and i want it removed',
    'i got paid twice and now you took both back',
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
    'can a direct deposit be reversed',
    'how long is a new deposit held',
    'what happens to my 401k when i leave',
    'do i have to pay out of pocket for the doctor',
    'how do i look up my pay stubs',
    'an email says my paycheck is on hold, is it real',
    'where do i send a formal complaint',
    'my balance shows $0 after my shift, why',
    'can my boss take a cut of the tips',
    'what happens if my direct deposit bounces',
    'when will my final check come if i quit',
    'how do i avoid sending money to the wrong account',
    'can i delete a transaction from my history',
    'what does the news about the new overtime rule mean for me',
  ])('%s', (message) => expect(sensitive(message)).toBe(false));
});

describe('sensitive topics: what-if questions and general wording', () => {
  it.each([
    'what should i do if my card is stolen',
    'what if my pay is wrong',
    'how long do i have to report a missing tip',
    'i forgot my password how do i reset it',
  ])('%s', (message) => expect(sensitive(message)).toBe(false));

  it.each([
    'what happens if i sue over my last check',
    'they forgot my tips on this check',
    'my employer never sent my final paycheck and it has been 3 weeks',
  ])('%s stays with a person', (message) => expect(sensitive(message)).toBe(true));
});

describe('sensitive topics: phishing, unknown payees, disagreements and lockouts', () => {
  it.each([
    'got a text asking for my card pin, was that u guys',
    'some guy called asking for my login code',
    'weird transfer to a bank i dont know',
    'theres a sketchy charge on my paycard',
    'money went to an account i never heard of',
    'i dont agree with how my tips were split last week',
    'i disagree with the overtime rate on my stub',
    'the app keeps kicking me out and wont let me see my pay',
  ])('%s', (message) => expect(sensitive(message)).toBe(true));

  it.each([
    'how do i split tips with my coworkers',
    'can i see my pay stub in the app',
    'what should i do if someone texts asking for my pin',
    'does the app log me out after a while',
  ])('stays a question: %s', (message) => expect(sensitive(message)).toBe(false));
});

describe('sensitive topics: a situation told, then the rule asked', () => {
  it.each([
    'got laid off friday, how long do they have to pay me what i am owed',
    'quitting next week with no notice, when do they have to pay my last check',
    'started 2 weeks ago and still no paycheck, is that normal',
    'we never get a break on busy nights, is anything owed to us for that',
  ])('answers the rule: %s', (message) => expect(sensitive(message)).toBe(false));

  it.each([
    'someone used my card at a gas station, is that even legal',
    'my boss is stealing our tips, is that allowed',
    'there are purchases from a website i never even heard of on my card',
    'my garnishment takes way more than 25% of my check',
    'somebody cloned my paycard',
    'where did my tips from last weekend go, the app says paid',
    'my roommate keeps trying to log in to my account',
    'i keep getting sign in codes i never asked for',
    'the irs put a levy on my check but i already set up a plan',
    'they are still taking child support but my case closed in may',
    'can you look into why i only got $40 in tips yesterday',
    'my coworker used my login to clock in',
    'got charged 2 fees for the same transfer',
    'i got charged the atm fee even tho the app said it was free',
    'the bonus from march is not on this check',
    'there were two withdrawals in dallas and i was at work in ohio all day',
  ])('still goes to a person: %s', (message) => expect(sensitive(message)).toBe(true));
});
