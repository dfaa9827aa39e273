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

  it('leaves ordinary text alone', () => {
    const text = 'Transfers cost $2.99 [see fees below].\n\nA code expires after 10 minutes.';
    expect(stripDebris(text)).toBe(text);
  });
});
