import { fileURLToPath } from 'node:url';
import { chromium, expect, type Locator, type Page, test } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium';
import { ask, installModes, openWidget } from './install-modes';

// The smallest files the server recognises by content: a 1x1 PNG and a one-object PDF.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

// Chromium's fake microphone (a tone) and auto-accepted permission prompt, for the whole file:
// launch options cannot change inside a describe block.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...chromiumArgs, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  },
});

const screenshotPath = (name: string) =>
  fileURLToPath(new URL(`../test-results/${name}`, import.meta.url));

/** Picks a file through the paperclip and waits for the server's answer to the upload. */
async function attach(page: Page, panel: Locator, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/upload'));
  await panel.getByRole('button', { name: 'Attach an image or PDF' }).click();
  await (await chooser).setFiles({ ...file, mimeType: 'application/octet-stream' });
  return uploaded;
}

for (const mode of installModes) {
  test(`uploads a PNG and a PDF and sends them with a message (${mode})`, async ({ page }) => {
    const panel = await openWidget(page, mode);
    expect((await attach(page, panel, { name: 'pay-card.png', buffer: png })).status()).toBe(201);
    expect((await attach(page, panel, { name: 'statement.pdf', buffer: pdf })).status()).toBe(201);
    const tray = panel.locator('.wc-attach').getByRole('list', { name: 'Attachments' });
    await expect(tray.getByRole('listitem')).toHaveText([
      /pay-card\.png, 1 KB/,
      /statement\.pdf, 1 KB/,
    ]);

    await ask(page, panel, 'Here are my pay card and statement');
    const sent = panel.locator('[data-role="user"]').last();
    await expect(sent.getByRole('listitem')).toHaveText([/pay-card\.png/, /statement\.pdf/]);
    // Sent: the tray is empty again.
    await expect(tray).toHaveCount(0);

    if (mode === 'script tag') {
      await page.screenshot({ path: screenshotPath('widget-attachments.png') });
      // The thread's history lists them after a reload.
      await page.reload();
      await page.getByRole('button', { name: 'Open support chat' }).click();
      const restored = page.getByRole('dialog').locator('[data-role="user"]').last();
      await expect(restored.getByRole('listitem')).toHaveText([/pay-card\.png/, /statement\.pdf/]);
    }
  });
}

test('refuses a file whose content is not an image or PDF, whatever its name', async ({ page }) => {
  const panel = await openWidget(page, 'script tag');
  const disguised = { name: 'photo.png', buffer: Buffer.from('MZ this is not an image at all') };
  expect((await attach(page, panel, disguised)).status()).toBe(415);
  await expect(panel.getByRole('status').filter({ hasText: 'not a PNG' })).toContainText(
    'Its content decides, not its name.',
  );
  await expect(panel.locator('.wc-attach').getByRole('list', { name: 'Attachments' })).toHaveCount(
    0,
  );
});

// Voice runs on the partner page of the npm install: the demo portal's own pages are served
// with `Permissions-Policy: microphone=()`, which a portal offering voice notes must not send.
test.describe('voice notes with a fake microphone', () => {
  test('records with a level meter, uploads, and says plainly that it is kept untranscribed', async ({
    page,
  }) => {
    const panel = await openWidget(page, 'npm');
    await panel.getByRole('button', { name: 'Record a voice note' }).click();
    const timer = panel.getByRole('timer');
    await expect(timer).toHaveText('0:01');
    // The fake device plays a tone: the meter moves.
    await expect
      .poll(() => panel.locator('.wc-meter span').evaluate((el) => getComputedStyle(el).transform))
      .not.toMatch(/^(none|matrix\(0, 0, 0, 1, 0, 0\))$/);
    const uploaded = page.waitForResponse((r) => r.url().endsWith('/api/v1/chat/upload'));
    await panel.getByRole('button', { name: 'Stop and use' }).click();
    const response = await uploaded;
    expect(response.status()).toBe(201);
    // The e2e server runs offline: no transcript, the note is kept for the person.
    expect(await response.json()).toMatchObject({
      transcription: 'unavailable',
      attachment: { kind: 'voice', content_type: 'audio/webm' },
    });
    await expect(panel.getByRole('status')).toHaveText(
      "We can't transcribe voice notes right now. Your note is saved with this conversation for the person who picks it up.",
    );
    const tray = panel.locator('.wc-attach').getByRole('listitem');
    await expect(tray).toHaveText(/^Voice note, \d+ KB/);
    await page.screenshot({ path: screenshotPath('widget-voice-offline.png') });

    await ask(page, panel, 'Please listen to my voice note');
    await expect(panel.locator('[data-role="user"]').last().getByRole('listitem')).toHaveText(
      /^Voice note/,
    );
  });

  test('cancelling a recording uploads nothing', async ({ page }) => {
    const panel = await openWidget(page, 'npm');
    let uploads = 0;
    page.on('request', (r) => {
      if (r.url().endsWith('/api/v1/chat/upload')) uploads++;
    });
    await panel.getByRole('button', { name: 'Record a voice note' }).click();
    await expect(panel.getByRole('timer')).toHaveText('0:01');
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await expect(panel.getByRole('timer')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Record a voice note' })).toBeEnabled();
    expect(uploads).toBe(0);
  });
});

test('tells the person plainly when the microphone is refused', async ({ baseURL }) => {
  // A browser of its own without the auto-accepting prompt: headless, the request is refused.
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: [...chromiumArgs, '--use-fake-device-for-media-stream'],
  });
  try {
    const page = await browser.newPage({ baseURL });
    const panel = await openWidget(page, 'npm');
    await panel.getByRole('button', { name: 'Record a voice note' }).click();
    await expect(panel.getByRole('status')).toHaveText(/Microphone access is blocked/);
    await expect(panel.getByRole('timer')).toHaveCount(0);
    await expect(panel.getByRole('button', { name: 'Record a voice note' })).toBeEnabled();
  } finally {
    await browser.close();
  }
});
