import { expect, type Locator, type Page } from '@playwright/test';

/** The two ways a portal installs the widget; every browser test runs in both. */
export const installModes = ['script tag', 'npm'] as const;
export type InstallMode = (typeof installModes)[number];

// Served by the test itself at the server's origin, like a partner app that imports the ES
// module the package ships by its package name, with no bundler: an import map points the name
// at the file, and the module must need nothing else (Preact is bundled inside it).
const npmPage = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" /><title>Partner app (npm install)</title>
    <script type="importmap">{ "imports": { "@wagechat/widget": "/widget/wagechat.mjs" } }</script>
  </head>
  <body>
    <h1>Partner app</h1>
    <div id="support"></div>
    <script type="module">
      import { mount } from '@wagechat/widget';
      window.wagechat = mount(document.getElementById('support'), { tenant: 'demo', title: 'Partner support' });
    </script>
  </body>
</html>`;

/** Loads a page with the widget installed in `mode` and opens the chat panel. */
export async function openWidget(page: Page, mode: InstallMode): Promise<Locator> {
  if (mode === 'npm') {
    await page.route('**/partner-app.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: npmPage }),
    );
    await page.goto('/partner-app.html');
  } else {
    await page.goto('/');
  }
  // Playwright's locators reach into the open shadow root.
  await page.getByRole('button', { name: 'Open support chat' }).click();
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('textbox', { name: 'Your message' })).toBeFocused();
  return panel;
}

/**
 * Types a question, sends it with Enter, and waits for the streamed answer to finish.
 * Returns the answer's bubble and the raw response, so a test can check it was a stream.
 */
export async function ask(page: Page, panel: Locator, question: string) {
  const answers = panel.locator('[data-role="assistant"]');
  const before = await answers.count();
  const responsePromise = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/message'));
  await panel.getByRole('textbox', { name: 'Your message' }).fill(question);
  await page.keyboard.press('Enter');
  const response = await responsePromise;
  const answer = answers.nth(before);
  await expect(answer).toBeVisible();
  // The live region speaks the answer only once it is complete, so it marks the end of the stream.
  await expect(panel.locator('[aria-live="polite"]').last()).toContainText('Assistant:');
  return { answer, response };
}
