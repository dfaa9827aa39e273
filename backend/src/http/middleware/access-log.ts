import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from '../env';

/**
 * One structured line per request, with its request id, and a child logger for the handlers.
 * Only the path is logged: query strings and bodies may carry PII.
 */
export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function accessLogMiddleware(c, next) {
    const started = performance.now();
    const log = logger.child({ request_id: c.get('requestId') });
    c.set('log', log);
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        duration_ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };
}
