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
 * 3. Streaming into a long thread: a restored thread of 100 messages (markdown, citations), then
 *    a 300-token answer at 100 tokens/s (twice a model's usual rate) from a fake chat API. The
 *    panel renders again for each streamed event, so this is where rendering costs most. Prints
 *    the gaps between animation frames while it streams (median, p95, max over all runs; a gap
 *    is at least as long as the longest task in it) and Chromium's long tasks (over 50 ms).
 * Prints medians and p95s; asserts nothing. Run it on a quiet machine.
 * Usage: pnpm bench:widget [runs=20]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
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
  await streamingIntoLongThread();
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

/**
 * A portal page with the script tag, the built widget files and the API routes `api` answers
 * (it returns false for a path it does not serve), on a free localhost port.
 */
async function startPortal(api: (path: string, res: ServerResponse) => boolean) {
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench portal</title></head>
<body><h1>Portal</h1><script src="/widget/wagechat.js" data-tenant="demo" async></script></body></html>`;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (api(path, res)) return;
    if (path.startsWith('/widget/')) {
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
  const port = typeof address === 'object' && address ? address.port : 0;
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
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
  const portal = await startPortal((path, res) => {
    if (!path.startsWith('/api/v1/widget/config')) return false;
    res.writeHead(200, { 'content-type': 'application/json' }).end(config);
    return true;
  });
  const { origin } = portal;
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
    portal.close();
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

/** 100 stored messages: questions and markdown answers with two citations each. */
function longThread() {
  const answer = (i: number) =>
    `**Answer ${i}.** Tips from card sales reach your pay card the next business day; cash tips ` +
    `go on your payslip.\n- Instant transfer: $2.99 per transfer\n- Standard transfer: free, ` +
    `1-3 business days\n\nSee [the help centre](https://help.example.com/tips) for holidays.`;
  return Array.from({ length: 100 }, (_, i) => ({
    id: `m_${i}`,
    role: i % 2 ? 'assistant' : 'user',
    text: i % 2 ? answer(i) : `Question ${i}: when are my tips paid?`,
    citations:
      i % 2
        ? [
            { document_id: 'd1', title: 'Tip payouts', page: 3, snippet: 'next business day' },
            { document_id: 'd2', title: 'Pay card fees', page: 1, snippet: '$2.99' },
          ]
        : [],
    created_at: '2026-12-01T10:00:00.000Z',
  }));
}

async function streamingIntoLongThread(): Promise<void> {
  const sse = (event: string, data: unknown) =>
    `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
  const portal = await startPortal((path, res) => {
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (path.startsWith('/api/v1/widget/config')) json({ tenant: 'demo', suggestions: [] });
    else if (path === '/api/v1/auth/session')
      json({ token: 'bench-token', expires_at: new Date(Date.now() + 3_600_000).toISOString() });
    else if (path === '/api/v1/chat/history/c_bench')
      json({ conversation_id: 'c_bench', messages: longThread(), escalation: null });
    else if (path === '/api/v1/chat/message') {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(sse('meta', { conversation_id: 'c_bench', message_id: 'm_new' }));
      let sent = 0;
      const timer = setInterval(() => {
        if (sent++ < 300) return void res.write(sse('token', { text: `word${sent} ` }));
        clearInterval(timer);
        res.write(sse('citations', longThread()[1]?.citations ?? []));
        res.end(sse('done', { confidence: 0.9, response_time_ms: 3000, outcome: 'answered' }));
      }, 10);
    } else return false;
    return true;
  });
  const { origin } = portal;
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
  const gaps: number[] = [];
  const longTasks: number[] = [];
  const streamRuns = Math.max(1, Math.min(runs, 5));
  try {
    for (let run = 0; run < streamRuns; run++) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.addInitScript(`sessionStorage.setItem('wagechat:demo:conversation', 'c_bench');`);
      await tab.goto(origin);
      await tab.locator('.wc-launcher').click();
      await tab.locator('[data-role]').nth(99).waitFor();
      // Frame gaps and long tasks from the Enter key to the answer's last word.
      await tab.evaluate(`(() => {
        window.gaps = []; window.longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.longTasks.push(e.duration);
        }).observe({ type: 'longtask' });
        let last = performance.now();
        const frame = (now) => {
          window.gaps.push(now - last);
          last = now;
          if (!window.stopFrames) requestAnimationFrame(frame);
        };
        requestAnimationFrame(frame);
      })()`);
      await tab.locator('textarea').fill('And on holidays?');
      await tab.locator('textarea').press('Enter');
      await tab
        .locator('[data-role="assistant"]')
        .last()
        .getByText('word300', { exact: false })
        .waitFor({ timeout: 30_000 });
      const seen = (await tab.evaluate(`(() => {
        window.stopFrames = true;
        return { gaps: window.gaps.slice(1), longTasks: window.longTasks };
      })()`)) as { gaps: number[]; longTasks: number[] };
      gaps.push(...seen.gaps);
      longTasks.push(...seen.longTasks);
      await context.close();
    }
  } finally {
    await browser.close();
    portal.close();
  }
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) =>
    (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1);
  console.log(
    `\nStreaming 300 tokens into a 100-message thread, ${streamRuns} runs, load average ${loadavg()[0]?.toFixed(2)}`,
  );
  console.log(
    `frame gaps while streaming   median ${at(0.5)} ms   p95 ${at(0.95)} ms   max ${at(1)} ms (${sorted.length} frames)`,
  );
  console.log(
    `long tasks (> 50 ms)         ${longTasks.length}${longTasks.length ? `, longest ${Math.max(...longTasks).toFixed(1)} ms` : ''}`,
  );
}
