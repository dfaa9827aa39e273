import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const secret = 'whsec-0123456789abcdef0123456789abcdef';
const at = new Date('2026-12-01T06:00:00Z');
const ts = at.getTime() / 1000;
const body = '{"ticket_id":42,"status":"solved"}';

const outcome = (input: Partial<Parameters<typeof verifyWebhookSignature>[0]>) => {
  try {
    verifyWebhookSignature({
      secrets: [secret],
      timestamp: String(ts),
      signature: signWebhook(secret, ts, body),
      body,
      now: () => at,
      ...input,
    });
    return 'ok';
  } catch (error) {
    return (error as { details: { reason: string } }).details.reason;
  }
};

describe('verifyWebhookSignature', () => {
  it('accepts the body its secret signed, also with the old secret during a rotation', () => {
    expect(outcome({})).toBe('ok');
    expect(outcome({ secrets: ['new-secret-new-secret-new-secret-00', secret] })).toBe('ok');
    const both = `${signWebhook('other', ts, body)}, ${signWebhook(secret, ts, body)}`;
    expect(outcome({ signature: both })).toBe('ok');
  });

  it('refuses an edited body, another secret, a missing or malformed signature', () => {
    expect(outcome({ body: body.replace('42', '43') })).toBe('signature_mismatch');
    expect(outcome({ secrets: ['someone-else'] })).toBe('signature_mismatch');
    expect(outcome({ signature: undefined })).toBe('signature_missing');
    expect(outcome({ signature: 'v1=zz' })).toBe('signature_missing');
    expect(outcome({ timestamp: 'yesterday' })).toBe('signature_missing');
  });

  it('refuses a replay older or newer than five minutes', () => {
    const old = ts - 301;
    expect(outcome({ timestamp: String(old), signature: signWebhook(secret, old, body) })).toBe(
      'signature_stale',
    );
    const early = ts + 301;
    expect(outcome({ timestamp: String(early), signature: signWebhook(secret, early, body) })).toBe(
      'signature_stale',
    );
    const recent = ts - 299;
    expect(
      outcome({ timestamp: String(recent), signature: signWebhook(secret, recent, body) }),
    ).toBe('ok');
  });
});
