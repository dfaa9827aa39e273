import { Hono } from 'hono';
import { AppError } from '../errors';
import type { AppEnv } from './env';
import { chooseEncoding, createWidgetFileCache, type WidgetFile } from './widget-delivery-files';

export interface WidgetDeliveryOptions {
  /** The built widget (widget/dist). */
  dir: string;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=300';
const EXACT_VERSION = /^v(\d+)\.\d+\.\d+(?:-[\w.]+)?$/;
const MAJOR_VERSION = /^v(\d+)$/;
/**
 * A lazy chunk named by its content (`wagechat-app.Bh_aawjS.js`, `wagechat-app-Bx3k9aZq.mjs`):
 * 8+ hash characters with a digit or capital after a `.` or `-`, which fixed names lack.
 */
const HASHED_NAME = /[.-](?=[\w-]*[\dA-Z])[\w-]{8,}\.m?js$/;

/** Which file a `/widget/...` path asks for and how long it may be cached; null for a 404. */
function resolvePath(rest: string, version: string) {
  const [first = '', ...others] = rest.split('/');
  const file = others.join('/');
  const exact = EXACT_VERSION.exec(first);
  if (exact) return first === `v${version}` && file ? { file, cache: IMMUTABLE } : null;
  const major = MAJOR_VERSION.exec(first);
  if (major) return major[1] === version.split('.')[0] && file ? { file, cache: SHORT } : null;
  return { file: rest, cache: SHORT };
}

/**
 * `/widget/v1.4.2/<file>` (immutable), `/widget/v1/<file>` (the newest 1.x, five minutes) and
 * `/widget/<file>` (the build this server ships, five minutes), each precompressed (brotli,
 * gzip) with a strong ETag per encoding. Only the shipped build is served: another version's
 * path is a 404, never a different build under a long cache lifetime.
 * @example app.route('/', createWidgetDelivery({ dir: join(REPO_ROOT, 'widget/dist') }))
 */
export function createWidgetDelivery(options: WidgetDeliveryOptions) {
  const files = createWidgetFileCache(options.dir);
  return new Hono<AppEnv>().get('/widget/*', async function serveWidgetFile(c) {
    // Public, credential-free files that partner apps may import from any origin.
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Vary', 'Accept-Encoding');
    const target = resolvePath(c.req.path.slice('/widget/'.length), files.version());
    const file: WidgetFile | null = target ? await files.get(target.file) : null;
    if (!target || !file) throw new AppError('not_found', 'No such widget file or version.');
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    const body = file[encoding];
    c.header(
      'Cache-Control',
      HASHED_NAME.test(target.file.split('/').pop() ?? '') ? IMMUTABLE : target.cache,
    );
    c.header('ETag', body.etag);
    const match = c.req.header('if-none-match');
    if (match && (match.trim() === '*' || match.split(',').some((t) => t.trim() === body.etag)))
      return c.body(null, 304);
    if (encoding !== 'identity') c.header('Content-Encoding', encoding);
    c.header('Content-Type', file.contentType);
    c.header('Content-Length', String(body.bytes.byteLength));
    return c.body(body.bytes as Uint8Array<ArrayBuffer>, 200);
  });
}
