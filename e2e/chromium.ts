import { existsSync } from 'node:fs';

/**
 * The system Chromium the tests drive. Playwright's own browser downloads are never used
 * (this machine reaches no download host), so a missing browser must say how to get one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `Chromium not found at ${path}. Install Debian's browser with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium binary). Do not run `playwright install`.',
    );
  }
  return path;
}

/** Flags for a quiet, headless run in a container: no sandbox (root), no background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
