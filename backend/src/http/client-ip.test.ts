import { describe, expect, it } from 'vitest';
import { resolveClientIp } from './client-ip';

describe('resolveClientIp', () => {
  it('uses the socket peer and ignores X-Forwarded-For when no proxy is trusted', () => {
    expect(resolveClientIp('203.0.113.9', '198.51.100.4', 0)).toBe('198.51.100.4');
    expect(resolveClientIp(undefined, '::ffff:198.51.100.4', 0)).toBe('198.51.100.4');
    expect(resolveClientIp('203.0.113.9', null, 0)).toBeNull();
  });

  it('takes the n-th entry from the right behind n proxies, never the caller’s own first one', () => {
    // The caller typed "6.6.6.6"; the ALB appended the address it saw.
    expect(resolveClientIp('6.6.6.6, 203.0.113.9', '10.0.0.1', 1)).toBe('203.0.113.9');
    // CDN then ALB: the CDN appended the client, the ALB appended the CDN.
    expect(resolveClientIp('6.6.6.6, 203.0.113.9, 10.0.5.5', '10.0.0.1', 2)).toBe('203.0.113.9');
    expect(resolveClientIp('2001:db8::1', '10.0.0.1', 1)).toBe('2001:db8::1');
  });

  it('falls back to the peer when the header is shorter than the proxy count or not an address', () => {
    expect(resolveClientIp('203.0.113.9', '10.0.0.1', 2)).toBe('10.0.0.1');
    expect(resolveClientIp('6.6.6.6, not-an-ip', '10.0.0.1', 1)).toBe('10.0.0.1');
    expect(resolveClientIp('', '10.0.0.1', 1)).toBe('10.0.0.1');
    expect(resolveClientIp(undefined, '10.0.0.1', 1)).toBe('10.0.0.1');
  });
});
