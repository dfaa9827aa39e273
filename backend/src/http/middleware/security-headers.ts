import type { MiddlewareHandler } from 'hono';
import { arrivedOverTls } from '../client-ip';

/**
 * For HTML (the demo portal): scripts, styles, images and API calls from our own origin only,
 * never framed. `style-src 'unsafe-inline'` because the widget puts its stylesheet in a
 * `<style>` inside its shadow root, which CSP governs like any inline style; script-src stays
 * strict ('self', no inline), which is what stops injected markup from running.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Everything else (JSON, SSE, the widget's JS and CSS): nothing may run if opened as a page. */
export const RESOURCE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

/**
 * A help-centre PDF opened from a citation: the browser's own viewer must be allowed to show
 * it (a sandboxed document gets no PDF viewer), and still nothing else loads and nobody frames it.
 */
export const PDF_CSP = "default-src 'none'; object-src 'self'; frame-ancestors 'none'";

export interface SecurityHeadersOptions {
  /** Proxies in front (config.trustProxy): HSTS only when the first one was reached over TLS. */
  trustProxy: number;
}

/**
 * Security headers on every response, errors and 404s included: nosniff, no framing, no
 * referrer beyond the origin, a CSP chosen by content type, HSTS over TLS only (sending it
 * over plain HTTP is ignored by browsers and would pin a local developer's localhost).
 * Set after `next()` so it covers what the error handler and static files produce.
 */
export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      // A response built with immutable headers (fetch-like): copy it once.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
      headers.set('X-Content-Type-Options', 'nosniff');
    }
    const type = headers.get('content-type') ?? '';
    const html = /^text\/html\b/i.test(type);
    const pdf = /^application\/pdf\b/i.test(type);
    headers.set('Content-Security-Policy', html ? PAGE_CSP : pdf ? PDF_CSP : RESOURCE_CSP);
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    headers.set('Cross-Origin-Opener-Policy', 'same-origin');
    // A page of ours hosts the widget, whose voice notes need this page's microphone.
    headers.set(
      'Permissions-Policy',
      `camera=(), microphone=${html ? '(self)' : '()'}, geolocation=(), payment=()`,
    );
    headers.set('X-DNS-Prefetch-Control', 'off');
    if (arrivedOverTls(c, options.trustProxy)) {
      headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    }
  };
}
