import { describe, expect, it } from 'vitest';
import { contentTerms } from '../../knowledge/text/terms';
import type { SearchHit } from '../../knowledge/types';
import { composeAnswer } from './compose-answer';
import { preciseFact, questionType } from './question-type';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  chunkId: 'c',
  documentId: 'doc-a',
  documentVersion: 1,
  title: 'A',
  page: 1,
  pageEnd: 1,
  section: 'A',
  text: '',
  score: 0.03,
  vectorSimilarity: 0.5,
  textScore: 7,
  ...over,
});

const compose = (question: string, hits: SearchHit[]) =>
  composeAnswer({
    queryTerms: contentTerms(question),
    hits,
    type: questionType(question),
    precise: preciseFact(question),
  });

describe('composeAnswer', () => {
  it('quotes the sentence carrying the asked-for amount, not the first one', () => {
    const passage = hit({
      text: 'Instant Pay moves earned wages early. It is not a loan.\n\nTransfers to an external debit card cost $2.99 per transfer. Card transfers are free.',
    });
    const answer = compose('how much is the instant pay fee for a debit card', [passage]);
    expect(answer.text).toContain('$2.99 per transfer');
    expect(answer.text).not.toContain('not a loan');
    expect(answer.hasFact).toBe(true);
  });

  it('answers a Q&A chunk with its whole answer part', () => {
    const qa = hit({
      text: 'Q: Can I cancel an Instant Pay transfer?\nA: No. Once confirmed, a transfer cannot be cancelled. Contact support if it failed.',
    });
    const answer = compose('can i cancel an instant pay transfer', [qa]);
    expect(answer.text).toBe(
      'No. Once confirmed, a transfer cannot be cancelled. Contact support if it failed.',
    );
  });

  it('keeps an inline FAQ (question then answer in one paragraph) whole, without its question', () => {
    const faq = hit({
      text: 'Can I skip my lunch and leave early? Under federal law that is between you and your employer. In California you can only waive it on short shifts.\n\nDo smoke breaks have to be paid? A short break of 20 minutes or less is paid time.',
    });
    const answer = compose('are smoke breaks paid', [faq]);
    expect(answer.text).toBe('A short break of 20 minutes or less is paid time.');
  });

  it('never joins sentences from another document', () => {
    const first = hit({ text: 'Tip Payouts are free. They arrive the next morning.' });
    const other = hit({
      documentId: 'doc-b',
      text: 'Instant Pay transfers to a debit card cost $2.99.',
    });
    const answer = compose('how much do tip payouts cost', [first, other]);
    expect(answer.used.map((h) => h.documentId)).toEqual(['doc-a']);
    expect(answer.text).not.toContain('$2.99');
  });

  it('adds a second passage only from the same section, when it carries the missing fact', () => {
    const first = hit({
      section: 'Fees',
      text: 'The transfer fee depends on where the money goes.',
    });
    const sibling = hit({
      chunkId: 'c2',
      section: 'Fees',
      text: 'A debit card transfer fee is $2.99.',
    });
    const answer = compose('what is the debit card transfer fee', [first, sibling]);
    expect(answer.text).toContain('$2.99');
    expect(answer.used).toHaveLength(answer.text.includes('depends') ? 2 : 1);
  });

  it('strips layout debris from what it quotes', () => {
    const messy = hit({ text: '[Function] The \\textbf{limit} is $200 per day . . . . 12' });
    expect(compose('what is the daily limit', [messy]).text).toBe('The limit is $200 per day');
  });

  it('prefers the passage with the precise fact asked for: a duration for "how long"', () => {
    const payday = hit({
      section: 'Final pay',
      text: 'When a job ends your final paycheck is due by the next regular payday.',
    });
    const card = hit({
      chunkId: 'c2',
      section: 'Final pay > Card',
      text: 'After your job ends, the pay card stays open for 90 days so you can move your balance.',
    });
    const answer = compose('left my job, how long does the pay card still work', [payday, card]);
    expect(answer.text).toContain('90 days');
  });

  it('adds the next paragraph of the same passage when it holds the precise fact', () => {
    const split = hit({
      text: 'Send in every expense receipt in the app under Expenses.\n\nThe window is 60 days from the purchase.',
    });
    const answer = compose('how long do i have to send in an expense receipt', [split]);
    expect(answer.text).toContain('60 days');
  });

  it('offers the whole paragraph around the quote as context for a closest-passage reply', () => {
    const long = hit({
      text: 'Codes expire after 10 minutes. On a device you trust, we do not ask for a code again for 30 days. Turn this off in Security.',
    });
    const answer = compose('do codes expire', [long]);
    expect(answer.context).toContain('30 days');
    expect(answer.context.length).toBeLessThanOrEqual(420);
    expect(answer.context).toContain(answer.text);
  });

  it('quotes the table row keyed by the word asked about', () => {
    const table = hit({
      section: 'Timing by state',
      text: 'Oregon, let go or laid off by the end of the next business day on your last day Ohio, quit by the next regular payday Utah, let go within 24 hours of the last shift Utah, quit by the next regular payday',
    });
    const answer = compose('i got laid off in utah, when do i get my last check', [table]);
    expect(answer.text.startsWith('Utah, let go within 24 hours')).toBe(true);
  });

  it('quotes a "Yes." answer when its question is the closest paraphrase in the passage', () => {
    const faq = hit({
      text: 'Can I have more tax held back from each paycheck? Yes. Enter the extra amount per pay period in Step 4(c).\n\nCan I stop federal withholding? Only if you owed no federal tax last year.',
    });
    const answer = compose('can i get extra tax taken out of every check', [faq]);
    expect(answer.text).toContain('Step 4(c)');
  });

  it('quotes the limit a stated time is measured against, for a question with no fact type', () => {
    const steps = hit({
      section: 'Expenses > Submitting',
      text: 'Take a photo of the gas receipt. Receipts are required for any expense of $75 or more.',
    });
    const deadline = hit({
      chunkId: 'd',
      section: 'Expenses > Deadlines',
      text: 'Submit expenses within 60 days of paying for them.',
    });
    const question = 'forgot to turn in a gas receipt from 3 months ago, can i still get paid back';
    expect(questionType(question)).toBe('general');
    expect(compose(question, [steps, deadline]).text).toContain('within 60 days');
  });

  it('meets a closed compound the person typed ("cutoff") in the open form ("cut-off")', () => {
    const lead = hit({
      section: 'Tip Payouts',
      text: 'Tip Payouts sends your tips to you the next morning.',
    });
    const timing = hit({
      chunkId: 'c2',
      section: 'Tip Payouts > Timing',
      text: 'Brightwell runs one payout every day. The cut-off for that run is 4:00 a.m. Eastern.',
    });
    const answer = compose('what time is the cutoff for tips the next morning', [lead, timing]);
    expect(answer.text).toContain('4:00 a.m.');
  });

  it('quotes the cause for a "why" question', () => {
    const stub = hit({
      text: 'Your employer withholds income tax from every paycheck. Tips are taxed through your paycheck, which is why the withholding can look high.',
    });
    const answer = compose('why is so much tax taken out of my paycheck', [stub]);
    expect(answer.text.startsWith('Tips are taxed')).toBe(true);
  });

  it('quotes the stated deadline for a "deadline" question', () => {
    const prenote = hit({
      text: 'Pay sent to a bank account is available by 9:00 a.m. on payday.\n\nThe cut-off for bank changes is 5:00 p.m. on the Tuesday before payday.',
    });
    const answer = compose('whats the deadline to change my bank account before payday', [prenote]);
    expect(answer.text).toContain('5:00 p.m.');
  });

  it('fills a closest-passage context from the next paragraph, never the one before', () => {
    const contact = hit({
      text: 'Call us any time on the phone line.\n\nEmail: support@example.com.\n\nWe reply within 1 business day.',
    });
    const answer = compose('can i email you', [contact]);
    expect(answer.text).toContain('Email');
    expect(answer.context).toContain('We reply within 1 business day.');
    expect(answer.context).not.toContain('Call us');
  });

  it('quotes nothing when there are no hits', () => {
    expect(compose('anything', [])).toMatchObject({ text: '', used: [] });
  });
});
