import type { KeyValueStore } from '../tab-storage';
import { networkFailure, readFailure } from './failure';
import type { ApiResult } from './types';

/** What the session token source needs from its caller. */
export interface SessionTokenOptions {
  api: string;
  tenant: string;
  fetch: typeof fetch;
  now: () => number;
  /**
   * Where to keep the token for this tab. The server binds a conversation to the visitor the
   * token names, so a reload must reuse the token to see its own thread again.
   */
  storage?: KeyValueStore | null;
}

// Renew a little early so a token never expires between the check and the server reading it.
const renewBeforeMs = 30_000;

/** `expires_at` may be ISO text or epoch seconds/milliseconds; unknown means "use once". */
function toEpochMs(value: unknown): number {
  if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return ms;
  }
  return 0;
}

/** The `sub` of a portal token, read without verifying (the server verifies); '' if unreadable. */
function subjectOf(token: string): string {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const sub = (JSON.parse(atob(part)) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : token;
  } catch {
    // Not a JWT we can read: treat every such token as a different person.
    return token;
  }
}

/**
 * Session tokens from `POST {api}/api/v1/auth/session`, cached until shortly before they
 * expire: a visitor's, or, after `identify(portalToken)`, a signed-in customer's. Concurrent
 * callers share one request.
 *
 * @example const tokens = createSessionTokens({ api, tenant, fetch, now: Date.now }); await tokens.get()
 */
export function createSessionTokens(options: SessionTokenOptions) {
  const key = `wagechat:${options.tenant}:session`;
  let token: string | null = null;
  let expiresAt = 0;
  let pending: Promise<ApiResult<string>> | null = null;
  // The last token we held, even expired: sent when renewing so the server keeps the same
  // visitor identity, and with it the visitor's conversations.
  let renewFrom: string | null = null;
  // The portal's token for the signed-in customer, and whose session we hold ('' = a visitor).
  // `epoch` changes with the identity, so an answer for the previous one is never kept.
  let customerToken: string | null = null;
  let subject = '';
  let epoch = 0;

  // Storage may be missing or throw (private mode, sandboxed frames): then tokens live in memory.
  try {
    const saved = JSON.parse(options.storage?.getItem(key) ?? 'null') as {
      token?: unknown;
      expiresAt?: unknown;
      sub?: unknown;
    } | null;
    if (typeof saved?.token === 'string' && typeof saved.expiresAt === 'number') {
      token = saved.token;
      expiresAt = saved.expiresAt;
      subject = typeof saved.sub === 'string' ? saved.sub : '';
      // Only a visitor renews with its old token; a customer renews with the portal's token.
      renewFrom = subject ? null : saved.token;
    }
  } catch {
    // Unreadable: start without a token.
  }

  function remember(): void {
    try {
      if (token === null) options.storage?.removeItem(key);
      else options.storage?.setItem(key, JSON.stringify({ token, expiresAt, sub: subject }));
    } catch {
      // As above.
    }
  }

  async function request(): Promise<ApiResult<string>> {
    const started = epoch;
    const customer = customerToken;
    const previous = customer ? null : renewFrom;
    let response: Response;
    try {
      response = await options.fetch(`${options.api}/api/v1/auth/session`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(previous ? { Authorization: `Bearer ${previous}` } : {}),
        },
        body: JSON.stringify({
          tenant: options.tenant,
          ...(customer ? { customer_token: customer } : {}),
        }),
      });
    } catch {
      return { ok: false, error: networkFailure() };
    }
    // The identity changed while we waited: this session is someone else's now.
    if (started !== epoch) return get();
    if (response.status === 401 && previous) {
      // Too old or no longer ours to renew: start a fresh visitor session instead.
      renewFrom = null;
      return request();
    }
    if (!response.ok) return { ok: false, error: await readFailure(response) };
    const body = (await response.json().catch(() => null)) as {
      token?: unknown;
      expires_at?: unknown;
    } | null;
    if (typeof body?.token !== 'string' || body.token === '') {
      return {
        ok: false,
        error: { code: 'bad_response', message: 'The server sent no session token.' },
      };
    }
    token = body.token;
    renewFrom = customer ? null : body.token;
    if (!customer) subject = '';
    expiresAt = toEpochMs(body.expires_at);
    remember();
    return { ok: true, value: token };
  }

  /** A valid token, fetching a new one when there is none or it is about to expire. */
  function get(): Promise<ApiResult<string>> {
    if (token !== null && options.now() < expiresAt - renewBeforeMs) {
      return Promise.resolve({ ok: true, value: token });
    }
    if (!pending) {
      const own: Promise<ApiResult<string>> = request().finally(() => {
        // A sign-in may have replaced this request already; keep the newer one.
        if (pending === own) pending = null;
      });
      pending = own;
    }
    return pending;
  }

  return {
    get,
    /**
     * Signs in as the portal's user (`portalToken`) or, with null, back out to a fresh visitor.
     * Returns true when that is another person than the session held, whose thread must go.
     */
    identify(portalToken: string | null): boolean {
      customerToken = portalToken;
      // Signing out always starts afresh; the same person signing in again keeps the thread.
      const next = portalToken ? subjectOf(portalToken) || portalToken : '';
      if (portalToken && next === subject) return false;
      subject = next;
      epoch++;
      pending = null;
      token = null;
      expiresAt = 0;
      renewFrom = null;
      remember();
      return true;
    },
    /** True while signed in as the portal's user (their threads follow them across devices). */
    signedIn: (): boolean => subject !== '',
    /** Forget the token, e.g. after the server answered 401 to it. */
    invalidate(): void {
      token = null;
      expiresAt = 0;
      remember();
    },
  };
}
