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
import { createRateLimiters } from './http/rate-limit/create-rate-limiters';
import { closeRedisClient, openRedisClient } from './http/rate-limit/redis-client';
import { createAccountLookup } from './integrations/accounts/create-account-lookup';
import { createTranscriber } from './integrations/transcription/create-transcriber';
import { createLocalBlobStore } from './knowledge/blob-store';
import { createEmbedder } from './knowledge/embedding/create-embedder';
import { createKnowledgeBase } from './knowledge/knowledge-base';
import { createLogger } from './logger';
import { resolveEncryptionKeyring } from './security/encryption-keys';
import { createFieldCrypto } from './security/field-crypto';
import { resolveSessionSecret } from './security/session-secret';
import { createTokenService } from './security/session-tokens';
import { createDocumentLinkSigner } from './security/signed-links';
import { openSqliteStore } from './store/sqlite/open';
import type { Store } from './store/types';

/** The repository root, for the files the product ships with (portal, widget build, demo KB). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The built-in tenant: the demo portal, and any local portal a developer tries the widget on. */
export const DEMO_TENANT = {
  id: 'demo',
  name: 'Brightwell Pay (demo)',
  allowedOrigins: [],
  allowLocalhost: true,
};

/** The Brightwell demo's widget theme: what `GET /api/v1/widget/config?tenant=demo` serves. */
export const DEMO_WIDGET_CONFIG = {
  title: 'Brightwell Pay support',
  greeting: 'Hi! Ask about tip payouts, Instant Pay, your pay card or taxes.',
  accent: '#0b6e4f',
  logoUrl: null,
  position: 'bottom-right',
  suggestions: [
    'When are my tips paid out?',
    'How does Instant Pay work?',
    "My pay card hasn't arrived",
    'How are my tips taxed?',
  ],
} as const;

/**
 * Creates the demo tenant and its widget theme unless they exist (an operator's changes to
 * them are kept). Only `serve --seed-demo` (what `pnpm start` runs), tests and benchmarks call
 * this: a deployment never gets a tenant that accepts any localhost origin by default.
 */
export async function seedDemoTenant(
  store: Pick<Store, 'tenants' | 'widgetConfigs'>,
): Promise<void> {
  if (!(await store.tenants.get(DEMO_TENANT.id))) await store.tenants.upsert(DEMO_TENANT);
  if (!(await store.widgetConfigs.get(DEMO_TENANT.id)))
    await store.widgetConfigs.update(DEMO_TENANT.id, {
      ...DEMO_WIDGET_CONFIG,
      suggestions: [...DEMO_WIDGET_CONFIG.suggestions],
    });
}

export interface Deps extends AppDeps {
  config: Config;
  /** Releases files and handles, for a clean shutdown. */
  close(): Promise<void>;
}

export interface CreateDepsOptions {
  logger?: Logger;
  /** Serve the demo portal and the widget build (the product does; API tests need not). */
  serveStatic?: boolean;
  /** Create the demo tenant (tests; the server only under `--seed-demo`). */
  seedDemoTenant?: boolean;
}

export async function createDeps(config: Config, options: CreateDepsOptions = {}): Promise<Deps> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const store = openSqliteStore({
    path: join(config.dataDir, 'wagechat.db'),
    crypto: createFieldCrypto(resolveEncryptionKeyring(config.encryptionKey, config.dataDir)),
  });
  if (options.seedDemoTenant) await seedDemoTenant(store);

  const embedder = createEmbedder(config.openai);
  // One store of originals for the knowledge base and the cited-PDF route.
  const blobs = createLocalBlobStore(join(config.dataDir, 'uploads'));
  const knowledge = await createKnowledgeBase({
    dataDir: config.dataDir,
    blobs,
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

  // Redis only when configured: one replica keeps its limits in memory.
  const redis = config.redisUrl
    ? await openRedisClient(config.redisUrl, logger.child({ component: 'redis' }))
    : undefined;
  const secret = resolveSessionSecret(config.sessionSecret, config.dataDir);
  const tokens = createTokenService({
    secret,
    visitorTtlSeconds: config.sessionTtlSeconds,
    adminIdentity: config.adminIdentity,
  });
  return {
    config,
    logger,
    store,
    knowledge,
    agent,
    tokens,
    transcriber: createTranscriber(config, logger.child({ component: 'transcription' })),
    limiters: createRateLimiters(config, redis, {
      logger: logger.child({ component: 'rate-limit' }),
    }),
    clock: Date.now,
    blobs,
    documentLinks: createDocumentLinkSigner({ secret }),
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
      if (redis) await closeRedisClient(redis);
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
  return createDeps(config, { seedDemoTenant: true });
}
