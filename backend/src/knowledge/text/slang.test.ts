import { describe, expect, it } from 'vitest';
import { expandSlang } from './slang';

describe('expandSlang', () => {
  it('spells out chat shorthand, whole words only', () => {
    expect(expandSlang('OT for 30 hrs a wk, cuz ytd')).toBe(
      'overtime for 30 hours a week, because year to date',
    );
    expect(expandSlang('u n ur mgr')).toBe('you and your manager');
    expect(expandSlang('hours week W-2 10 min Otto')).toBe('hours week W-2 10 min Otto');
  });
});

describe('expandSlang: everyday phrasings', () => {
  it('adds the payroll words articles use, keeping the user words', () => {
    expect(expandSlang('got fired today')).toBe('got fired today final paycheck');
    expect(expandSlang('i drive doordash')).toBe('i drive doordash gig contractor 1099');
    expect(expandSlang('what is a w2')).toBe('what is a w2');
  });
});
