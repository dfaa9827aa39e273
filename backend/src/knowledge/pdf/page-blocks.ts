import type { Block, ExtractedPage, RawPage, TextLine } from './types';

/** A line this much larger than body text is a heading candidate. */
const HEADING_RATIO = 1.12;
const MAX_HEADING_CHARS = 120;

/** The body font size: the size that carries the most characters in the document. */
export function bodyFontSize(pages: readonly RawPage[]): number {
  const chars = new Map<number, number>();
  for (const page of pages) {
    for (const line of page.lines) {
      const size = Math.round(line.size * 2) / 2;
      chars.set(size, (chars.get(size) ?? 0) + line.text.length);
    }
  }
  let best = 0;
  let bestCount = -1;
  for (const [size, count] of chars) {
    if (count > bestCount) {
      best = size;
      bestCount = count;
    }
  }
  return best;
}

function isHeading(line: TextLine, body: number): boolean {
  return (
    line.size >= body * HEADING_RATIO &&
    line.text.length <= MAX_HEADING_CHARS &&
    /\p{L}/u.test(line.text) &&
    !/[.,;]$/.test(line.text)
  );
}

/**
 * Turns the lines of every page into headings and paragraphs. Heading levels come from
 * the distinct heading font sizes of the whole document (largest is level 1), so a
 * section heading means the same on every page.
 */
export function pagesToBlocks(pages: readonly RawPage[]): ExtractedPage[] {
  const body = bodyFontSize(pages);
  const headingSizes = [
    ...new Set(
      pages.flatMap((page) =>
        page.lines.filter((line) => isHeading(line, body)).map((l) => Math.round(l.size)),
      ),
    ),
  ].sort((a, b) => b - a);
  return pages.map((page) => ({
    number: page.number,
    blocks: linesToBlocks(page.lines, body, headingSizes),
  }));
}

function linesToBlocks(lines: readonly TextLine[], body: number, headingSizes: number[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let previous: TextLine | undefined;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: joinLines(paragraph) });
    paragraph = [];
  };
  for (const line of lines) {
    if (isHeading(line, body)) {
      flush();
      const level = headingSizes.indexOf(Math.round(line.size)) + 1;
      const last = blocks.at(-1);
      // A heading wrapped over two lines arrives as two heading lines of the same size.
      if (
        last?.kind === 'heading' &&
        last.level === level &&
        previous &&
        isHeading(previous, body)
      ) {
        last.text = `${last.text} ${line.text}`;
      } else {
        blocks.push({ kind: 'heading', level: Math.max(level, 1), text: line.text });
      }
    } else {
      const gap = previous ? line.top - previous.top : 0;
      // Wider spacing than a normal line feed, or a new question/answer, starts a paragraph.
      const startsParagraph =
        gap > Math.max(line.size, body) * 1.75 || /^(Q|A)\s*[:.]/.test(line.text);
      if (startsParagraph || /^([-•*]|\d+[.)])\s/.test(line.text)) flush();
      paragraph.push(line.text);
    }
    previous = line;
  }
  flush();
  return blocks;
}

/** Joins wrapped lines into prose, undoing end-of-line hyphenation ("with-\ndrawal"). */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    if (!text) text = line;
    else if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text = `${text} ${line}`;
  }
  return text;
}
