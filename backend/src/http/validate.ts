import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../errors';

/**
 * Reads a JSON body and validates it. Every problem is named in one message, with its field,
 * so a caller can fix a request in one go.
 */
export async function parseJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw new AppError('unsupported_media_type', 'Send the body as application/json.');
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch (cause) {
    throw new AppError('invalid_request', 'The body is not valid JSON.', { cause });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) =>
      i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message,
    );
    throw new AppError('invalid_request', problems.join('; '), {
      details: { fields: parsed.error.issues.map((i) => i.path.join('.')) },
    });
  }
  return parsed.data;
}
