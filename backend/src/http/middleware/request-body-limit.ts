import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../errors';

export interface RequestBodyLimitOptions {
  /** Largest body accepted, in bytes. */
  maxBytes: number;
  /** Routes with their own, larger limit (the PDF upload); they must set one themselves. */
  except?: (c: Context) => boolean;
}

/**
 * One ceiling for every API body, so a route added later cannot forget one. Counts the bytes
 * as they stream, so a chunked body without Content-Length is cut off too.
 * @example api.use(requestBodyLimit({ maxBytes: 64 * 1024 }))
 */
export function requestBodyLimit(options: RequestBodyLimitOptions): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: options.maxBytes,
    onError: () => {
      throw new AppError(
        'too_large',
        `The request body is larger than ${options.maxBytes} bytes.`,
        {
          details: { max_bytes: options.maxBytes },
        },
      );
    },
  });
  return async function requestBodyLimitMiddleware(c, next) {
    if (options.except?.(c)) return next();
    return limit(c, next);
  };
}
