/** Styles of attachments and voice notes (joined into panelStyles). */
export const attachmentStyles = `
.wc-attach { padding: 6px 10px 0; border-top: 1px solid var(--wc-border); font-size: 13px; }
.wc-attach + .wc-composer { border-top: 0; }
.wc-tools { margin: 0; }
.wc-tool { width: 36px; height: 36px; border-radius: 50%; font-size: 17px; padding: 0; }
.wc-file, .wc-chip-btn { border-radius: 999px; padding: 3px 8px; }
.wc-meter { width: 80px; height: 8px; background: var(--wc-surface); overflow: hidden; }
.wc-meter span { display: block; height: 100%; background: var(--wc-accent); transform-origin: left; }
.wc-rec progress { flex: 1; }
.wc-notice { margin: 6px 0 0; color: var(--wc-muted); }
`;
