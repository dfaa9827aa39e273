import type { MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../errors';

export interface ValidateParamsOptions {
  /**
   * What a bad value means to the caller. For an id, `not_found` (the default): no resource
   * can have that id, and the answer matches an unknown well-formed one, so it probes nothing.
   */
  invalid?: { code: 'not_found' | 'invalid_request'; message: string };
}

/**
 * Checks a route's path parameters with zod before any handler (or the database) sees them.
 * @example api.use('/admin/documents/:id', validateParams(z.object({ id: z.uuid() })))
 */
export function validateParams(
  schema: z.ZodType<Record<string, string>>,
  options: ValidateParamsOptions = {},
): MiddlewareHandler {
  const invalid = options.invalid ?? { code: 'not_found', message: 'No resource with that id.' };
  return async function validateParamsMiddleware(c, next) {
    if (!schema.safeParse(c.req.param()).success) throw new AppError(invalid.code, invalid.message);
    await next();
  };
}
