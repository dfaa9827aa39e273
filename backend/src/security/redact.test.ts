import { describe, expect, it } from 'vitest';
import { redactPii } from './redact';

describe('redactPii', () => {
  it('removes SSNs, cards, routing and account numbers and counts them', () => {
    const { text, found } = redactPii(
      'SSN 123-45-6789, card 4111 1111 1111 1111, routing 021000021, account number is 000123456789',
    );
    expect(text).toBe(
      'SSN [SSN], card [CARD NUMBER], routing [ROUTING NUMBER], account number is [ACCOUNT NUMBER]',
    );
    expect(found).toEqual({ ssn: 1, card: 1, routing: 1, account: 1 });
  });

  it('leaves ordinary numbers alone: amounts, dates, short ids, non-Luhn digit runs', () => {
    const input =
      'I got $2.99 taken on 2026-03-14, ticket 48213, order 1234567890123 and 4111 1111 1111 1112';
    expect(redactPii(input)).toEqual({ text: input, found: {} });
  });

  it('treats an undashed nine-digit number that is not a routing number as an SSN', () => {
    expect(redactPii('my social is 123456789').text).toBe('my social is [SSN]');
  });
});
