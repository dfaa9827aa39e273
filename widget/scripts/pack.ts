/**
 * Packs @wagechat/widget exactly as `pnpm publish` would, without touching widget/dist (the
 * backend serves that folder, maybe to a test running at the same moment).
 *
 * The build goes to a staging folder under widget/node_modules/.cache, not the system temp dir:
 * pnpm resolves `catalog:` specifiers from the pnpm-workspace.yaml above the package, and a
 * folder outside the workspace has none. `pnpm pack` then rewrites them to real ranges.
 *
 * CLI, prints each shipped file with its sizes and SRI hash:
 *   npx tsx widget/scripts/pack.ts [destination folder]
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure } from './build-manifest';

// A string, not `new URL()`: a DOM test environment swaps the global URL for its own.
export const widgetDir = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (pkg: string, file: string) => join(widgetDir, 'node_modules', pkg, file);

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, {
    cwd,
    encoding: 'utf8',
    stdio: 'pipe',
    // Vitest sets NODE_ENV=test, and Vite then builds a larger, non-production bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/** The same steps as the package's `build` script, into `outDir`. */
export function buildWidget(outDir: string): void {
  const vite = bin('vite', 'bin/vite.js');
  for (const mode of ['production', 'esm']) {
    run(
      process.execPath,
      [vite, 'build', '--mode', mode, '--outDir', outDir, '--logLevel', 'error'],
      widgetDir,
    );
  }
  const rollup = bin('rollup', 'dist/bin/rollup');
  run(
    process.execPath,
    [rollup, '--config', 'dts.config.mjs', '--file', join(outDir, 'index.d.ts'), '--silent'],
    widgetDir,
  );
}

/** Builds into a staging copy of the package, packs it into `destDir`, returns the tarball's path. */
export function packWidget(destDir: string): string {
  const cache = join(widgetDir, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const stage = mkdtempSync(join(cache, 'wagechat-pack-'));
  try {
    for (const file of ['package.json', 'README.md']) {
      if (existsSync(join(widgetDir, file))) cpSync(join(widgetDir, file), join(stage, file));
    }
    buildWidget(join(stage, 'dist'));
    mkdirSync(destDir, { recursive: true });
    const packed = JSON.parse(
      run('pnpm', ['pack', '--json', '--pack-destination', destDir], stage),
    );
    return packed.filename as string;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

/** Lists files under `dir`, relative to it, with forward slashes. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dest = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'wagechat-pack-'));
  const tarball = packWidget(dest);
  const unpacked = mkdtempSync(join(tmpdir(), 'wagechat-unpacked-'));
  run('tar', ['-xzf', tarball, '-C', unpacked], unpacked);
  console.log(tarball);
  for (const file of listFiles(join(unpacked, 'package'))) {
    const { bytes, gzip, brotli, integrity } = measure(
      readFileSync(join(unpacked, 'package', file)),
    );
    console.log(
      `${file.padEnd(30)} ${String(bytes).padStart(7)} B  gzip ${gzip}  br ${brotli}  ${integrity}`,
    );
  }
  rmSync(unpacked, { recursive: true, force: true });
}
