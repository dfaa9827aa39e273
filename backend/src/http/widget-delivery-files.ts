import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** One representation of a widget file: its bytes and strong ETag. */
export interface WidgetBody {
  bytes: Uint8Array;
  etag: string;
}

/** A widget file, compressed once and kept: the build is a few small files. */
export interface WidgetFile {
  contentType: string;
  identity: WidgetBody;
  br: WidgetBody;
  gzip: WidgetBody;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A path inside dist: names of letters, digits, `.`, `_` and `-`, no dot-files, no `..`. */
const SAFE_PATH = /^(?:[A-Za-z0-9_][A-Za-z0-9._-]*\/)*[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/**
 * Reads, hashes and compresses the files of widget/dist on first request, then serves them
 * from memory. Brotli at quality 11 took 0.3-0.9 s per file here (a 64 KB build, loaded
 * machine), once: too slow per request, and run on zlib's thread pool (not the Sync calls) so
 * the first request does not stall every other one. Concurrent first requests share one load.
 * @example const files = createWidgetFileCache('/srv/widget/dist'); files.get('wagechat.js')
 */
export function createWidgetFileCache(dir: string) {
  const root = resolve(dir);
  const cache = new Map<string, Promise<WidgetFile | null>>();
  let version: string | undefined;
  const body = (bytes: Uint8Array, hash: string, suffix: string): WidgetBody => ({
    bytes,
    etag: `"${hash}${suffix}"`,
  });

  async function load(path: string): Promise<WidgetFile | null> {
    if (!SAFE_PATH.test(path) || path.split('/').some((part) => part.startsWith('..'))) return null;
    const full = resolve(root, path);
    if (!full.startsWith(root + sep)) return null;
    let bytes: Buffer;
    try {
      bytes = await readFile(full);
    } catch {
      return null;
    }
    const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
    return {
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      identity: body(bytes, hash, ''),
      br: body(
        await brotliAsync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        hash,
        '-br',
      ),
      gzip: body(await gzipAsync(bytes, { level: 9 }), hash, '-gz'),
    };
  }

  return {
    /** The file at `path` (relative to dist), or null when it is missing or not a safe path. */
    async get(path: string): Promise<WidgetFile | null> {
      let file = cache.get(path);
      if (!file) {
        file = load(path);
        cache.set(path, file);
      }
      const loaded = await file;
      // Misses are not kept: a file added by a rebuild is found on the next request.
      if (!loaded) cache.delete(path);
      return loaded;
    },
    /** The widget version: dist/manifest.json's `version`, else the package's; read once. */
    version(): string {
      version ??= readVersion();
      return version;
    },
  };

  function readVersion(): string {
    for (const file of [join(root, 'manifest.json'), join(root, '..', 'package.json')]) {
      try {
        const { version } = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
        if (typeof version === 'string' && /^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(version))
          return version;
      } catch {
        // Not built yet, or no manifest: try the next source.
      }
    }
    return '0.0.0';
  }
}

export type WidgetFileCache = ReturnType<typeof createWidgetFileCache>;

/**
 * The encoding to send for an Accept-Encoding header: brotli, then gzip, else identity.
 * `q=0` refuses an encoding (RFC 9110 §12.5.3); `*` stands for any encoding not named.
 */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | 'identity' {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q ? Number(q.slice(2)) : 1;
    weights.set(name, Number.isFinite(weight) ? weight : 0);
  }
  const accepts = (name: string) => (weights.get(name) ?? weights.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return 'identity';
}
