import { expect, test } from '@playwright/test';
import {
  attachScreenshot,
  foreignPortalLaunch,
  openForeignPortal,
  widgetStyles,
} from './embed-foreign';

test.use({ launchOptions: foreignPortalLaunch });

// Facts come from demo/kb/README.md ("Facts for end-to-end tests").
const question = 'How much does Instant Pay cost?';
const fact = '$2.99';

const styled = ['.wc-root', '.wc-launcher', '.wc-header h2', 'textarea', '[data-role="assistant"]'];

test.describe('a foreign-origin portal with a strict CSP', () => {
  test('runs queued calls, streams a cited answer, and keeps its styles against hostile CSS', async ({
    page,
    baseURL,
  }, testInfo) => {
    // The same conversation twice: on a plain portal, then under hostile CSS. Every computed
    // style inside the widget must come out the same.
    const runs = [];
    for (const hostileCss of [false, true]) {
      const { violations } = await openForeignPortal(page, baseURL as string, {
        hostileCss,
        // Made before the script loaded, through the documented stub.
        queued: `window.seen = [];
          Wagechat('on', 'open', function () { window.seen.push('open'); });
          Wagechat('on', 'message', function (m) { window.seen.push(m.role); });
          Wagechat('open');`,
      });
      const panel = page.getByRole('dialog');
      await expect(panel).toBeVisible();
      const input = panel.getByRole('textbox', { name: 'Your message' });
      await expect(input).toBeFocused();
      const response = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/message'));
      await input.fill(question);
      await page.keyboard.press('Enter');
      expect((await response).headers()['content-type']).toContain('text/event-stream');
      const answer = panel.locator('[data-role="assistant"]').first();
      await expect(panel.locator('[aria-live="polite"]').last()).toContainText('Assistant:');
      await expect(answer).toContainText(fact);
      await expect(answer.getByRole('list', { name: 'Sources' })).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
        'open',
        'user',
        'assistant',
      ]);
      expect(violations).toEqual([]);
      runs.push(await widgetStyles(page, styled));
      await attachScreenshot(page, testInfo, hostileCss ? 'strict-csp-hostile-css' : 'strict-csp');
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    }
    const [plain, hostile] = runs;
    for (const selector of styled) expect(plain?.[selector]).not.toBeNull();
    expect(hostile).toEqual(plain);
    expect(plain?.['[data-role="assistant"]']).toMatchObject({
      letterSpacing: 'normal',
      textTransform: 'none',
      boxSizing: 'border-box',
      fontStyle: 'normal',
    });
  });

  test('a whole conversation by keyboard alone', async ({ page, baseURL }, testInfo) => {
    await openForeignPortal(page, baseURL as string);
    const launcher = page.getByRole('button', { name: 'Open support chat' });
    for (let i = 0; i < 5 && !(await launcher.evaluate((b) => b.matches(':focus'))); i++) {
      await page.keyboard.press('Tab');
    }
    await expect(launcher).toBeFocused();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog');
    await expect(panel.getByRole('textbox', { name: 'Your message' })).toBeFocused();
    await page.keyboard.type(question);
    await page.keyboard.press('Enter');
    await expect(panel.locator('[aria-live="polite"]').last()).toContainText(fact);
    // Focus stayed in the input, ready for the next question.
    await expect(panel.getByRole('textbox', { name: 'Your message' })).toBeFocused();
    await attachScreenshot(page, testInfo, 'keyboard-conversation');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Open support chat' })).toBeFocused();
  });
});
