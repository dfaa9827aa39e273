import pino, { type Logger } from 'pino';
import type { Config } from './config';
import { redactLogRecord, redactPii } from './security/redact';

/**
 * Structured JSON logs (one object per line) for CloudWatch and friends. Credentials are
 * censored wherever they appear; message text is never logged at all (see run-turn.ts), and
 * as a second line of defence every string field and message is PII-redacted (an SSN or an
 * email quoted in an upstream error must not reach the log store).
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
      formatters: { log: redactLogRecord },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((a) => (typeof a === 'string' ? redactPii(a).text : a));
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
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
