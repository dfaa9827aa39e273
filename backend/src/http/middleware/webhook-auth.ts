import type { MiddlewareHandler } from 'hono';
import { verifyWebhookSignature } from '../../security/webhook-signature';
import type { AppEnv } from '../env';

export interface RequireSignedWebhookOptions {
  /** Accepted HMAC secrets (current and, during a rotation, previous). */
  secrets: readonly string[];
  /** The tenant the sender acts for. */
  tenantId: string;
  /** The sender's name in the audit trail, e.g. 'zendesk'. */
  system: string;
  now?: () => Date;
}

/**
 * Admits a request only with a valid `X-Wagechat-Signature` over its raw body (see
 * security/webhook-signature.ts) and sets a `system` principal for the route. The body is read
 * as text here; Hono caches it, so the route can still parse it as JSON.
 */
export function requireSignedWebhook(
  options: RequireSignedWebhookOptions,
): MiddlewareHandler<AppEnv> {
  return async function requireSignedWebhookMiddleware(c, next) {
    verifyWebhookSignature({
      secrets: options.secrets,
      timestamp: c.req.header('x-wagechat-timestamp'),
      signature: c.req.header('x-wagechat-signature'),
      body: await c.req.text(),
      ...(options.now ? { now: options.now } : {}),
    });
    c.set('principal', {
      role: 'system',
      tenantId: options.tenantId,
      subject: options.system,
      origin: null,
    });
    c.set('tenantId', options.tenantId);
    await next();
  };
}
