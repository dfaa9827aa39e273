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
    /** What an admin handler did, for its audit record (http/middleware/audit.ts). */
    auditNote: AuditNote;
    /** The caller's address (http/client-ip.ts), resolved once per request. */
    clientIp: string | null;
    /** The widget protocol the caller speaks, 1 or 2 (http/middleware/protocol-version.ts). */
    protocol: 1 | 2;
  };
}

/** Set by an admin handler so its audit record names the action and resource, not only the path. */
export interface AuditNote {
  action: string;
  resourceType: string;
  resourceId: string | null;
  details?: Record<string, unknown>;
}
