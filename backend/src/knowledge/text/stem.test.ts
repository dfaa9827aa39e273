import { describe, expect, it } from 'vitest';
import { stem } from './stem';

describe('stem', () => {
  it('folds plurals and tenses onto one stem', () => {
    expect(stem('payouts')).toBe(stem('payout'));
    expect(stem('deposits')).toBe(stem('deposit'));
    expect(stem('paying')).toBe('pay');
    expect(stem('charged')).toBe(stem('charge'));
    expect(stem('charging')).toBe(stem('charge'));
    expect(stem('transferred')).toBe(stem('transfer'));
    expect(stem('taxes')).toBe('tax');
    expect(stem('fees')).toBe('fee');
  });

  it('maps irregular forms to their base word', () => {
    expect(stem('paid')).toBe('pay');
    expect(stem('stolen')).toBe(stem('steal'));
    expect(stem('monthly')).toBe(stem('month'));
  });

  it('leaves short words, codes and -ss/-us endings alone', () => {
    expect(stem('tip')).toBe('tip');
    expect(stem('w2')).toBe('w2');
    expect(stem('1099k')).toBe('1099k');
    expect(stem('business')).toBe('business');
    expect(stem('status')).toBe('status');
    expect(stem('access')).toBe('access');
  });
});
