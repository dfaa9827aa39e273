import { Hono } from 'hono';
import type { Store } from '../store/types';
import type { AppEnv } from './env';

/**
 * `/healthz`: the process is up (for restarts). `/readyz`: it can serve chat, i.e. the
 * database answers (for the load balancer). Neither needs a token.
 */
export function createHealthRoutes(deps: { store: Store }) {
  return new Hono<AppEnv>()
    .get('/healthz', (c) => c.json({ status: 'ok' }))
    .get('/readyz', async (c) => {
      try {
        await deps.store.ping();
        return c.json({ status: 'ready' });
      } catch (error) {
        c.get('log').warn({ err: error }, 'not ready: database did not answer');
        return c.json({ status: 'unavailable', checks: { database: 'failing' } }, 503);
      }
    });
}
