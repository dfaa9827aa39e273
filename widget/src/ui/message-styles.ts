/** Styles of the message list: markdown, citation chips, feedback, status (joined into panelStyles). */
export const messageStyles = `
.wc-md p,.wc-md ul,.wc-md ol{margin:0}
.wc-md>*+*{margin-top:6px}
.wc-md ul,.wc-md ol{padding-left:20px;white-space:normal}
.wc-md code{font:13px ui-monospace,monospace}
.wc-md a{color:inherit}
.wc-sources{margin:8px 0 0;padding:6px 0 0;border-top:1px solid var(--wc-border);font-size:13px;
  color:var(--wc-muted);white-space:normal}
/* A long title wraps inside its chip, not across two broken borders. */
.wc-chip{display:inline-block}
.wc-state{display:block;font-size:12px;font-style:italic;white-space:normal}
.wc-author{display:block;font-weight:600}
.wc-feedback{margin-top:8px;white-space:normal}
.wc-feedback input{font:inherit;font-size:16px;width:70%;margin:6px 6px 0 0}
.wc-feedback [aria-pressed=true]{border-color:var(--wc-accent);box-shadow:inset 0 0 0 1px var(--wc-accent)}
.wc-warn{margin:0 10px 8px;padding:8px;border-radius:8px;background:#fff7e6;font-size:14px}
.wc-rate{position:absolute;top:100%;left:0;right:0;z-index:1;padding:12px;background:var(--wc-bg);
  color:var(--wc-fg);border-bottom:1px solid var(--wc-border)}
.wc-rate :focus-visible{outline-color:var(--wc-accent)}
.wc-rate p{margin:0 0 8px}
.wc-rate button{min-width:40px;height:36px;margin:0 4px 4px 0}
`;
