import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { expect, type Page, test } from '@playwright/test';
import { SignJWT } from 'jose';
import { ask, openWidget } from './install-modes';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
// The portal's signing secret for this run: the demo tenant is set up with it below, the way
// the README's Security section tells an operator to.
const portalSecret = randomBytes(32).toString('base64url');

test.beforeAll(() => {
  execFileSync(
    'pnpm',
    ['-s', 'wagechat', 'tenant', 'update', 'demo', '--hs256-secret-env', 'E2E_PORTAL_SECRET'],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        WAGECHAT_DATA_DIR: process.env.E2E_DATA_DIR,
        E2E_PORTAL_SECRET: portalSecret,
      },
      stdio: 'pipe',
    },
  );
});

/** What the portal's backend signs for its signed-in worker (README: Signing users in). */
function portalToken(subject: string): Promise<string> {
  return new SignJWT({ sub: subject })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(portalSecret));
}

/** What a portal calls when its user signs in (the global the script tag installs). */
async function identify(page: Page, token: string): Promise<void> {
  await page.waitForFunction(() => 'Wagechat' in window);
  await page.evaluate(
    (t) =>
      (window as unknown as { Wagechat: (c: string, t: string) => void }).Wagechat('identify', t),
    token,
  );
}

// Demo accounts (backend/src/integrations/accounts/demo-accounts.ts): the next tips are
// $84.20 for demo-customer-1 and $46.80 for demo-customer-2. A visitor asking this is asked
// to sign in; offline, the question's shape is what routes it to the account lookup.
const question = "what's the status of my tips payout?";

test('identify signs a worker in: their account answers, their thread follows them to another device, and another worker starts afresh', async ({
  page,
  browser,
}, testInfo) => {
  const first = await portalToken('demo-customer-1');
  const second = await portalToken('demo-customer-2');
  const panel = await openWidget(page, 'script tag');
  const { answer: asVisitor } = await ask(page, panel, question);
  await expect(asVisitor).toContainText(/sign in/i);
  await expect(asVisitor).not.toContainText('$84.20');
  await identify(page, first);
  // Signing in is another person than the visitor: the visitor's thread goes.
  await expect(panel.locator('[data-role="user"]')).toHaveCount(0);
  const { answer } = await ask(page, panel, question);
  await expect(answer).toContainText('$84.20');

  // Another device (a fresh browser, nothing stored): signed in before the first open, the
  // same worker continues the same thread.
  const device = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const other = await device.newPage();
    await other.goto('/');
    await identify(other, first);
    await other.getByRole('button', { name: 'Open support chat' }).click();
    const restored = other.getByRole('dialog');
    await expect(restored.locator('[data-role="user"]')).toContainText('status of my tips payout');
    await expect(restored.locator('[data-role="assistant"]')).toContainText('$84.20');
  } finally {
    await device.close();
  }

  // A different worker signs in on the first tab: nothing of the first one's thread stays.
  await identify(page, second);
  await expect(panel.locator('[data-role="user"]')).toHaveCount(0);
  await expect(panel).not.toContainText('$84.20');
  const { answer: theirs } = await ask(page, panel, question);
  await expect(theirs).toContainText('$46.80');
});
