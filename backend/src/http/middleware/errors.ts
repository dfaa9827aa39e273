/**
 * The one place errors become HTTP responses: `{ error: { code, message, request_id } }`,
 * never a stack. Unknown failures are logged with their cause and answered as `internal`.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorBody } from '../../contract/v1';
import { AppError, type ErrorCode, toAppError } from '../../errors';
import type { AppEnv } from '../env';

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Renders an AppError with the request id; shared with the SSE error event. */
export function errorBody(error: AppError, requestId: string): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      request_id: requestId,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

function normalise(err: unknown): AppError {
  // Hono's own middleware (body limit, bad JSON) throws HTTPException: keep its status.
  if (err instanceof HTTPException) {
    const code = CODE_BY_STATUS[err.status] ?? 'internal';
    return new AppError(
      code,
      code === 'internal' ? 'Something went wrong on our side.' : err.message,
      { cause: err },
    );
  }
  return toAppError(err);
}

export const handleError: ErrorHandler<AppEnv> = (err, c) => {
  const error = normalise(err);
  const log = c.get('log');
  if (error.status >= 500)
    log?.error({ err: error.cause ?? error, code: error.code }, 'request failed');
  else log?.info({ code: error.code }, 'request rejected');
  if (error.code === 'rate_limited' && typeof error.details?.retry_after_s === 'number') {
    c.header('Retry-After', String(error.details.retry_after_s));
  }
  return c.json(errorBody(error, c.get('requestId') ?? 'unknown'), error.status);
};

export const handleNotFound: NotFoundHandler<AppEnv> = (c: Context<AppEnv>) =>
  c.json(
    errorBody(
      new AppError('not_found', `No route for ${c.req.method} ${c.req.path}.`),
      c.get('requestId'),
    ),
    404,
  );
