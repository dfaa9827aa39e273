/**
 * Configuration: the only module that reads the environment (through `loadConfig(env)`).
 * Every variable is listed here and in `.env.example`.
 */
import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().trim().min(1).default('0.0.0.0'),
  WAGECHAT_DATA_DIR: z.string().trim().min(1).default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: optionalText.pipe(z.url({ message: 'must be an http(s) URL' }).optional()),
  OPENAI_CHAT_MODEL: z.string().trim().min(1).default('gpt-4o-mini'),
  OPENAI_EMBEDDING_MODEL: z.string().trim().min(1).default('text-embedding-3-small'),
  OPENAI_TEMPERATURE: z.coerce.number().min(0).max(2).default(0.1),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(20_000),
  OPENAI_TRANSCRIPTION_MODEL: z.string().trim().min(1).default('whisper-1'),
  OPENAI_TRANSCRIPTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
  OPENAI_MAX_CALLS_PER_MINUTE: z.coerce.number().int().min(1).default(3500),
  WAGECHAT_BREAKER_FAILURES: z.coerce.number().int().min(1).default(5),
  WAGECHAT_BREAKER_RESET_SECONDS: z.coerce.number().int().min(1).default(30),
  WAGECHAT_AI_BUDGET_USD: z.coerce.number().min(0).default(40),
  WAGECHAT_ANSWER_CACHE_TTL_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(60 * 24),
  WAGECHAT_TOPIC_THRESHOLDS: z
    .string()
    .trim()
    .default('pay_timing=0.5,payouts=0.5,tax=0.55')
    .pipe(
      z.string().regex(/^(?:[a-z_]+=(?:0(?:\.\d+)?|1(?:\.0+)?)(?:,|$))*$/, {
        message: 'must look like "tax=0.55,payouts=0.5" (topic=0..1, comma-separated)',
      }),
    ),
  ACCOUNT_API_URL: optionalText.pipe(z.url({ message: 'must be an http(s) URL' }).optional()),
  ACCOUNT_API_TOKEN: optionalText,
  WAGECHAT_SESSION_SECRET: optionalText.pipe(
    z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  ),
  WAGECHAT_SIGNING_KEY: optionalText.pipe(
    z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  ),
  WAGECHAT_ENCRYPTION_KEY: optionalText,
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  ADMIN_JWKS_URL: optionalText.pipe(z.url({ message: 'must be an http(s) URL' }).optional()),
  ADMIN_ISSUER: optionalText,
  ADMIN_AUDIENCE: optionalText,
  DATABASE_URL: optionalText.pipe(z.url({ message: 'must be a postgres:// URL' }).optional()),
  REDIS_URL: optionalText.pipe(z.url({ message: 'must be a redis:// URL' }).optional()),
  WAGECHAT_API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(1000),
  WAGECHAT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  WAGECHAT_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  WAGECHAT_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
  WAGECHAT_MAX_UPLOAD_MB: z.coerce.number().positive().max(512).default(20),
  WAGECHAT_MAX_ATTACHMENT_MB: z.coerce.number().positive().max(100).default(10),
  WAGECHAT_MAX_VOICE_MB: z.coerce.number().positive().max(100).default(5),
  WAGECHAT_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(60),
});

/** Typed, validated settings passed inward; nothing else reads `process.env`. */
export interface Config {
  port: number;
  host: string;
  /** Absolute folder for the SQLite file, the LanceDB index and uploaded PDFs. */
  dataDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Null in the embedded default: offline mode, no model provider. */
  openai: {
    apiKey: string | undefined;
    baseUrl: string | undefined;
    chatModel: string;
    embeddingModel: string;
    temperature: number;
    /** Per model call; past it the turn falls back to offline mode. */
    timeoutMs: number;
  } | null;
  /** Voice notes in connected mode: the `/v1/audio/transcriptions` model and per-call timeout. */
  transcription: { model: string; timeoutMs: number };
  /** Outgoing model calls per minute across the process (§5.2). */
  modelCallsPerMinute: number;
  /** Consecutive model failures that open the circuit, and how long it stays open. */
  breaker: { failures: number; resetMs: number };
  /** Default monthly AI budget per tenant in US dollars (a tenant may set its own). */
  aiBudgetUsd: number;
  /** How long a cached answer stays valid (0 disables the answer cache). */
  answerCacheTtlMs: number;
  /** Stricter confidence thresholds per topic, e.g. { tax: 0.55 }. */
  topicThresholds: Record<string, number>;
  /** The payout system's account API; null uses the demo accounts in SQLite. */
  accountApi: { url: string; token: string | undefined } | null;
  /**
   * Signs visitor and local admin tokens (WAGECHAT_SIGNING_KEY, or the older
   * WAGECHAT_SESSION_SECRET). Undefined means: generate one and keep it in the data folder.
   */
  sessionSecret: string | undefined;
  /**
   * Field encryption keyring text (WAGECHAT_ENCRYPTION_KEY), parsed by security/; undefined
   * means: generate one and keep it in the data folder (embedded default only).
   */
  encryptionKey: string | undefined;
  /** Proxies in front of the server (an ALB is 1): whose X-Forwarded-For entry to trust. */
  trustProxy: number;
  /** The company identity provider for admin tokens; null accepts only locally minted ones. */
  adminIdentity: {
    jwksUrl: string;
    issuer: string | undefined;
    audience: string | undefined;
  } | null;
  /** Postgres for the scaled-out deployment (the Postgres store comes with the scale-out work). */
  databaseUrl: string | undefined;
  /** Redis for rate limits (and, later, cache and pub/sub); null keeps them in memory. */
  redisUrl: string | undefined;
  /** Every other API call per caller per minute. */
  apiRateLimitPerMinute: number;
  /** Messages and uploads older than this are deleted by the retention job. */
  retentionDays: number;
  sessionTtlSeconds: number;
  confidenceThreshold: number;
  maxUploadBytes: number;
  /** Chat uploads (api.md item 5): images and PDFs, and voice notes. */
  maxAttachmentBytes: number;
  maxVoiceBytes: number;
  /** Chat messages per visitor per minute. */
  rateLimitPerMinute: number;
  /** New sessions per client address per minute (a shared office address needs headroom). */
  sessionRateLimitPerMinute: number;
}

