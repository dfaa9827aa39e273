/**
 * The panel's styles. The shell adopts them with its own (shell/shell-styles.ts) when it
 * mounts; themed by the CSS variables on .wc-root. A string, so the bundle needs no CSS loader.
 */
import { attachmentStyles } from './attachment-styles';
import { messageStyles } from './message-styles';

export const panelStyles = `
.wc-panel { width: 370px; height: min(600px, calc(100dvh - 110px)); background: var(--wc-bg);
  border-radius: var(--wc-radius); box-shadow: 0 12px 40px rgb(0 0 0 / 0.22); display: flex;
  flex-direction: column; overflow: hidden; border: 1px solid var(--wc-border); }
.wc-header { position: relative; display: flex; align-items: center; padding: 12px 14px;
  background: var(--wc-accent); color: var(--wc-on-accent); }
.wc-header h2 { margin: 0 auto 0 0; font-size: 16px; font-weight: 600; }
/* WCAG 2.5.8: every control at least 24 x 24 px. */
.wc-panel button { min-width: 24px; min-height: 24px; }
.wc-header :focus-visible { outline-color: var(--wc-on-accent); }
.wc-logo { height: 24px; max-width: 96px; margin-right: 8px; object-fit: contain; }
.wc-close, .wc-new { background: none; border: 0; color: inherit; font-size: 22px; line-height: 1;
  padding: 2px 8px; border-radius: 6px; }
.wc-new { font-size: 18px; }
/* The bordered controls; each kind adds its shape below. */
.wc-suggestion, .wc-chip, .wc-feedback button, .wc-warn button, .wc-rate button, .wc-tool, .wc-file,
.wc-chip-btn, .wc-composer textarea { border: 1px solid var(--wc-border); background: var(--wc-bg);
  color: var(--wc-fg); border-radius: 8px; padding: 2px 10px; text-decoration: none; }
/* Rows of chips and tools. */
.wc-tools, .wc-rec, .wc-files, .wc-sources { display: flex; flex-wrap: wrap; gap: 6px; align-items: center;
  margin: 6px 0 0; padding: 0; list-style: none; }
.wc-messages { flex: 1; overflow-y: auto; margin: 0; padding: 14px; list-style: none; display: flex;
  flex-direction: column; gap: 10px; }
.wc-empty { color: var(--wc-muted); margin: auto 0; text-align: center; }
.wc-empty p { margin: 0 0 10px; }
.wc-suggestion { display: block; width: 100%; margin: 6px 0 0; padding: 8px 12px; border-radius: 10px;
  text-align: left; }
.wc-message { max-width: 85%; padding: 9px 12px; border-radius: 12px; white-space: pre-wrap;
  overflow-wrap: anywhere; }
.wc-user { align-self: flex-end; background: var(--wc-accent); color: var(--wc-on-accent);
  border-bottom-right-radius: 4px; }
.wc-assistant { align-self: flex-start; background: var(--wc-surface); border-bottom-left-radius: 4px; }
.wc-failed { opacity: 0.7; border: 1px dashed var(--wc-danger); }
.wc-escalation { margin-top: 8px; padding: 8px 10px; border-radius: 8px; background: #fff7e6;
  border: 1px solid #f5c26b; font-size: 13px; white-space: normal; }
.wc-ask-person { display: block; margin-top: 8px; padding: 6px 12px; border-radius: 999px;
  border: 1px solid var(--wc-accent); background: none; color: inherit; font-size: 14px; }
.wc-typing { align-self: flex-start; display: flex; gap: 4px; padding: 12px; background: var(--wc-surface);
  border-radius: 12px; }
.wc-typing span { width: 7px; height: 7px; border-radius: 50%; background: var(--wc-muted);
  animation: wc-blink 1.2s infinite ease-in-out; }
.wc-typing span:nth-child(2) { animation-delay: 0.2s; }
.wc-typing span:nth-child(3) { animation-delay: 0.4s; }
@keyframes wc-blink { 0%, 80%, 100% { opacity: 0.25; } 40% { opacity: 1; } }
/* The typing dots are the widget's only motion. */
@media (prefers-reduced-motion: reduce) { * { animation: none !important; } }
.wc-error { margin: 0 14px 8px; padding: 8px 10px; border-radius: 8px; color: var(--wc-danger);
  background: #fdecea; display: flex; gap: 8px; align-items: center; justify-content: space-between;
  font-size: 14px; }
.wc-error button { border: 1px solid; background: #fff; color: inherit; border-radius: 6px; padding: 3px 10px; }
.wc-composer { display: flex; gap: 8px; padding: 10px; border-top: 1px solid var(--wc-border); align-items: flex-end; }
.wc-composer textarea { flex: 1; resize: none; font: inherit; font-size: 16px; min-height: 42px;
  max-height: 120px; padding: 9px 10px; border-radius: 10px; }
.wc-send { border: 0; border-radius: 10px; background: var(--wc-accent); color: var(--wc-on-accent);
  padding: 0 14px; height: 42px; font-weight: 600; }
:disabled { opacity: 0.5; cursor: default; }
.wc-count { font-size: 12px; color: var(--wc-muted); padding: 0 12px 6px; text-align: right; }
.wc-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
/* Phones: full screen, sized to the visual viewport (shrinks with the keyboard, see
   shell/viewport-fit.ts), else to the dynamic viewport, inside the safe area. */
@media (max-width: 639.98px) {
  .wc-panel { position: fixed; left: 0; right: 0; top: var(--wc-vt, 0); width: 100%;
    height: var(--wc-vh, 100dvh); border-radius: 0; border: 0; padding: env(safe-area-inset-top)
    env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left); }
}
${messageStyles}
${attachmentStyles}
`;
