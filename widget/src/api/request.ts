import { offline, readFailure } from './failure';
import type { ApiResult } from './types';

/** One API call: a `body` is sent as JSON with POST, else it is a GET unless `method` says. */
export interface ApiRequest {
  method?: 'POST';
  body?: unknown;
  /** The session token, sent as the bearer. */
  token?: string | null;
  /** Defaults to JSON. */
  accept?: string;
  signal?: AbortSignal;
}

/**
 * Sends one call with the headers every call carries, including the protocol version, so a
 * newer server keeps answering this build as it expects. Resolves to a 2xx response or to the
 * failure the response reads as; never rejects (fetch rejecting is the `network` failure).
 *
 * @example const sent = await request(fetch, `${api}/api/v1/chat/feedback`, { body, token })
 */
export async function request(
  doFetch: typeof fetch,
  url: string,
  { method, body, token, accept = 'application/json', signal }: ApiRequest,
): Promise<ApiResult<Response>> {
  const json = body !== undefined;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: method ?? (json ? 'POST' : 'GET'),
      headers: {
        'Wagechat-Protocol': '2',
        Accept: accept,
        ...(json ? { 'Content-Type': 'application/json' } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: json ? JSON.stringify(body) : null,
      signal: signal ?? null,
    });
  } catch {
    return offline();
  }
  return response.ok
    ? { ok: true, value: response }
    : { ok: false, error: await readFailure(response) };
}
