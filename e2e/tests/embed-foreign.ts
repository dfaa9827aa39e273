import { expect, type Page, type TestInfo } from '@playwright/test';
import { chromiumArgs, findChromium } from '../chromium';

/**
 * Launch options for specs that use the foreign portal: a page Playwright fulfils has no
 * network address, so Chromium's Local Network Access check treats it as public and refuses
 * its requests to 127.0.0.1 ("Permission was denied ... `loopback` address space"). A real
 * portal is public and the API too, so that check never applies in production.
 */
export const foreignPortalLaunch = {
  executablePath: findChromium(),
  args: [...chromiumArgs, '--disable-features=LocalNetworkAccessChecks'],
};

/**
 * A partner portal on another origin than the API (localhost vs 127.0.0.1, which the demo
 * tenant allows as local origins), served by the test itself with a bank-grade CSP: scripts and
 * connections only to the API origin, no inline styles, no eval. Inline scripts run only with
 * the page's nonce, as on real strict-CSP portals (the queue stub is one of them).
 */
export interface ForeignPortalOptions {
  /** Page rules that try every way of reaching into the widget. */
  hostileCss?: boolean;
  /** Calls made through the queue stub before the widget script loads. */
  queued?: string;
}

const nonce = 'e2e-nonce-7f3a';

// Everything here is !important and as broad as it gets: inherited properties on html/body,
// `*`, `div` and attribute selectors, and rules aimed at our host element itself.
export const hostileCss = `
html { font: italic 25px/4 "Times New Roman", serif; color: #800080; text-transform: uppercase; }
body { letter-spacing: 3px; word-spacing: 9px; }
* { letter-spacing: 2px !important; line-height: 3 !important; text-transform: uppercase !important;
  box-sizing: content-box !important; font-family: "Comic Sans MS", cursive !important;
  color: #ff00ff !important; font-size: 21px !important; }
div { padding: 7px !important; font-weight: 900 !important; background: yellow !important; }
[data-wagechat], [data-role] { font: italic 30px serif !important; color: red !important;
  letter-spacing: 5px !important; display: none !important; visibility: hidden !important; }
`;

export function foreignOrigin(baseURL: string): string {
  const api = new URL(baseURL);
  return `${api.protocol}//localhost:${api.port}`;
}

export function strictCsp(api: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' ${api}`,
    `connect-src ${api}`,
    "style-src 'self'",
    `img-src ${api}`,
  ].join('; ');
}

/** Serves the portal at `${foreign}/portal.html` and opens it; returns CSP violations seen. */
export async function openForeignPortal(
  page: Page,
  baseURL: string,
  options: ForeignPortalOptions = {},
) {
  const api = new URL(baseURL).origin;
  const foreign = foreignOrigin(baseURL);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" /><title>Payroll partner portal</title>
    ${options.hostileCss ? '<link rel="stylesheet" href="/hostile.css" />' : ''}
    <script nonce="${nonce}">
      window.Wagechat = window.Wagechat || function () { (window.Wagechat.q = window.Wagechat.q || []).push(arguments); };
      ${options.queued ?? ''}
    </script>
  </head>
  <body>
    <h1>Payroll partner portal</h1>
    <p><a href="#pay">Your pay</a></p>
    <script src="${api}/widget/wagechat.js" data-tenant="demo" async></script>
  </body>
</html>`;
  await page.route(`${foreign}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/hostile.css') {
      return route.fulfill({ status: 200, contentType: 'text/css', body: hostileCss });
    }
    return route.fulfill({
      status: 200,
      contentType: 'text/html',
      headers: { 'Content-Security-Policy': strictCsp(api) },
      body: html,
    });
  });
  await page.goto(`${foreign}/portal.html`);
  await expect(page.getByRole('button', { name: /support chat/ })).toBeVisible();
  return { violations, foreign, api };
}

/** Computed styles that page CSS would change if it reached inside the shadow root. */
export async function widgetStyles(page: Page, selectors: string[]) {
  return page.evaluate((list) => {
    const root = document.querySelector('[data-wagechat]')?.shadowRoot;
    const props = [
      'fontFamily',
      'fontSize',
      'fontStyle',
      'fontWeight',
      'letterSpacing',
      'wordSpacing',
      'lineHeight',
      'color',
      'textTransform',
      'boxSizing',
      'visibility',
      'paddingTop',
    ] as const;
    return Object.fromEntries(
      list.map((selector) => {
        const element = root?.querySelector(selector);
        const style = element ? getComputedStyle(element) : null;
        return [selector, style ? Object.fromEntries(props.map((p) => [p, style[p]])) : null];
      }),
    );
  }, selectors);
}

/** Saves a screenshot in the test's output folder (kept after a pass) and attaches it. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
