import { describe, expect, it } from 'vitest';
import { expandSlang, slangAdditions } from './slang';

describe('expandSlang', () => {
  it('spells out chat shorthand, whole words only', () => {
    expect(expandSlang('OT for 30 hrs a wk, cuz ytd')).toBe(
      'overtime for 30 hours a week, because year to date',
    );
    expect(expandSlang('u n ur mgr')).toBe('you and your manager');
    expect(expandSlang('cant login or signin')).toBe('cant log in or sign in');
    expect(expandSlang('hours week W-2 10 min Otto')).toBe('hours week W-2 10 min Otto');
  });
});

describe('expandSlang: everyday phrasings', () => {
  it('adds the payroll words articles use, keeping the user words', () => {
    expect(expandSlang('got fired today')).toBe('got fired today final paycheck let go');
    expect(expandSlang('i drive doordash')).toBe('i drive doordash gig contractor 1099');
    expect(expandSlang('what is a w2')).toBe('what is a w2');
    expect(expandSlang('when does pto start accruing')).toBe(
      'when does paid time off start accruing earn',
    );
    expect(expandSlang('how long to turn in a receipt')).toBe(
      'how long to turn in a receipt submit receipt expense',
    );
    expect(expandSlang('do i have to use the paycard my boss gave me')).toBe(
      'do i have to use the paycard my boss gave me employer payroll card',
    );
  });

  it('lists only the added terms, for callers that weigh them apart from the words typed', () => {
    expect(slangAdditions('my boss fired me')).toEqual(['final paycheck', 'let go', 'employer']);
    expect(slangAdditions('hrs in a wk')).toEqual([]);
  });
});

describe('expandSlang: the payroll thesaurus', () => {
  it.each([
    ['they gave me cash up front for the conference', 'advance'],
    ['what do i do with the leftover money', 'unspent return'],
    ['can i get paid for the miles i put on my car', 'mileage'],
    ['a bill collector says they will take my wages', 'garnishment creditor'],
    ['is a coffee break paid', 'rest break'],
    ['do they have to give us a heads up before changing payday', 'notice'],
    ['we are switching to every other friday', 'biweekly'],
    ['i have 3 kids what do i put', 'dependents'],
    ['i work two jobs', 'two jobs more than one job'],
    ['can the dishwashers be in the pool', 'tip pool'],
    ['can i use sick time for my dad', 'family member care'],
    ['do i keep my sick hrs if i switch stores', 'sick leave'],
    ['they are switching us to every 2 wks', 'pay frequency change'],
    ['does it cost anything to talk to a person about my card', 'customer service call live agent'],
    ['why was my bonus taxed so much', 'bonus separate check withheld supplemental'],
    ['i paid the debt off last month', 'release paid in full'],
  ])('%s -> %s', (message, added) => expect(slangAdditions(message)).toContain(added));

  it('reads "quit" as leaving a job only when it is one', () => {
    expect(slangAdditions('i quit my job friday')).toContain('final paycheck');
    expect(slangAdditions('when will it quit coming out of my check')).not.toContain(
      'final paycheck',
    );
  });

  it('adds nothing for words that name no payroll subject', () => {
    expect(slangAdditions('what is the employer code for the kitchen')).toEqual([]);
    expect(slangAdditions('what happens if payday is on a holiday')).toEqual([]);
  });
});
