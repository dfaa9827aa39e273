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
  WAGECHAT_SESSION_SECRET: optionalText.pipe(
    z.string().min(32, { message: 'must be at least 32 characters' }).optional(),
  ),
  WAGECHAT_SESSION_TTL_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  WAGECHAT_CONFIDENCE_THRESHOLD: z.coerce.number().min(0).max(1).default(0.4),
  WAGECHAT_MAX_UPLOAD_MB: z.coerce.number().positive().max(512).default(20),
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
  } | null;
  /** Undefined means: generate one and keep it in the data folder. */
  sessionSecret: string | undefined;
  sessionTtlSeconds: number;
  confidenceThreshold: number;
  maxUploadBytes: number;
  /** Chat messages per visitor per minute. */
  rateLimitPerMinute: number;
  /** New sessions per client address per minute (a shared office address needs headroom). */
  sessionRateLimitPerMinute: number;
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
        }
      : null,
    sessionSecret: e.WAGECHAT_SESSION_SECRET,
    sessionTtlSeconds: e.WAGECHAT_SESSION_TTL_MINUTES * 60,
    confidenceThreshold: e.WAGECHAT_CONFIDENCE_THRESHOLD,
    maxUploadBytes: Math.round(e.WAGECHAT_MAX_UPLOAD_MB * 1024 * 1024),
    rateLimitPerMinute: e.WAGECHAT_RATE_LIMIT_PER_MINUTE,
    sessionRateLimitPerMinute: e.WAGECHAT_SESSION_RATE_LIMIT_PER_MINUTE,
  };
}
