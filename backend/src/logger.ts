import pino, { type Logger } from 'pino';
import type { Config } from './config';

/**
 * Structured JSON logs (one object per line) for CloudWatch and friends. Credentials are
 * censored wherever they appear; message text is never logged at all (see run-turn.ts).
 */
export function createLogger(
  level: Config['logLevel'],
  destination?: pino.DestinationStream,
): Logger {
  return pino(
    {
      level,
      base: { service: 'wagechat' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'secret',
          '*.secret',
          'apiKey',
          '*.apiKey',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
