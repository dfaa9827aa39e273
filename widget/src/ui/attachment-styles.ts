/** Styles of attachments and voice notes (joined into widgetStyles). */
export const attachmentStyles = `
.wc-attach { padding: 6px 10px 0; border-top: 1px solid var(--wc-border); font-size: 13px; }
.wc-attach + .wc-composer { border-top: 0; }
.wc-tools, .wc-rec, .wc-files { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 6px 0 0; padding: 0; list-style: none; }
.wc-tools { margin: 0; }
.wc-tool { width: 36px; height: 36px; border-radius: 50%; font-size: 17px; }
.wc-tool, .wc-file, .wc-chip-btn { border: 1px solid var(--wc-border); background: var(--wc-bg); color: var(--wc-fg); }
.wc-file, .wc-chip-btn { border-radius: 999px; padding: 3px 8px; font: inherit; }
.wc-tool:disabled { opacity: 0.5; }
.wc-meter { width: 80px; height: 8px; background: var(--wc-surface); overflow: hidden; }
.wc-meter span { display: block; height: 100%; background: var(--wc-accent); transform-origin: left; }
.wc-rec progress { flex: 1; }
.wc-notice { margin: 6px 0 0; color: var(--wc-muted); }
`;
