import { type KeyValueStore, storedValue } from '../tab-storage';
import { readJson, unreadable } from './failure';
import { request } from './request';
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
  storage: KeyValueStore | null;
}

// Renew a little early so a token never expires between the check and the server reading it.
const renewBeforeMs = 30_000;

/** The `sub` of a portal token, read without verifying (the server verifies it). */
function subjectOf(token: string): string {
  try {
    const part = (token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
    const { sub } = JSON.parse(atob(part)) as { sub?: unknown };
    if (typeof sub === 'string' && sub) return sub;
  } catch {
    // Not a JWT we can read: below.
  }
  // Then every such token counts as a different person.
  return token;
}

/**
 * Session tokens from `POST {api}/api/v1/auth/session`, cached until shortly before they
 * expire: a visitor's, or, after `identify(portalToken)`, a signed-in customer's. Concurrent
 * callers share one request.
 *
 * @example const tokens = createSessionTokens({ api, tenant, fetch, now: Date.now, storage: null }); await tokens.get()
 */
export function createSessionTokens({ api, tenant, fetch, now, storage }: SessionTokenOptions) {
  const saved = storedValue(storage, `wagechat:${tenant}:session`);
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

  // Without storage (or with storage that refuses) tokens live in memory.
  try {
    const last = JSON.parse(saved.read() ?? 'null') as {
      token?: unknown;
      expiresAt?: unknown;
      sub?: unknown;
    } | null;
    if (typeof last?.token === 'string' && typeof last.expiresAt === 'number') {
      token = last.token;
      expiresAt = last.expiresAt;
      subject = typeof last.sub === 'string' ? last.sub : '';
      // Only a visitor renews with its old token; a customer renews with the portal's token.
      renewFrom = subject ? null : token;
    }
  } catch {
    // Unreadable: start without a token.
  }

  /** Holds `next` (null: none), in memory and in the tab's storage. */
  function setToken(next: string | null, expires = 0): void {
    token = next;
    expiresAt = expires;
    saved.write(next === null ? null : JSON.stringify({ token, expiresAt, sub: subject }));
  }

  async function open(): Promise<ApiResult<string>> {
    const started = epoch;
    const customer = customerToken;
    const previous = customer ? null : renewFrom;
    const sent = await request(fetch, `${api}/api/v1/auth/session`, {
      body: { tenant, ...(customer ? { customer_token: customer } : {}) },
      token: previous,
    });
    // The identity changed while we waited: this session is someone else's now.
    if (started !== epoch) return get();
    if (!sent.ok) {
      if (sent.error.status !== 401 || !previous) return sent;
      // Too old or no longer ours to renew: start a fresh visitor session instead.
      renewFrom = null;
      return open();
    }
    const body = (await readJson(sent.value)) as { token?: unknown; expires_at?: unknown } | null;
    const fresh = body?.token;
    if (typeof fresh !== 'string' || fresh === '') {
      return unreadable();
    }
    renewFrom = customer ? null : fresh;
    // A visitor's session (a signed-in tab reloaded and not identified again is one too).
    if (!customer) subject = '';
    // `expires_at` is ISO text (contract v1); anything unreadable means "use once".
    setToken(fresh, Date.parse(String(body?.expires_at)) || 0);
    return { ok: true, value: fresh };
  }

  /** A valid token, fetching a new one when there is none or it is about to expire. */
  function get(): Promise<ApiResult<string>> {
    if (token !== null && now() < expiresAt - renewBeforeMs) {
      return Promise.resolve({ ok: true, value: token });
    }
    if (!pending) {
      const own: Promise<ApiResult<string>> = open().finally(() => {
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
      const next = portalToken ? subjectOf(portalToken) : '';
      if (portalToken && next === subject) return false;
      subject = next;
      epoch++;
      pending = null;
      renewFrom = null;
      setToken(null);
      return true;
    },
    /** True while signed in as the portal's user (their threads follow them across devices). */
    signedIn: (): boolean => subject !== '',
    /** Forget the token, e.g. after the server answered 401 to it. */
    invalidate: () => setToken(null),
  };
}
