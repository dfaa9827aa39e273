import { describe, expect, it } from 'vitest';
import { inlineQa, leansOnPrevious, paragraphs, sentences, splitQa, tableRows } from './sentences';

describe('paragraphs', () => {
  it('joins a sentence a page break cut in two, but not a list after its colon', () => {
    expect(
      paragraphs('Fees are taken out and appear as\n\nseparate lines on your stub. Check them.'),
    ).toEqual(['Fees are taken out and appear as separate lines on your stub. Check them.']);
    expect(
      paragraphs(
        'All four must be true:\n\nyou worked there for 12 months; you worked 1,250 hours.',
      ),
    ).toEqual([
      'All four must be true:',
      'you worked there for 12 months; you worked 1,250 hours.',
    ]);
    expect(paragraphs('The card is free.\n\nTap Card to order one.')).toHaveLength(2);
  });
});

describe('sentences', () => {
  it('splits sentences but not at a.m., e.g. or list numbers', () => {
    expect(sentences('Pay arrives by 9:00 a.m. Eastern on payday. No. It is free.')).toEqual([
      'Pay arrives by 9:00 a.m. Eastern on payday.',
      'No.',
      'It is free.',
    ]);
    expect(sentences('Mail it by December 31. Then wait.')).toEqual([
      'Mail it by December 31.',
      'Then wait.',
    ]);
    expect(sentences('3. Take a photo. Receipts are required. 4. Submit.')).toEqual([
      'Take a photo.',
      'Receipts are required.',
      'Submit.',
    ]);
  });

  it('splits Q&A chunks and inline FAQs into question and answer', () => {
    expect(splitQa('Q: Is it free?\nA: Yes. Always.')).toEqual({
      question: 'Is it free?',
      answer: 'Yes. Always.',
      isQa: true,
    });
    expect(
      inlineQa(['Do smoke breaks count?', 'Yes.', 'Breaks under 20 minutes are paid.']),
    ).toEqual({
      question: 'Do smoke breaks count?',
      answer: ['Yes.', 'Breaks under 20 minutes are paid.'],
    });
    expect(inlineQa(['Breaks are paid.', 'Lunch is not.'])).toBeNull();
  });

  it('knows which sentences lean on the one before', () => {
    expect(leansOnPrevious('It takes 3 days.')).toBe(true);
    expect(leansOnPrevious('Transfers take 3 days.')).toBe(false);
  });
});

describe('tableRows', () => {
  it('splits a flattened fee table into rows, and leaves prose alone', () => {
    const table =
      'Monthly fee $0 Each purchase $0 ATM withdrawal, out of network $2.50 plus any owner fee Replacement card first one free, then $6.00 Expedited delivery $12.00 Paper statement $1.25';
    expect(tableRows(table)).toEqual([
      'Monthly fee $0',
      'Each purchase $0',
      'ATM withdrawal, out of network $2.50 plus any owner fee Replacement card first one free, then $6.00',
      'Expedited delivery $12.00',
      'Paper statement $1.25',
    ]);
    const states =
      'Ohio, let go within 3 days of your last shift Ohio, quit by the next regular payday New Mexico, let go within 5 days of the end of the job Oregon, any reason by the end of the next business day';
    expect(tableRows(states)).toEqual([
      'Ohio, let go within 3 days of your last shift',
      'Ohio, quit by the next regular payday',
      'New Mexico, let go within 5 days of the end of the job',
      'Oregon, any reason by the end of the next business day',
    ]);
    const codes =
      'HSA Health savings account contribution, before tax UNION Union dues taken after tax TIPS Tips reported by you for the period DENT Dental plan premium before tax';
    expect(tableRows(codes)[1]).toBe('UNION Union dues taken after tax');
    const prose = 'Transfers cost $2.99 each. Card transfers are free.';
    expect(tableRows(prose)).toEqual([prose]);
  });
});
