import { describe, expect, it } from 'vitest';
import { redactLogRecord, redactPii } from './redact';

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

  it('removes email addresses', () => {
    const { text, found } = redactPii('mail me at Maria.Lopez+tips@mail.example.co.uk or a@b.io.');
    expect(text).toBe('mail me at [EMAIL] or [EMAIL].');
    expect(found).toEqual({ email: 2 });
  });

  it('removes US phone numbers in the ways people write them', () => {
    const numbers = [
      '(555) 123-4567',
      '(555)123-4567',
      '555-123-4567',
      '555.123.4567',
      '555 123 4567',
      '+1 555 123 4567',
      '+1 (555) 123-4567',
      '1-800-555-0199',
      '+15551234567',
      '5551234567',
    ];
    for (const n of numbers) {
      expect(redactPii(`call me on ${n}, thanks`), n).toEqual({
        text: 'call me on [PHONE], thanks',
        found: { phone: 1 },
      });
    }
    expect(redactPii('text:5551234567').text).toBe('text:[PHONE]');
  });

  it('leaves amounts, dates, times, short codes, ZIPs, years and ids that only look long', () => {
    const negatives = [
      'I was paid $1,234.56 on 03/14/2026 at 12:30',
      'total 1,234,567,890 cents',
      'text STOP to 55501',
      'ship to 94107-1234 in 2026',
      'between 2019-2020 and 2021-2022',
      'from 10:30-11:45',
      'order 1234567890 and unix time 1733059200',
      'ref 123456789012345 and pi 3.1415926535',
      'fee $5551234567',
      'id A5551234567 and 5551234567890',
      '555-123-45678',
      'version 2.555.123.4567',
    ];
    for (const input of negatives)
      expect(redactPii(input), input).toEqual({ text: input, found: {} });
  });

  it('does not count a named account number or a card as a phone', () => {
    expect(redactPii('account number 5551234567').found).toEqual({ account: 1 });
    expect(redactPii('card 4111111111111111').found).toEqual({ card: 1 });
    expect(redactPii('SSN 555-12-3456, phone 555-123-4567')).toEqual({
      text: 'SSN [SSN], phone [PHONE]',
      found: { ssn: 1, phone: 1 },
    });
  });

  it('redacts strings throughout a log record and leaves other values', () => {
    const err = new Error('boom');
    const record = redactLogRecord({
      n: 555_123_4567,
      nested: { list: ['call 555-123-4567', 7], who: 'x@y.com' },
      err,
    });
    expect(record).toEqual({
      n: 555_123_4567,
      nested: { list: ['call [PHONE]', 7], who: '[EMAIL]' },
      err,
    });
    expect(record.err).toBe(err);
  });
});
