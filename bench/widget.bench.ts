/**
 * The widget's weight and time to ready, as a portal sees them.
 * 1. Sizes: builds the widget into a temporary folder (the real Vite config) and prints each
 *    file's minified, gzip (-9) and brotli (q11) bytes, and the script-tag install all-in
 *    (loader + chat chunk). The budget itself is a test: widget/src/size-budget.int.test.ts.
 * 2. Time to ready in Chromium, a fresh browser context (cold HTTP cache) per run, files served
 *    from localhost by a plain node:http server (no backend; the tenant config is a fixed JSON):
 *    - ready: the script tag's request starts -> the launcher is visible;
 *    - open: the launcher is clicked at once -> the panel's input has focus (this includes
 *      fetching the chat chunk when the idle-time preload has not yet run: the worst case).
 * Prints median and p95; asserts nothing. Run it on a quiet machine.
 * Usage: pnpm bench:widget [runs=20]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { measure } from '../widget/scripts/build-manifest';

const runs = Number(process.argv[2] ?? 20);
const widgetDir = fileURLToPath(new URL('../widget/', import.meta.url));
// Playwright is the e2e package's dependency; resolve it from there.
const { chromium } = createRequire(new URL('../e2e/package.json', import.meta.url))(
  '@playwright/test',
) as typeof import('../e2e/node_modules/@playwright/test');

// Polls every frame from the first script on: when the launcher shows, note the time and
// click it at once, then note when the input inside the panel has focus.
const probe = `(() => {
  const shadow = () => document.querySelector('[data-wagechat]')?.shadowRoot;
  const waitOpen = () => {
    if (shadow()?.activeElement?.tagName === 'TEXTAREA') window.openMs = performance.now() - window.clickAt;
    else requestAnimationFrame(waitOpen);
  };
  const waitReady = () => {
    const launcher = shadow()?.querySelector('.wc-root:not([hidden]) .wc-launcher');
    if (!launcher) return requestAnimationFrame(waitReady);
    window.readyAt = window.clickAt = performance.now();
    launcher.click();
    waitOpen();
  };
  requestAnimationFrame(waitReady);
})();`;

const outDir = mkdtempSync(join(tmpdir(), 'wagechat-bench-'));
try {
  for (const mode of ['production', 'esm']) {
    execFileSync(
      process.execPath,
      [
        join(widgetDir, 'node_modules/vite/bin/vite.js'),
        'build',
        '--mode',
        mode,
        '--outDir',
        outDir,
        '--logLevel',
        'error',
      ],
      { cwd: widgetDir, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
  printSizes();
  await timeToReady();
} finally {
  rmSync(outDir, { recursive: true, force: true });
}

function printSizes(): void {
  const kb = (n: number) => `${(n / 1024).toFixed(2)} KB`.padStart(10);
  console.log(
    `${'file'.padEnd(30)}${'min'.padStart(10)}${'gzip'.padStart(10)}${'brotli'.padStart(10)}`,
  );
  const scriptTag = { bytes: 0, gzip: 0, brotli: 0 };
  for (const name of readdirSync(outDir)
    .filter((f) => /\.m?js$/.test(f))
    .sort()) {
    const size = measure(readFileSync(join(outDir, name)));
    console.log(`${name.padEnd(30)}${kb(size.bytes)}${kb(size.gzip)}${kb(size.brotli)}`);
    if (name.endsWith('.js')) {
      scriptTag.bytes += size.bytes;
      scriptTag.gzip += size.gzip;
      scriptTag.brotli += size.brotli;
    }
  }
  console.log(
    `${'script tag all-in'.padEnd(30)}${kb(scriptTag.bytes)}${kb(scriptTag.gzip)}${kb(scriptTag.brotli)}\n`,
  );
}

async function timeToReady(): Promise<void> {
  const config = JSON.stringify({
    tenant: 'demo',
    title: 'Support',
    greeting: 'Hi! How can we help?',
    accent: '#0b6e4f',
    logo_url: null,
    position: 'bottom-right',
    suggestions: ['When are my tips paid?'],
  });
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench portal</title></head>
<body><h1>Portal</h1><script src="/widget/wagechat.js" data-tenant="demo" async></script></body></html>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path.startsWith('/api/v1/widget/config')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(config);
    } else if (path.startsWith('/widget/')) {
      try {
        const body = readFileSync(join(outDir, path.slice('/widget/'.length).replace(/\.\./g, '')));
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const ready: number[] = [];
  const open: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      // Polls every frame from the first script on: when the launcher shows, note the time
      // and click it at once, then note when the input inside the panel has focus.
      // A string, not a function: tsx would add its `__name` helper, which the page lacks.
      await tab.addInitScript(probe);
      await tab.goto(origin);
      await tab.waitForFunction(() => 'openMs' in window, undefined, { timeout: 30_000 });
      const times = await tab.evaluate(() => {
        const w = window as unknown as Record<string, number>;
        const script = performance
          .getEntriesByType('resource')
          .find((e) => e.name.endsWith('/widget/wagechat.js'));
        return { ready: (w.readyAt ?? 0) - (script?.startTime ?? 0), open: w.openMs ?? 0 };
      });
      ready.push(times.ready);
      open.push(times.open);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const quantile = (list: number[], q: number) => {
    const sorted = [...list].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  };
  const row = (label: string, list: number[]) =>
    console.log(
      `${label.padEnd(40)} median ${quantile(list, 0.5).toFixed(1)} ms   p95 ${quantile(list, 0.95).toFixed(1)} ms`,
    );
  console.log(`Chromium, ${runs} runs, cold cache, load average ${loadavg()[0]?.toFixed(2)}`);
  row('script tag request -> launcher visible', ready);
  row('first open -> panel input focused', open);
}
