import { type ComponentChildren, isValidElement } from 'preact';

// The subset answers use: `code`, **bold**, *italic*, [text](url). Each alternative captures
// its own group; nested brackets or an unclosed mark simply do not match and stay text.
const INLINE =
  /`([^`\n]+)`|\*\*(.+?)\*\*|\*([^*\s](?:[^*\n]*[^*\s])?)\*|\[([^[\]\n]+)\]\(([^()\s]+)\)/g;
// Only links a person can follow safely: no javascript:, data:, vbscript: or relative tricks.
const SAFE_URL = /^(?:https?:\/\/|mailto:)/i;
const ITEM = /^\s*(?:([-*+])|\d{1,9}[.)])\s+(.*)$/;

function inline(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    const [whole, code, bold, italic, label, href] = m;
    if (m.index > last) out.push(text.slice(last, m.index));
    last = m.index + whole.length;
    if (code !== undefined) out.push(<code>{code}</code>);
    else if (bold !== undefined) out.push(<strong>{inline(bold)}</strong>);
    else if (italic !== undefined) out.push(<em>{inline(italic)}</em>);
    else if (label !== undefined && href !== undefined && SAFE_URL.test(href))
      out.push(
        <a href={href} target="_blank" rel="noopener noreferrer">
          {inline(label)}
        </a>,
      );
    else out.push(whole);
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** The text of rendered nodes, without their marks. */
const textOf = (nodes: ComponentChildren): string =>
  Array.isArray(nodes)
    ? nodes.map(textOf).join('')
    : isValidElement(nodes)
      ? textOf((nodes.props as { children?: ComponentChildren }).children)
      : String(nodes ?? '');

/**
 * The words of an answer without its marks, for a screen reader to speak (LiveAnnouncer): the
 * text of what `Markdown` shows, line by line without list markers.
 */
export const plainText = (text: string): string =>
  text
    .split('\n')
    .map((line) => textOf(inline(ITEM.exec(line)?.[2] ?? line)))
    .join('\n');

/**
 * Answer text as Preact nodes: paragraphs, bulleted and numbered lists and the inline subset
 * above. Everything reaches the DOM as text nodes (never innerHTML), so neither the model nor a
 * quoted document can inject markup or script; unknown syntax shows as typed.
 *
 * @example <Markdown text={'**Fees**\n- $2.99 per [transfer](https://help.example.com)'} />
 */
export function Markdown({ text }: { text: string }) {
  const blocks: ComponentChildren[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push(<p>{inline(para.join('\n'))}</p>);
    if (list) {
      const items = list.items.map((item) => <li>{inline(item)}</li>);
      blocks.push(list.ordered ? <ol>{items}</ol> : <ul>{items}</ul>);
    }
    para = [];
    list = null;
  };
  for (const line of text.split('\n')) {
    const item = ITEM.exec(line);
    if (item) {
      const ordered = !item[1];
      if (para.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[2] ?? '');
    } else if (line.trim() === '') flush();
    else if (list && /^\s/.test(line)) list.items[list.items.length - 1] += ` ${line.trim()}`;
    else {
      if (list) flush();
      para.push(line);
    }
  }
  flush();
  return <div class="wc-md">{blocks}</div>;
}
