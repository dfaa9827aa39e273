import { createRequire } from 'node:module';
import { expect, type Page, test } from '@playwright/test';
import { ask, installModes, openWidget } from './install-modes';

// Facts come from demo/kb/README.md ("Facts for end-to-end tests").
const answerable = { question: 'How much does Instant Pay cost?', fact: '$2.99' };

const sse = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/** Answers the next chat messages with `text` (and citations) instead of the agent. */
async function fakeAnswer(page: Page, text: string, citations: unknown[] = []) {
  await page.route('**/api/v1/chat/message', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/event-stream',
      body: [
        sse('meta', { conversation_id: crypto.randomUUID(), message_id: crypto.randomUUID() }),
        sse('token', { text }),
        sse('citations', citations),
        sse('done', { confidence: 0.9, response_time_ms: 5, outcome: 'answered' }),
      ].join(''),
    }),
  );
}

for (const mode of installModes) {
  test(`renders markdown and shows an injection attempt as text (${mode})`, async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const panel = await openWidget(page, mode);
    await fakeAnswer(
      page,
      '**Instant Pay** costs:\n- <img src=x onerror="alert(1)"><script>alert(2)</script>\n- [run](javascript:alert(3))\n1. [Help centre](https://help.example.com/fees)',
    );
    const { answer } = await ask(page, panel, 'fees?');
    await expect(answer.locator('strong')).toHaveText('Instant Pay');
    await expect(answer.locator('ul > li')).toHaveCount(2);
    await expect(answer).toContainText('<img src=x onerror="alert(1)"><script>alert(2)</script>');
    await expect(answer.locator('img, script')).toHaveCount(0);
    const link = answer.getByRole('link', { name: 'Help centre' });
    await expect(link).toHaveAttribute('href', 'https://help.example.com/fees');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(answer.getByRole('link', { name: 'run' })).toHaveCount(0);
    expect(dialogs).toEqual([]);
  });
}

