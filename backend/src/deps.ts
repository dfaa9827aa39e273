/**
 * createDeps(config): every collaborator the app needs, each chosen by configuration.
 * The embedded default is SQLite + LanceDB in the data folder and the offline agent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createConfiguredAgent } from './agent/create-configured-agent';
import type { AppDeps } from './app';
import { type Config, loadConfig } from './config';
import { createMemoryRateLimiter } from './http/middleware/rate-limit';
import { createAccountLookup } from './integrations/accounts/create-account-lookup';
import { createEmbedder } from './knowledge/embedding/create-embedder';
import { createKnowledgeBase } from './knowledge/knowledge-base';
import { createLogger } from './logger';
import { resolveSessionSecret } from './security/session-secret';
import { createTokenService } from './security/session-tokens';
import { openSqliteStore } from './store/sqlite/open';

/** The repository root, for the files the product ships with (portal, widget build, demo KB). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built-in tenant: the demo portal, and any local portal a developer tries the widget on. */
export const DEMO_TENANT = {
  id: 'demo',
  name: 'Brightwell Pay (demo)',
  allowedOrigins: [],
  allowLocalhost: true,
};

export interface Deps extends AppDeps {
  config: Config;
  /** Releases files and handles, for a clean shutdown. */
  close(): Promise<void>;
}

export interface CreateDepsOptions {
  logger?: Logger;
  /** Serve the demo portal and the widget build (the product does; API tests need not). */
  serveStatic?: boolean;
}

export async function createDeps(config: Config, options: CreateDepsOptions = {}): Promise<Deps> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = openSqliteStore({ path: join(config.dataDir, 'wagechat.db') });
  if (!(await store.tenants.get(DEMO_TENANT.id))) await store.tenants.upsert(DEMO_TENANT);

  const embedder = createEmbedder(config.openai);
  const knowledge = await createKnowledgeBase({
    dataDir: config.dataDir,
    documents: store.documents,
    embedder,
    logger: logger.child({ component: 'knowledge' }),
  });
  await knowledge.recover();

  const { agent } = createConfiguredAgent(config, {
    store,
    knowledge,
    accounts: createAccountLookup({ accountApi: config.accountApi, demo: store.demoAccounts }),
    embedder,
    logger: logger.child({ component: 'agent' }),
  });

  const tokens = createTokenService({
    secret: resolveSessionSecret(config.sessionSecret, config.dataDir),
    visitorTtlSeconds: config.sessionTtlSeconds,
  });
  return {
    config,
    logger,
    store,
    knowledge,
    agent,
    tokens,
    rateLimiter: createMemoryRateLimiter({ limit: config.rateLimitPerMinute, windowMs: 60_000 }),
    sessionRateLimiter: createMemoryRateLimiter({
      limit: config.sessionRateLimitPerMinute,
      windowMs: 60_000,
    }),
    clock: Date.now,
    ...(options.serveStatic
      ? {
          staticDirs: {
            portal: join(REPO_ROOT, 'demo/portal'),
            widget: join(REPO_ROOT, 'widget/dist'),
          },
        }
      : {}),
    async close() {
      await knowledge.close();
      await store.close();
    },
  };
}

/**
 * The real dependencies on a fresh temporary data folder, silent logs, no static files.
 * @example const deps = await createTestDeps({ WAGECHAT_RATE_LIMIT_PER_MINUTE: '2' })
 */
export async function createTestDeps(env: Record<string, string> = {}): Promise<Deps> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wagechat-test-'));
  const config = loadConfig({ LOG_LEVEL: 'silent', WAGECHAT_DATA_DIR: dataDir, ...env });
  return createDeps(config);
}
