import { describe, expect, it } from 'vitest';
import { stripDebris } from './clean-text';

describe('stripDebris', () => {
  it('removes bracketed tags and LaTeX commands run into the text', () => {
    expect(stripDebris('[Function] Returns the \\textbf{current} value.')).toBe(
      'Returns the current value.',
    );
    expect(stripDebris('Use \\verb*[x]the option\\\\ here')).toBe('Use the option here');
  });

  it('removes dot leaders and bare page numbers, keeping facts', () => {
    expect(stripDebris('Fees . . . . . . 12\nThe fee is $2.99 for 10 days.\n7')).toBe(
      'Fees\nThe fee is $2.99 for 10 days.',
    );
    expect(stripDebris('Contents..........3\nPage 4 of 9\nBox 7 shows tips.')).toBe(
      'Contents\n\nBox 7 shows tips.',
    );
  });

  it('removes running headers and footers that carry a page counter', () => {
    expect(stripDebris("Hurt at Work: Workers' Compensation - 1/1\nGet medical care.")).toBe(
      'Get medical care.',
    );
    expect(stripDebris('3 | Tip pools | help.example/tips\nTips are shared.')).toBe(
      'Tips are shared.',
    );
    expect(stripDebris('Updated May 2026 · 2\nrev. 2026-03 | 4\nThe fee is $2.')).toBe(
      'The fee is $2.',
    );
  });

  it('keeps sentences and list items that end in a number', () => {
    expect(stripDebris('The waiting week is 1 of 2.\nDeposits arrive by day 2 - 3.')).toBe(
      'The waiting week is 1 of 2.\nDeposits arrive by day 2 - 3.',
    );
    const wrapped = 'The rate for hours over: 40\nis time and a half. It rises in step - 2\ncents.';
    expect(stripDebris(wrapped)).toBe(wrapped);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Transfers cost $2.99 [see fees below].\n\nA code expires after 10 minutes.';
    expect(stripDebris(text)).toBe(text);
  });
});
