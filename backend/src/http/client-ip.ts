import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';

/**
 * The caller's address as seen through `trustProxy` proxies (config.trustProxy, TRUST_PROXY).
 * With none, the socket's peer: X-Forwarded-For is whatever the caller typed. With n, the
 * n-th entry from the right: each proxy appends the address it was connected from, so the
 * rightmost n entries are the proxies' own testimony and everything left of them is the
 * caller's to choose. A header with fewer than n entries (or a bad one) did not come through
 * the proxies we were told about, so we fall back to the peer rather than believe it.
 * @example resolveClientIp('203.0.113.9, 10.0.0.2', '10.0.0.1', 1) // '10.0.0.2'
 */
export function resolveClientIp(
  forwardedFor: string | undefined,
  peer: string | null,
  trustProxy: number,
): string | null {
  if (trustProxy > 0 && forwardedFor) {
    const entries = forwardedFor.split(',').map((entry) => entry.trim());
    const candidate =
      entries.length >= trustProxy ? entries[entries.length - trustProxy] : undefined;
    if (candidate && isIP(normalise(candidate))) return normalise(candidate);
  }
  return peer ? normalise(peer) : null;
}

/** `::ffff:203.0.113.9` and `203.0.113.9` are one caller: one rate-limit key, one audit value. */
function normalise(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function socketPeer(c: Context): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

/**
 * Works out the caller's address once per request (set first in app.ts), for `clientIp(c)`.
 * @example app.use(clientAddress(config.trustProxy))
 */
export function clientAddress(trustProxy: number): MiddlewareHandler {
  return async function clientAddressMiddleware(c, next) {
    c.set('clientIp', resolveClientIp(c.req.header('x-forwarded-for'), socketPeer(c), trustProxy));
    await next();
  };
}

/**
 * The caller's address for rate limits and the audit trail (see `resolveClientIp`); null for
 * in-process requests in tests. Without the `clientAddress` middleware, the socket's peer.
 */
export function clientIp(c: Context): string | null {
  const resolved = c.get('clientIp') as string | null | undefined;
  return resolved === undefined ? resolveClientIp(undefined, socketPeer(c), 0) : resolved;
}

/** Whether the request reached the first trusted proxy over TLS (for HSTS). */
export function arrivedOverTls(c: Context, trustProxy: number): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (trustProxy === 0) return false;
  // The nearest proxy sets (or appends to) X-Forwarded-Proto; its last value is the one it saw.
  const proto = c.req.header('x-forwarded-proto')?.split(',').pop()?.trim().toLowerCase();
  return proto === 'https';
}
