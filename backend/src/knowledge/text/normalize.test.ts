import { describe, expect, it } from 'vitest';
import { normalizeSearchText } from './normalize';

describe('normalizeSearchText', () => {
  it('joins form codes however they are spelled', () => {
    expect(normalizeSearchText('when do w2s come out')).toBe('when do w2 come out');
    expect(normalizeSearchText('Your W-2 and I-9')).toBe('Your w2 and i9');
    expect(normalizeSearchText('Form 1099-K or 1099-NEC')).toBe('Form 1099k or 1099nec');
  });

  it('leaves money, times and counts alone', () => {
    const text = 'up to $200 a day, 24 hours, at 9:00 a.m., 3 transfers';
    expect(normalizeSearchText(text)).toBe(text);
  });

  it('expands weekend words to the days articles name', () => {
    expect(normalizeSearchText('open on weekends?')).toBe('open on weekend saturday sunday?');
  });
});
