import { describe, expect, it } from 'vitest';
import { questionKey } from './question-key';

describe('questionKey', () => {
  it('ignores case, punctuation, stop words and word endings', () => {
    expect(questionKey('When are my TIPS paid??')).toBe(questionKey('when will my tips get paid'));
    expect(questionKey('How much does Instant Pay cost?')).toBe(
      questionKey('instant pay: how much does it cost'),
    );
  });

  it('keeps the question word: when is not how', () => {
    expect(questionKey('when are tips paid')).not.toBe(questionKey('how are tips paid'));
  });

  it('keeps negation: "no fee" is not "a fee"', () => {
    expect(questionKey('is there a fee')).not.toBe(questionKey('is there no fee'));
    expect(questionKey("why don't I have my tips")).not.toBe(questionKey('why do I have my tips'));
  });

  it('keeps word order: card to bank is not bank to card', () => {
    expect(questionKey('move money from card to bank')).not.toBe(
      questionKey('move money from bank to card'),
    );
  });

  it('is empty when nothing is left to match on', () => {
    expect(questionKey('???')).toBe('');
    expect(questionKey('is it')).toBe('');
  });
});
