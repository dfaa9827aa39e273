import type { Logger } from 'pino';
import type { Principal } from '../security/session-tokens';

/** Typed Hono context variables shared by the middleware and routes. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** Set by requireAuth. */
    principal: Principal;
    /** The tenant a route acts for; set from the principal by requireAuth. */
    tenantId: string;
    /** Request-scoped child logger carrying request_id. */
    log: Logger;
  };
}
