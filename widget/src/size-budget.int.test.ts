import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../scripts/build-manifest';

// Budgets in gzip bytes (level 9), from issue 15: a first script under 8 KB and everything the
// script-tag install ever loads under 20 KB. Measured 2026-12: loader 5.9 KB (it carries all
// the CSS), chat chunk 14.5 KB, all-in 20.3 KB of 20 KB (20,480 B): about 150 B to spare.
// Preact is 4.4 KB of the chunk; the panel renders from Preact's own component state (no
// signals library: 1.5 KB). Peers ship 110-460 KB for the same job.
// Raising a budget is allowed, on purpose, with the reason in the commit message.
const loaderBudget = 8 * 1024;
const allInBudget = 20 * 1024;

const widgetDir = fileURLToPath(new URL('..', import.meta.url));
// vite's package exports hide bin/; the workspace links the package into widget/node_modules.
const viteBin = join(widgetDir, 'node_modules', 'vite', 'bin', 'vite.js');
let outDir = '';
const gzip = (file: string) => measure(readFileSync(join(outDir, file))).gzip;

// Builds into a temporary folder with the real config, so the numbers are always of the current
// source and the served widget/dist is never touched while another process reads it.
beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'wagechat-size-'));
  execFileSync(process.execPath, [viteBin, 'build', '--outDir', outDir, '--logLevel', 'error'], {
    cwd: widgetDir,
    stdio: 'pipe',
    // Vitest sets NODE_ENV=test, and Vite then builds a larger, non-production bundle.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}, 120_000);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('widget size budget (script-tag install)', () => {
  it(`keeps the loader, dist/wagechat.js, within ${loaderBudget} gzip bytes`, () => {
    const size = gzip('wagechat.js');
    console.log(`wagechat.js: ${size} B gzip (budget ${loaderBudget})`);
    expect(size).toBeLessThanOrEqual(loaderBudget);
  });

  it(`keeps loader + chat chunk within ${allInBudget} gzip bytes`, () => {
    const files = readdirSync(outDir).filter((f) => f.endsWith('.js'));
    const sizes = files.map((f) => `${f} ${gzip(f)} B`);
    const total = files.reduce((sum, f) => sum + gzip(f), 0);
    console.log(`all-in: ${total} B gzip (budget ${allInBudget}): ${sizes.join(', ')}`);
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(total).toBeLessThanOrEqual(allInBudget);
  });

  it('builds a classic-script loader that imports only its hashed chat chunk', () => {
    const loader = readFileSync(join(outDir, 'wagechat.js'), 'utf8');
    const chunk = readdirSync(outDir).find((f) => /^wagechat-app\.[\w-]+\.js$/.test(f));
    expect(chunk).toBeDefined();
    expect(loader).toContain(`"${chunk}"`);
    expect(loader).not.toMatch(/^import |\bexport\s*\{/m);
    // No Preact in the first script: its VNode marker `__k` would show up.
    expect(loader).not.toMatch(/__k\b/);
    expect(loader).not.toContain('process.env');
  });

  it('uses no eval or new Function anywhere, so it runs without unsafe-eval', () => {
    for (const file of readdirSync(outDir).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(outDir, file), 'utf8')).not.toMatch(/\beval\(|new Function\b/);
    }
  });

  it('writes dist/manifest.json with the version and each file’s sizes and SRI hash', () => {
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    const { version } = JSON.parse(readFileSync(join(widgetDir, 'package.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    const loader = manifest.files['wagechat.js'];
    expect(loader.bytes).toBe(readFileSync(join(outDir, 'wagechat.js')).length);
    expect(loader.gzip).toBe(gzip('wagechat.js'));
    expect(loader.brotli).toBeLessThan(loader.gzip);
    expect(loader.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });
});
