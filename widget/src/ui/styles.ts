/**
 * All widget styles, scoped by the shadow root so neither the host page's CSS nor ours leaks.
 * Theme through the CSS variables on :host (the accent comes from options). Kept as a string
 * so the single-file bundle needs no CSS loader.
 */
import { attachmentStyles } from './attachment-styles';
import { messageStyles } from './message-styles';

export const widgetStyles = `
:host {
  all: initial;
  --wc-accent: #0b6e4f;
  --wc-on-accent: #fff;
  --wc-bg: #fff;
  --wc-fg: #1c1f23;
  --wc-muted: #5b6470;
  --wc-surface: #f2f4f6;
  --wc-border: #d9dee3;
  --wc-danger: #b42318;
  --wc-radius: 14px;
  --wc-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  font-family: var(--wc-font);
  font-size: 15px;
  line-height: 1.45;
  color: var(--wc-fg);
}
*, *::before, *::after { box-sizing: border-box; }
.wc-root { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; display: flex;
  flex-direction: column; align-items: flex-end; gap: 12px; }
.wc-root.wc-left { right: auto; left: 20px; align-items: flex-start; }
button { font: inherit; cursor: pointer; }
button:focus-visible, textarea:focus-visible { outline: 3px solid var(--wc-accent); outline-offset: 2px; }
.wc-launcher { width: 56px; height: 56px; border-radius: 50%; border: 0; background: var(--wc-accent);
  color: var(--wc-on-accent); box-shadow: 0 6px 20px rgb(0 0 0 / 0.25); display: grid; place-items: center; }
.wc-launcher svg { width: 26px; height: 26px; }
.wc-panel { width: 370px; height: min(600px, calc(100vh - 110px)); background: var(--wc-bg);
  border-radius: var(--wc-radius); box-shadow: 0 12px 40px rgb(0 0 0 / 0.22); display: flex;
  flex-direction: column; overflow: hidden; border: 1px solid var(--wc-border); }
.wc-header { display: flex; align-items: center; justify-content: space-between; padding: 12px 14px;
  background: var(--wc-accent); color: var(--wc-on-accent); }
.wc-header h2 { margin: 0; font-size: 16px; font-weight: 600; }
.wc-close { background: transparent; border: 0; color: inherit; font-size: 22px; line-height: 1;
  padding: 2px 8px; border-radius: 6px; }
.wc-messages { flex: 1; overflow-y: auto; margin: 0; padding: 14px; list-style: none; display: flex;
  flex-direction: column; gap: 10px; }
.wc-empty { color: var(--wc-muted); margin: auto 0; text-align: center; }
.wc-message { max-width: 85%; padding: 9px 12px; border-radius: 12px; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.wc-user { align-self: flex-end; background: var(--wc-accent); color: var(--wc-on-accent);
  border-bottom-right-radius: 4px; }
.wc-assistant { align-self: flex-start; background: var(--wc-surface); border-bottom-left-radius: 4px; }
.wc-failed { opacity: 0.7; border: 1px dashed var(--wc-danger); }
.wc-sources { margin: 8px 0 0; padding: 6px 0 0; border-top: 1px solid var(--wc-border);
  font-size: 13px; color: var(--wc-muted); list-style: none; white-space: normal; }
.wc-escalation { margin-top: 8px; padding: 8px 10px; border-radius: 8px; background: #fff7e6;
  border: 1px solid #f5c26b; font-size: 13px; white-space: normal; }
.wc-ask-person { display: block; margin-top: 8px; padding: 6px 12px; border-radius: 999px;
  border: 1px solid var(--wc-accent); background: transparent; color: inherit; font: inherit;
  font-size: 14px; cursor: pointer; }
.wc-ask-person:focus-visible { outline: 2px solid var(--wc-accent); outline-offset: 2px; }
.wc-typing { align-self: flex-start; display: flex; gap: 4px; padding: 12px; background: var(--wc-surface);
  border-radius: 12px; }
.wc-typing span { width: 7px; height: 7px; border-radius: 50%; background: var(--wc-muted);
  animation: wc-blink 1.2s infinite ease-in-out; }
.wc-typing span:nth-child(2) { animation-delay: 0.2s; }
.wc-typing span:nth-child(3) { animation-delay: 0.4s; }
@keyframes wc-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .wc-typing span { animation: none; } }
.wc-error { margin: 0 14px 8px; padding: 8px 10px; border-radius: 8px; color: var(--wc-danger);
  background: #fdecea; display: flex; gap: 8px; align-items: center; justify-content: space-between;
  font-size: 14px; }
.wc-error button { border: 1px solid var(--wc-danger); background: #fff; color: var(--wc-danger);
  border-radius: 6px; padding: 3px 10px; }
.wc-composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--wc-border); align-items: flex-end; }
.wc-composer textarea { flex: 1; resize: none; font: inherit; color: inherit; min-height: 42px; max-height: 120px;
  padding: 9px 10px; border: 1px solid var(--wc-border); border-radius: 10px; background: var(--wc-bg); }
.wc-send { border: 0; border-radius: 10px; background: var(--wc-accent); color: var(--wc-on-accent);
  padding: 0 14px; height: 42px; font-weight: 600; }
.wc-send:disabled { opacity: 0.5; cursor: default; }
.wc-count { font-size: 12px; color: var(--wc-muted); padding: 0 12px 6px; text-align: right; }
.wc-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 480px) {
  .wc-root, .wc-root.wc-left { bottom: 12px; right: 12px; left: auto; }
  .wc-root.wc-left { left: 12px; right: auto; }
  .wc-panel { position: fixed; inset: 0; width: 100%; height: 100%; border-radius: 0; border: 0; }
}
${messageStyles}
${attachmentStyles}
`;
