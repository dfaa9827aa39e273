import { describe, expect, it } from 'vitest';
import { inlineQa, leansOnPrevious, sentences, splitQa } from './sentences';

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