function parseTopicThresholds(text: string): Record<string, number> {
  const pairs = text
    .split(',')
    .filter((part) => part.includes('='))
    .map((part) => part.split('=') as [string, string]);
  return Object.fromEntries(pairs.map(([topic, value]) => [topic, Number(value)]));
}

/** Raised for invalid environment values; the message lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Validates the environment and returns typed settings.
 * `baseDir` anchors a relative data folder; pnpm sets INIT_CWD to the folder the user ran
 * `pnpm start` in, so `./data` lands in the repository root rather than in backend/.
 * @example const config = loadConfig(process.env)
 */
export function loadConfig(env: Record<string, string | undefined>, baseDir?: string): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // Replicas behind a load balancer must share both keys: a key generated into one replica's
  // data folder would sign tokens and encrypt rows the others cannot read.
  if (e.DATABASE_URL) {
    const missing = [
      ...((e.WAGECHAT_SIGNING_KEY ?? e.WAGECHAT_SESSION_SECRET) ? [] : ['WAGECHAT_SIGNING_KEY']),
      ...(e.WAGECHAT_ENCRYPTION_KEY ? [] : ['WAGECHAT_ENCRYPTION_KEY']),
    ];
    if (missing.length > 0) {
      const lines = missing.map((name) => `  ${name}: is required when DATABASE_URL is set`);
      throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
    }
  }
  const anchor = baseDir ?? env.INIT_CWD ?? process.cwd();
  const connected = e.OPENAI_API_KEY !== undefined || e.OPENAI_BASE_URL !== undefined;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: isAbsolute(e.WAGECHAT_DATA_DIR)
      ? e.WAGECHAT_DATA_DIR
      : resolve(anchor, e.WAGECHAT_DATA_DIR),
    logLevel: e.LOG_LEVEL,
    openai: connected
      ? {
          apiKey: e.OPENAI_API_KEY,
          baseUrl: e.OPENAI_BASE_URL,
          chatModel: e.OPENAI_CHAT_MODEL,
          embeddingModel: e.OPENAI_EMBEDDING_MODEL,
          temperature: e.OPENAI_TEMPERATURE,
          timeoutMs: e.OPENAI_TIMEOUT_MS,
        }
      : null,
    transcription: {
      model: e.OPENAI_TRANSCRIPTION_MODEL,
      timeoutMs: e.OPENAI_TRANSCRIPTION_TIMEOUT_MS,
    },
    modelCallsPerMinute: e.OPENAI_MAX_CALLS_PER_MINUTE,
    breaker: {
      failures: e.WAGECHAT_BREAKER_FAILURES,
      resetMs: e.WAGECHAT_BREAKER_RESET_SECONDS * 1000,
    },
    aiBudgetUsd: e.WAGECHAT_AI_BUDGET_USD,
    answerCacheTtlMs: e.WAGECHAT_ANSWER_CACHE_TTL_MINUTES * 60_000,
    topicThresholds: parseTopicThresholds(e.WAGECHAT_TOPIC_THRESHOLDS),
    accountApi: e.ACCOUNT_API_URL ? { url: e.ACCOUNT_API_URL, token: e.ACCOUNT_API_TOKEN } : null,
    sessionSecret: e.WAGECHAT_SIGNING_KEY ?? e.WAGECHAT_SESSION_SECRET,
    encryptionKey: e.WAGECHAT_ENCRYPTION_KEY,
    trustProxy: e.TRUST_PROXY,
    adminIdentity: e.ADMIN_JWKS_URL
      ? { jwksUrl: e.ADMIN_JWKS_URL, issuer: e.ADMIN_ISSUER, audience: e.ADMIN_AUDIENCE }
      : null,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    apiRateLimitPerMinute: e.WAGECHAT_API_RATE_LIMIT_PER_MINUTE,
    retentionDays: e.WAGECHAT_RETENTION_DAYS,
    sessionTtlSeconds: e.WAGECHAT_SESSION_TTL_MINUTES * 60,
    confidenceThreshold: e.WAGECHAT_CONFIDENCE_THRESHOLD,
    maxUploadBytes: Math.round(e.WAGECHAT_MAX_UPLOAD_MB * 1024 * 1024),
    maxAttachmentBytes: Math.round(e.WAGECHAT_MAX_ATTACHMENT_MB * 1024 * 1024),
    maxVoiceBytes: Math.round(e.WAGECHAT_MAX_VOICE_MB * 1024 * 1024),
    rateLimitPerMinute: e.WAGECHAT_RATE_LIMIT_PER_MINUTE,
    sessionRateLimitPerMinute: e.WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE,
  };
}
