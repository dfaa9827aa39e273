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

/**
 * Anonymous visitor tokens from `POST {api}/api/v1/auth/session`, cached until shortly before
 * they expire. Concurrent callers share one request.
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

  // Storage may be missing or throw (private mode, sandboxed frames): then tokens live in memory.
  try {
    const saved = JSON.parse(options.storage?.getItem(key) ?? 'null') as {
      token?: unknown;
      expiresAt?: unknown;
    } | null;
    if (typeof saved?.token === 'string' && typeof saved.expiresAt === 'number') {
      token = saved.token;
      expiresAt = saved.expiresAt;
      renewFrom = saved.token;
    }
  } catch {
    // Unreadable: start without a token.
  }

  function remember(): void {
    try {
      if (token === null) options.storage?.removeItem(key);
      else options.storage?.setItem(key, JSON.stringify({ token, expiresAt }));
    } catch {
      // As above.
    }
  }

  async function request(): Promise<ApiResult<string>> {
    const previous = renewFrom;
    let response: Response;
    try {
      response = await options.fetch(`${options.api}/api/v1/auth/session`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(previous ? { Authorization: `Bearer ${previous}` } : {}),
        },
        body: JSON.stringify({ tenant: options.tenant }),
      });
    } catch {
      return { ok: false, error: networkFailure() };
    }
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
    renewFrom = body.token;
    expiresAt = toEpochMs(body.expires_at);
    remember();
    return { ok: true, value: token };
  }

  return {
    /** A valid token, fetching a new one when there is none or it is about to expire. */
    get(): Promise<ApiResult<string>> {
      if (token !== null && options.now() < expiresAt - renewBeforeMs) {
        return Promise.resolve({ ok: true, value: token });
      }
      pending ??= request().finally(() => {
        pending = null;
      });
      return pending;
    },
    /** Forget the token, e.g. after the server answered 401 to it. */
    invalidate(): void {
      token = null;
      expiresAt = 0;
      remember();
    },
  };
}
