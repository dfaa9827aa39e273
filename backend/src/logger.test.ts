import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger('info', destination) };
}

describe('createLogger', () => {
  it('redacts PII in any string field and in the message, and censors credentials', () => {
    const { lines, logger } = capture();
    logger.warn(
      {
        upstream: { detail: 'no payout for jane.doe@example.com, ssn 123-45-6789' },
        token: 'eyJhbGciOi.secret.value',
      },
      'lookup failed for (555) 123-4567',
    );
    const record = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    const text = JSON.stringify(record);
    expect(text).not.toContain('jane.doe@example.com');
    expect(text).not.toContain('123-45-6789');
    expect(text).not.toContain('123-4567');
    expect(text).not.toContain('eyJhbGciOi');
    expect(record.msg).toBe('lookup failed for [PHONE]');
    expect(record).toMatchObject({ token: '[redacted]', upstream: { detail: expect.any(String) } });
  });

  it('keeps the facts logs are for: ids, numbers, amounts, times', () => {
    const { lines, logger } = capture();
    logger.info(
      { conversation_id: 'c-1', response_time_ms: 412, fee: '$2.99' },
      'chat turn answered',
    );
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      conversation_id: 'c-1',
      response_time_ms: 412,
      fee: '$2.99',
      msg: 'chat turn answered',
    });
  });
});
