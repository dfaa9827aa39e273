import { type ApiErrorCode, type ApiFailure, SERVER_ERROR_CODES } from './types';

const serverCodes: readonly ApiErrorCode[] = SERVER_ERROR_CODES;

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
  return serverCodes.includes(code as ApiErrorCode) ? (code as ApiErrorCode) : fallback;
}

/**
 * Reads a non-2xx response as an `ApiFailure`. The body should be
 * `{ error: { code, message, request_id } }`, but a proxy in front of the server may answer
 * with HTML, so the status alone must be enough.
 */
export async function readFailure(response: Response): Promise<ApiFailure> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: fall back to the status below.
  }
  const error =
    typeof body === 'object' && body !== null && 'error' in body
      ? (body as { error: Record<string, unknown> }).error
      : {};
  const code = toApiErrorCode(error?.code, codeByStatus[response.status] ?? 'internal');
  return {
    code,
    message:
      typeof error?.message === 'string' ? error.message : `Request failed (${response.status}).`,
    status: response.status,
    ...(typeof error?.request_id === 'string' ? { requestId: error.request_id } : {}),
  };
}

/** What the widget reports when fetch itself rejects (offline, DNS, CORS). */
export function networkFailure(): ApiFailure {
  return {
    code: 'network',
    message: 'Could not reach the support service. Check your connection.',
  };
}
