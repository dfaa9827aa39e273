/**
 * HMAC-SHA256 signatures for webhooks and service calls (the `system` role), e.g. Zendesk
 * telling us a ticket changed. The sender signs `<unix seconds>.<raw body>` with a shared secret
 * and sends `X-Wagechat-Timestamp` and `X-Wagechat-Signature: v1=<hex>`. We recompute, compare in
 * constant time, and refuse timestamps more than five minutes off, so a captured request cannot
 * be replayed later. Several secrets may be accepted at once while one is being rotated.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

/** How far a signed timestamp may be from our clock (either way). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

/** The `v1=<hex>` signature for a body sent at `timestampSeconds`. */
export function signWebhook(secret: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');
  return `v1=${mac}`;
}

export interface VerifyWebhookInput {
  /** Accepted secrets: the current one, and the previous one during a rotation. */
  secrets: readonly string[];
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  now?: () => Date;
  toleranceSeconds?: number;
}

const refuse = (reason: string) =>
  new AppError('unauthorized', 'The request signature is not valid.', { details: { reason } });

/** Throws AppError('unauthorized') unless one of `secrets` signed this body recently. */
export function verifyWebhookSignature(input: VerifyWebhookInput): void {
  const tolerance = input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  if (!input.timestamp || !/^\d{1,12}$/.test(input.timestamp)) throw refuse('signature_missing');
  const timestamp = Number(input.timestamp);
  const nowSeconds = Math.floor((input.now?.() ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - timestamp) > tolerance) throw refuse('signature_stale');
  // Several `v1=` entries may be sent (one per secret the sender holds); any match will do.
  const offered = (input.signature ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => /^v1=[0-9a-f]{64}$/.test(part))
    .map((part) => Buffer.from(part.slice(3), 'hex'));
  if (offered.length === 0) throw refuse('signature_missing');
  for (const secret of input.secrets) {
    if (!secret) continue;
    const expected = Buffer.from(signWebhook(secret, timestamp, input.body).slice(3), 'hex');
    // Same length by construction (32 bytes each), as timingSafeEqual requires.
    if (offered.some((candidate) => timingSafeEqual(candidate, expected))) return;
  }
  throw refuse('signature_mismatch');
}
