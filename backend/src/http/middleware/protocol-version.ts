import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../errors';
import type { AppEnv } from '../env';

/** The request header (and response echo) naming the widget protocol a client speaks. */
export const PROTOCOL_HEADER = 'Wagechat-Protocol';

/** The protocol this server speaks best; it also serves every version in SUPPORTED_PROTOCOLS. */
export const CURRENT_PROTOCOL = 2;

/**
 * 1: the v1 contract as first shipped. 2: citations carry a signed `url` to their PDF.
 * A widget cached by a browser or a CDN for a year still speaks 1, so 1 stays served.
 */
export const SUPPORTED_PROTOCOLS = [1, 2] as const;

export type ProtocolVersion = (typeof SUPPORTED_PROTOCOLS)[number];

/**
 * Reads `Wagechat-Protocol` (missing means 1, what widgets sent before the header existed),
 * refuses versions this server does not speak with `unsupported_protocol`, and echoes the
 * version answered in on every response, errors included.
 * @example api.use(protocolVersion())
 */
export function protocolVersion(): MiddlewareHandler<AppEnv> {
  return async function protocolVersionMiddleware(c, next) {
    const raw = c.req.header(PROTOCOL_HEADER)?.trim();
    const text = raw || '1';
    // Digits only: Number() would also take '2.0', '0x2' and '1e0'.
    const supported = /^\d{1,3}$/.test(text)
      ? SUPPORTED_PROTOCOLS.find((v) => v === Number(text))
      : undefined;
    c.header(PROTOCOL_HEADER, String(supported ?? CURRENT_PROTOCOL));
    if (supported === undefined) {
      throw new AppError(
        'unsupported_protocol',
        `Wagechat-Protocol ${JSON.stringify(raw?.slice(0, 20))} is not supported; this server speaks ${SUPPORTED_PROTOCOLS.join(' and ')}. Load the current widget.`,
        { details: { supported: [...SUPPORTED_PROTOCOLS] } },
      );
    }
    c.set('protocol', supported);
    await next();
  };
}
