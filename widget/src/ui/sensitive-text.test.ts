import { describe, expect, it } from 'vitest';
import { sensitiveKind } from './sensitive-text';

describe('sensitiveKind', () => {
  it.each([
    ['my card is 4111 1111 1111 1111', 'a card number'],
    ['card 4111-1111-1111-1111 please', 'a card number'],
    ['5500005555555559', 'a card number'],
    ['my ssn is 123-45-6789', 'a Social Security number'],
    ['SSN: 123456789', 'a Social Security number'],
    ['account number 000123456789', 'a bank account number'],
    ['routing 021000021', 'a bank account number'],
    ['is 021000021 right?', 'a bank routing number'],
  ])('warns about %s', (text, kind) => {
    expect(sensitiveKind(text)).toBe(kind);
  });

  it.each([
    ['When do my tips arrive?'],
    ['4111 1111 1111 1112'], // fails the Luhn check
    ['I earned $1,234.56 over 12 shifts in 2025'],
    ['call 555-123-4567'],
    ['order 123456789'], // no ABA checksum
    ['000-12-3456'], // never issued
  ])('stays quiet on %s', (text) => {
    expect(sensitiveKind(text)).toBeNull();
  });
});