test('a citation chip opens the source PDF at its page, and renews an expired link', async ({
  page,
  context,
}) => {
  const panel = await openWidget(page, 'script tag');
  const { answer } = await ask(page, panel, answerable.question);
  const chip = answer.locator('.wc-chip').first();
  const href = (await chip.getAttribute('href')) ?? '';
  expect(href).toMatch(/\/api\/v1\/documents\/[\w-]+\/file\?.*exp=\d+.*#page=\d+$/);

  async function opensPdf(click: () => Promise<void>) {
    const [tab] = await Promise.all([context.waitForEvent('page'), click()]);
    const pdf = await tab.waitForResponse((r) => r.url().includes('/file?'));
    expect(pdf.status()).toBe(200);
    // Chromium hands a PDF to its viewer, and Playwright then sees the response without its
    // headers: fetch the same signed link again to check what the tab received.
    const again = await tab.request.get(pdf.url());
    expect(again.headers()['content-type']).toBe('application/pdf');
    expect((await again.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await tab.close();
    return pdf.url();
  }
  await opensPdf(() => chip.click());

  // The same document again, but with a link that expired while the tab sat open.
  const url = new URL(href);
  const documentId = url.pathname.split('/')[4] ?? '';
  url.searchParams.set('exp', String(Math.floor(Date.now() / 1000) - 60));
  await fakeAnswer(page, 'From history.', [
    {
      document_id: documentId,
      title: 'Old link',
      page: 2,
      snippet: '',
      url: url.pathname + url.search,
    },
  ]);
  const { answer: later } = await ask(page, panel, 'again?');
  const renewed = page.waitForResponse((r) => r.url().endsWith('/link'));
  const opened = await opensPdf(() => later.locator('.wc-chip').click());
  expect((await renewed).status()).toBe(200);
  expect(new URL(opened).searchParams.get('exp')).not.toBe(url.searchParams.get('exp'));
});

test('queues what is typed offline and sends it when the connection is back', async ({
  page,
  context,
}) => {
  const panel = await openWidget(page, 'script tag');
  await context.setOffline(true);
  await panel.getByRole('textbox', { name: 'Your message' }).fill(answerable.question);
  await page.keyboard.press('Enter');
  const user = panel.locator('[data-role="user"]');
  await expect(user).toContainText(answerable.question);
  await expect(user.locator('.wc-state')).toHaveText('Waiting to send');
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/message'));
  await context.setOffline(false);
  expect((await sent).status()).toBe(200);
  await expect(panel.locator('[data-role="assistant"]')).toContainText(answerable.fact);
  await expect(user.locator('.wc-state')).toHaveCount(0);
});

test('sends thumbs with a comment on an answer', async ({ page }) => {
  const panel = await openWidget(page, 'script tag');
  const { answer } = await ask(page, panel, answerable.question);
  const thumbs = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/feedback'));
  await answer.getByRole('button', { name: 'Not helpful' }).click();
  expect((await thumbs).status()).toBe(201);
  await expect(answer.getByRole('button', { name: 'Not helpful' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const comment = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/feedback'));
  await answer.getByRole('textbox', { name: 'Tell us more (optional)' }).fill('Too short');
  await answer.getByRole('button', { name: 'Send' }).click();
  const response = await comment;
  expect(response.status()).toBe(201);
  expect(response.request().postDataJSON()).toMatchObject({ thumbs: 'down', comment: 'Too short' });
  await expect(answer.getByRole('status')).toHaveText('Thanks for your feedback.');
});

test('a new conversation asks for a rating of the old one and starts empty', async ({ page }) => {
  const panel = await openWidget(page, 'script tag');
  await ask(page, panel, answerable.question);
  await panel.getByRole('button', { name: 'New conversation' }).click();
  const rating = panel.getByRole('dialog', { name: 'Rate this chat' });
  await expect(rating.getByRole('button', { name: '1 of 5' })).toBeFocused();
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/feedback'));
  await rating.getByRole('button', { name: '5 of 5' }).click();
  const response = await sent;
  expect(response.status()).toBe(201);
  expect(response.request().postDataJSON()).toMatchObject({ rating: 5 });
  await expect(panel.locator('[data-role]')).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Open support chat' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByRole('dialog').locator('[data-role]')).toHaveCount(0);
});

test('warns before sending what looks like a card number', async ({ page }) => {
  const panel = await openWidget(page, 'script tag');
  const input = panel.getByRole('textbox', { name: 'Your message' });
  await input.fill('my card is 4111 1111 1111 1111');
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('alert')).toContainText('This looks like a card number');
  await panel.getByRole('button', { name: 'Edit' }).click();
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('my card is 4111 1111 1111 1111');
  await expect(panel.locator('[data-role="user"]')).toHaveCount(0);
});

test.describe('accessibility', () => {
  // The demo portal's CSP forbids the inline script axe is injected as; the widget's own is untouched.
  test.use({ bypassCSP: true });

  test('axe finds no WCAG 2.2 AA violations with feedback, the warning and the rating open', async ({
    page,
  }) => {
    const panel = await openWidget(page, 'script tag');
    const { answer } = await ask(page, panel, answerable.question);
    await answer.getByRole('button', { name: 'Helpful', exact: true }).click();
    await panel.getByRole('textbox', { name: 'Your message' }).fill('ssn 123-45-6789');
    await page.keyboard.press('Enter');
    await expect(panel.locator('.wc-warn')).toBeVisible();
    await panel.getByRole('button', { name: 'New conversation' }).click();
    await expect(panel.getByRole('dialog', { name: 'Rate this chat' })).toBeVisible();
    await page.addScriptTag({
      path: createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
    });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ...args: unknown[]
            ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }>;
          };
        }
      ).axe;
      const result = await axe.run(document.querySelector('[data-wagechat]'), {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      });
      return result.violations.map(
        (v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`,
      );
    });
    expect(violations).toEqual([]);
  });
});
