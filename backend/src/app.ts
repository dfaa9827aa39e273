/**
 * createApp(deps): middleware order, route mounts and error handling. Starts nothing, so
 * tests drive it with `app.request()`.
 */
import { randomBytes } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { ChatAgent } from './agent/types';
import type { Config } from './config';
import { createAuditLogRoutes } from './http/admin-audit';
import { createDocumentRoutes } from './http/admin-documents';
import { createAuthRoutes } from './http/auth-routes';
import { createChatRoutes } from './http/chat-routes';
import { createCitationLinker } from './http/citation-links';
import { clientAddress, clientIp } from './http/client-ip';
import { createDocumentFileRoutes } from './http/document-file-routes';
import type { AppEnv } from './http/env';
import { createFeedbackRoutes } from './http/feedback-routes';
import { createHealthRoutes } from './http/health-routes';
import { accessLog } from './http/middleware/access-log';
import { auditAdminRequests, auditFailedSignIns } from './http/middleware/audit';
import { requireAuth } from './http/middleware/auth';
import { handleError, handleNotFound } from './http/middleware/errors';
import { PROTOCOL_HEADER, protocolVersion } from './http/middleware/protocol-version';
import { rateLimit } from './http/middleware/rate-limit';
import { requestBodyLimit } from './http/middleware/request-body-limit';
import { securityHeaders } from './http/middleware/security-headers';
import { requireOneTenant, scopeTenant } from './http/middleware/tenant-scope';
import { validateParams } from './http/middleware/validate-request';
import type { RateLimiters } from './http/rate-limit/create-rate-limiters';
import { createStaticRoutes, type StaticDirs } from './http/static-routes';
import { createTenantOrigins, type TenantOrigins } from './http/tenant-origins';
import { createUploadRoutes } from './http/upload-routes';
import { createWidgetConfigRoutes } from './http/widget-config-routes';
import type { Transcriber } from './integrations/transcription/types';
import { createUnavailableTranscriber } from './integrations/transcription/unavailable-transcriber';
import type { BlobStore } from './knowledge/blob-store';
import type { KnowledgeBase } from './knowledge/knowledge-base';
import { requirePermission } from './security/rbac';
import type { TokenService } from './security/session-tokens';
import { createDocumentLinkSigner, type DocumentLinkSigner } from './security/signed-links';
import type { Store } from './store/types';

export interface AppDeps {
  config: Pick<Config, 'maxUploadBytes' | 'maxAttachmentBytes' | 'maxVoiceBytes' | 'trustProxy'>;
  logger: Logger;
  store: Store;
  knowledge: KnowledgeBase;
  agent: ChatAgent;
  tokens: TokenService;
  /** Chat per person and per tenant, sessions per address, every API call per caller. */
  limiters: RateLimiters;
  /** Milliseconds clock (response times); Date.now unless a test pins it. */
  clock: () => number;
  /** Omit to serve the API only. */
  staticDirs?: StaticDirs;
  /** The origins CORS grants; by default every tenant's, cached (http/tenant-origins.ts). */
  tenantOrigins?: TenantOrigins;
  /** The knowledge base's original PDFs; omit and citations get no links, PDFs are not served. */
  blobs?: BlobStore;
  /** Signs citation links (deps.ts derives it from the server secret); default: a random key. */
  documentLinks?: DocumentLinkSigner;
  /** Voice notes' speech to text (deps.ts picks it by config); default: offline, 'unavailable'. */
  transcriber?: Transcriber;
}

/** JSON bodies: the largest (a chat message of 4,000 characters) fits many times over. */
const MAX_JSON_BODY_BYTES = 64 * 1024;
/** The PDF upload and the chat upload set their own limits (`maxUploadBytes`, attachments). */
const isUpload = (c: Context) =>
  c.req.method === 'POST' && /^\/api\/v1\/(?:admin\/documents|chat\/upload)\/?$/.test(c.req.path);

