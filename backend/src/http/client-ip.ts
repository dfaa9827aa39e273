import type { Context } from 'hono';

/**
 * The caller's address for rate limits and the audit trail: the first X-Forwarded-For hop
 * (the load balancer's view of the client; ARCHITECTURE.md puts an ALB in front), else the
 * socket's peer, else null (in-process requests in tests).
 */
export function clientIp(c: Context): string | null {
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded;
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}
