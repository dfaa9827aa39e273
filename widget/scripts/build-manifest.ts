import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** One built file as dist/manifest.json lists it. */
export interface ManifestFile {
  bytes: number;
  gzip: number;
  brotli: number;
  /** Subresource Integrity value for `<script integrity="…">`. */
  integrity: string;
}

/** Sizes as the budget test and the benchmark count them: gzip -9 and brotli at quality 11. */
export function measure(code: Buffer): ManifestFile {
  return {
    bytes: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length,
    integrity: `sha384-${createHash('sha384').update(code).digest('base64')}`,
  };
}

/**
 * Writes dist/manifest.json: the package version and, per script in `dir`, its sizes and SRI
 * hash (the backend may read it; the README's snippet shows `integrity`). Returns it.
 */
export function writeBuildManifest(dir: string, version: string) {
  const files: Record<string, ManifestFile> = {};
  for (const name of readdirSync(dir).sort()) {
    if (/\.m?js$/.test(name)) files[name] = measure(readFileSync(join(dir, name)));
  }
  const manifest = { version, files };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}