export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const origins = deps.tenantOrigins ?? createTenantOrigins({ tenants: deps.store.tenants });
  app.use(requestId());
  app.use(clientAddress(deps.config.trustProxy));
  app.use(securityHeaders({ trustProxy: deps.config.trustProxy }));
  app.use(accessLog(deps.logger));
  app.use(
    '/api/*',
    // Only portals some tenant allows get a grant; the session route still checks the origin
    // against the one tenant asked for, and tokens stay bound to it.
    cors({
      origin: async (origin) => ((await origins.allows(origin)) ? origin : null),
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['Authorization', 'Content-Type', 'Accept', PROTOCOL_HEADER],
      exposeHeaders: ['X-Request-Id', 'Retry-After', PROTOCOL_HEADER],
      maxAge: 600,
    }),
  );
  // Every route, not only /api: a body-taking route added anywhere later is covered.
  app.use(requestBodyLimit({ maxBytes: MAX_JSON_BODY_BYTES, except: isUpload }));

  app.route('/', createHealthRoutes({ store: deps.store }));

  const api = new Hono<AppEnv>();
  api.use(protocolVersion());
  // Unauthenticated calls count by address; the others by principal, after requireAuth.
  const byAddress = (c: Context<AppEnv>) => `ip:${clientIp(c) ?? 'unknown'}`;
  api.use('/auth/*', rateLimit(deps.limiters.api, byAddress));
  api.use('/auth/session', rateLimit(deps.limiters.session, byAddress));
  api.route('/auth', createAuthRoutes({ store: deps.store, tokens: deps.tokens }));
  api.use(
    '/chat/*',
    auditFailedSignIns(deps.store.audit),
    requireAuth({ tokens: deps.tokens }),
    requirePermission((method) => (method === 'GET' ? 'conversation:read:own' : 'chat:send')),
  );
  api.use('/chat/*', rateLimit(deps.limiters.api));
  // Per person first, so a person already refused does not use up the tenant's ceiling.
  api.use(
    '/chat/message',
    rateLimit(deps.limiters.chat),
    rateLimit(deps.limiters.tenantChat, (c) => `tenant:${c.get('tenantId')}`),
  );
  const links = deps.documentLinks ?? createDocumentLinkSigner({ secret: randomBytes(32) });
  const linkCitations = deps.blobs
    ? createCitationLinker({ documents: deps.store.documents, links })
    : undefined;
  api.route(
    '/chat',
    createChatRoutes(
      {
        store: deps.store,
        agent: deps.agent,
        logger: deps.logger,
        now: deps.clock,
      },
      { linkCitations },
    ),
  );
  api.route('/chat', createFeedbackRoutes({ store: deps.store }));
  // An upload costs like a message (a voice note is a transcription call): same per-person limit.
  api.use('/chat/upload', rateLimit(deps.limiters.chat));
  api.route(
    '/chat',
    createUploadRoutes({
      store: deps.store,
      transcriber: deps.transcriber ?? createUnavailableTranscriber(),
      limits: { fileBytes: deps.config.maxAttachmentBytes, voiceBytes: deps.config.maxVoiceBytes },
    }),
  );
  api.use('/widget/*', rateLimit(deps.limiters.api, byAddress));
  api.route('/widget', createWidgetConfigRoutes({ store: deps.store }));
  if (deps.blobs) {
    api.use('/documents/:id/file', rateLimit(deps.limiters.api, byAddress));
    api.use(
      '/documents/:id/link',
      auditFailedSignIns(deps.store.audit),
      requireAuth({ tokens: deps.tokens }),
      requirePermission('conversation:read:own'),
      rateLimit(deps.limiters.api),
    );
    api.route(
      '/documents',
      createDocumentFileRoutes({ documents: deps.store.documents, blobs: deps.blobs, links }),
    );
  }
  api.use(
    '/admin/*',
    auditAdminRequests(deps.store.audit),
    requireAuth({ tokens: deps.tokens }),
    // Every admin route needs an admin's permission, before any other check can answer.
    requirePermission('tenant:read'),
    scopeTenant(),
  );
  api.use(
    '/admin/documents/*',
    requirePermission((method) => (method === 'GET' ? 'document:read' : 'document:write')),
    requireOneTenant(),
  );
  api.use('/admin/audit-logs/*', requirePermission('audit:read'));
  api.use('/admin/*', rateLimit(deps.limiters.api));
  api.use(
    '/admin/documents/:id',
    validateParams(z.object({ id: z.uuid() }), {
      invalid: { code: 'not_found', message: 'No document with that id.' },
    }),
  );
  api.route('/admin/audit-logs', createAuditLogRoutes(deps.store.audit));
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
