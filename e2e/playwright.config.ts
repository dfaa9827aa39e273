import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from './chromium';

// A fixed port away from the default 8787, so a developer's own `pnpm start` can keep running.
const port = Number(process.env.E2E_PORT ?? 8797);
const baseURL = `http://127.0.0.1:${port}`;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

// Playwright loads this file in every worker too; only the runner starts the server, and it
// reads the data dir from the environment so all agree on one fresh folder.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'wagechat-e2e-'));

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results/output',
  // One server, two shared CPU cores: tests run one at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // The real product, started the way the README says: builds the widget, ingests the demo
    // knowledge base into the fresh data dir on first start, then serves.
    command: 'pnpm start',
    cwd: repoRoot,
    url: `${baseURL}/readyz`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      WAGECHAT_DATA_DIR: process.env.E2E_DATA_DIR,
      COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0',
    },
  },
});
