import { type ApiErrorCode, type ApiFailure, SERVER_ERROR_CODES } from './types';

/** The code a bare status means, for error bodies a proxy replaced. */
export const codeByStatus: Record<number, ApiErrorCode> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  500: 'internal',
  503: 'unavailable',
};

/** A server's error code if it is one we know, else `fallback`. */
export function toApiErrorCode(code: unknown, fallback: ApiErrorCode): ApiErrorCode {
  return (SERVER_ERROR_CODES as readonly unknown[]).includes(code)
    ? (code as ApiErrorCode)
    : fallback;
}

/** A failed `ApiResult`, e.g. `failed('network', 'The upload was cancelled.')`. */
export const failed = (code: ApiErrorCode, message: string): { ok: false; error: ApiFailure } => ({
  ok: false,
  error: { code, message },
});

/** The message of every `bad_response`: which part was unreadable helps nobody reading it. */
export const unreadableMessage = "The server's answer could not be read. Please try again.";

/** A 2xx answer we cannot read (not the contract's shape, or cut short). */
export const unreadable = () => failed('bad_response', unreadableMessage);

/** What the widget reports when fetch itself rejects (offline, DNS, CORS). */
export const offline = () =>
  failed('network', 'Could not reach the support service. Check your connection.');

/** A response's JSON body, or null when it has none we can read. */
export const readJson = (response: Response): Promise<unknown> => response.json().catch(() => null);

/**
 * Reads a non-2xx response as an `ApiFailure`. The body should be
 * `{ error: { code, message, request_id } }`, but a proxy in front of the server may answer
 * with HTML, so the status alone must be enough.
 */
export async function readFailure(response: Response): Promise<ApiFailure> {
  const { status } = response;
  const body = (await readJson(response)) as { error?: Record<string, unknown> | null } | null;
  const { code, message, request_id } = body?.error ?? {};
  return {
    code: toApiErrorCode(code, codeByStatus[status] ?? 'internal'),
    message: typeof message === 'string' ? message : `Request failed (${status}).`,
    status,
    ...(typeof request_id === 'string' ? { requestId: request_id } : {}),
  };
}
