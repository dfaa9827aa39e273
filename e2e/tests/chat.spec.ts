import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ask, installModes, openWidget } from './install-modes';

// Facts come from demo/kb/README.md ("Facts for end-to-end tests").
const answerable = {
  question: 'How much does Instant Pay cost?',
  fact: '$2.99',
  source: /^Instant Pay\b.*, p\. [1-3]$/,
};
const unanswerable = 'Does my job come with health insurance?';

const screenshotPath = (name: string) =>
  fileURLToPath(new URL(`../test-results/${name}`, import.meta.url));

for (const mode of installModes) {
  test.describe(`installed by ${mode}`, () => {
    test('streams an answer from the knowledge base with a citation', async ({ page }) => {
      const panel = await openWidget(page, mode);
      const { answer, response } = await ask(page, panel, answerable.question);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toContain('text/event-stream');
      await expect(answer).toContainText(answerable.fact);
      const sources = answer.getByRole('list', { name: 'Sources' }).getByRole('listitem');
      await expect(sources.first()).toHaveText(answerable.source);
      await expect(answer.locator('.wc-escalation')).toHaveCount(0);
      if (mode === 'script tag') {
        await page.screenshot({ path: screenshotPath('widget-open-demo-portal.png') });
        await page.setViewportSize({ width: 390, height: 844 });
        await page.screenshot({ path: screenshotPath('widget-open-mobile.png') });
      }
    });

    test('quotes the closest passage for a question it cannot answer, and hands over in one click', async ({
      page,
    }) => {
      const panel = await openWidget(page, mode);
      const { answer } = await ask(page, panel, unanswerable);
      await expect(answer).toContainText(/closest thing I found/i);
      await expect(answer.getByRole('list', { name: 'Sources' })).toBeVisible();
      const offer = answer.getByRole('button', { name: 'Talk to a person' });
      await expect(offer).toBeVisible();
      const handover = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/message'));
      await offer.click();
      expect((await handover).status()).toBe(200);
      const last = panel.locator('[data-role="assistant"]').last();
      await expect(last.locator('.wc-escalation')).toBeVisible();
      await expect(last).toContainText(/a person will follow up/i);
      // The offer goes once a person has the thread.
      await expect(panel.getByRole('button', { name: 'Talk to a person' })).toHaveCount(0);
      if (mode === 'script tag') {
        await page.screenshot({ path: screenshotPath('widget-handover-demo-portal.png') });
      }
    });
  });
}

test('keeps the thread after a reload', async ({ page }) => {
  const panel = await openWidget(page, 'script tag');
  await ask(page, panel, answerable.question);
  await page.reload();
  await page.getByRole('button', { name: 'Open support chat' }).click();
  const restored = page.getByRole('dialog');
  await expect(restored.locator('[data-role="user"]')).toContainText(answerable.question);
  await expect(restored.locator('[data-role="assistant"]')).toContainText(answerable.fact);
});

test('Escape closes the panel and returns focus to the launcher', async ({ page }) => {
  await openWidget(page, 'script tag');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Open support chat' })).toBeFocused();
});

test('signing out starts a fresh conversation that a reload does not bring back', async ({
  page,
}) => {
  const panel = await openWidget(page, 'script tag');
  await ask(page, panel, answerable.question);
  await expect(panel.locator('[data-role="user"]')).toHaveCount(1);
  // What a portal calls when its user signs out (the global the script tag installs).
  await page.evaluate(() =>
    (window as unknown as { Wagechat: (c: string) => void }).Wagechat('signOut'),
  );
  await expect(panel.locator('[data-role="user"]')).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Open support chat' }).click();
  const after = page.getByRole('dialog');
  await expect(after.getByRole('textbox', { name: 'Your message' })).toBeVisible();
  await expect(after.locator('[data-role="user"]')).toHaveCount(0);
  await expect(after).not.toContainText(answerable.question);
});
