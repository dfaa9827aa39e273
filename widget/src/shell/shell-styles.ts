/**
 * Styles of the host, the root and the launcher. The controller adopts them together with the
 * panel's (ui/styles.ts), so all the CSS ships in the first script: the chat chunk follows on
 * idle for every visitor anyway, and the two style sheets compress better in one file than
 * apart (all-in 256 B less gzip for 1.4 KB more in the first script, measured 2026-12).
 *
 * `all: initial !important` on :host because a page rule such as `* { letter-spacing: 2px
 * !important }` matches the host element, and its inherited values would reach our text;
 * for !important declarations the shadow root's rule wins over the page's. The real styles sit
 * on .wc-root, where no page selector can reach. Theme variables live there too (set with
 * CSSOM by the shell), not on the host, which page CSS can match.
 */
export const shellStyles = `
:host { all: initial !important; }
.wc-root { --wc-accent: #0b6e4f; --wc-on-accent: #fff; --wc-bg: #fff; --wc-fg: #1c1f23; --wc-muted: #5b6470;
  --wc-surface: #f2f4f6; --wc-border: #d9dee3; --wc-danger: #b42318; --wc-radius: 14px;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--wc-fg);
  letter-spacing: normal; text-transform: none; text-align: left; position: fixed;
  bottom: max(20px, env(safe-area-inset-bottom)); right: max(20px, env(safe-area-inset-right));
  z-index: 2147483000; display: flex; flex-direction: column; align-items: flex-end; gap: 12px; }
.wc-root[hidden] { display: none; }
.wc-root.wc-left { right: auto; left: max(20px, env(safe-area-inset-left)); align-items: flex-start; }
* { box-sizing: border-box; }
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--wc-accent); outline-offset: 2px; }
.wc-launcher { position: relative; width: 56px; height: 56px; border-radius: 50%; border: 0; padding: 0;
  background: var(--wc-accent); color: var(--wc-on-accent); box-shadow: 0 6px 20px rgb(0 0 0 / 0.25);
  display: grid; place-items: center; }
.wc-launcher:focus-visible { outline-color: var(--wc-fg); }
.wc-launcher svg { width: 26px; height: 26px; fill: currentColor; }
.wc-launcher svg.wc-x { fill: none; stroke: currentColor; stroke-width: 2.4; stroke-linecap: round; }
.wc-badge { position: absolute; top: -2px; right: -2px; min-width: 20px; height: 20px; padding: 0 5px;
  border-radius: 10px; background: #b42318; color: #fff; font-size: 12px; font-weight: 700; line-height: 20px; }
.wc-slot { display: contents; }
@media (max-width: 639.98px) {
  .wc-root, .wc-root.wc-left { bottom: max(12px, env(safe-area-inset-bottom)); right: 12px; left: auto; }
  .wc-root.wc-left { left: 12px; right: auto; }
  .wc-root.wc-open .wc-launcher { display: none; }
}
`;
