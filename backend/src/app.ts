/**
 * createApp(deps): middleware order, route mounts and error handling. Starts nothing, so
 * tests drive it with `app.request()`.
 */
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { ChatAgent } from './agent/types';
import type { Config } from './config';
import { createDocumentRoutes } from './http/admin-documents';
import { createAuthRoutes } from './http/auth-routes';
import { createChatRoutes } from './http/chat-routes';
import { clientIp } from './http/client-ip';
import type { AppEnv } from './http/env';
import { createHealthRoutes } from './http/health-routes';
import { accessLog } from './http/middleware/access-log';
import { auditAdminRequests } from './http/middleware/audit';
import { requireAuth } from './http/middleware/auth';
import { handleError, handleNotFound } from './http/middleware/errors';
import { type RateLimiter, rateLimit } from './http/middleware/rate-limit';
import { createStaticRoutes, type StaticDirs } from './http/static-routes';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import type { TokenService } from './security/session-tokens';
import type { Store } from './store/types';

export interface AppDeps {
  config: Pick<Config, 'maxUploadBytes'>;
  logger: Logger;
  store: Store;
  knowledge: KnowledgeBase;
  agent: ChatAgent;
  tokens: TokenService;
  /** Chat messages, per visitor. */
  rateLimiter: RateLimiter;
  /** New visitor sessions, per client address. */
  sessionRateLimiter: RateLimiter;
  /** Milliseconds clock (response times); Date.now unless a test pins it. */
  clock: () => number;
  /** Omit to serve the API only. */
  staticDirs?: StaticDirs;
}

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(accessLog(deps.logger));
  app.use(
    '/api/*',
    // Any origin may ask; what a session may do is decided by its token's tenant and origin.
    cors({
      origin: (origin) => origin,
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Accept'],
      exposeHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    }),
    secureHeaders({ crossOriginResourcePolicy: false }),
  );

  app.route('/', createHealthRoutes({ store: deps.store }));

  const api = new Hono<AppEnv>();
  api.use(
    '/auth/session',
    rateLimit(deps.sessionRateLimiter, (c) => `session:${clientIp(c) ?? 'unknown'}`),
  );
  api.route('/auth', createAuthRoutes({ store: deps.store, tokens: deps.tokens }));
  api.use('/chat/*', requireAuth({ tokens: deps.tokens, roles: ['visitor', 'customer'] }));
  api.use('/chat/message', rateLimit(deps.rateLimiter));
  api.route(
    '/chat',
    createChatRoutes({
      store: deps.store,
      agent: deps.agent,
      logger: deps.logger,
      now: deps.clock,
    }),
  );
  api.use(
    '/admin/*',
    auditAdminRequests(deps.store.audit),
    requireAuth({ tokens: deps.tokens, roles: ['admin'] }),
  );
  api.route(
    '/admin/documents',
    createDocumentRoutes(deps.knowledge, { maxUploadBytes: deps.config.maxUploadBytes }),
  );
  app.route('/api/v1', api);

  if (deps.staticDirs) app.route('/', createStaticRoutes(deps.staticDirs));
  app.onError(handleError);
  app.notFound(handleNotFound);
  return app;
}
