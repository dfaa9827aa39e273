import type { IncomingMessage, ServerResponse } from 'node:http';

/** The raw request body (JSON and multipart bodies are parsed by their routes). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

/** Parses a JSON body; an empty body is `{}`; throws on anything else. */
export function parseJson(body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Writes one JSON answer with extra headers (e.g. `retry-after`). */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** An OpenAI-shaped error body, so the SDK raises its typed error (RateLimitError...). */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
) {
  const type =
    status === 429 ? 'rate_limit_error' : status >= 500 ? 'server_error' : 'invalid_request_error';
  send(res, status, { error: { message, type, param: null, code: null } }, headers);
}

/**
 * Waits `ms` unless the signal aborts first (resolving false). Aborting clears the timer, so a
 * paced stream cut by `close()` leaves no handle behind.
 */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
