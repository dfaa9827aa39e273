import type { TextLine } from './types';

/** The fields of a pdfjs `TextItem` we use (kept structural so this file needs no pdfjs). */
export interface PositionedText {
  str: string;
  /** pdfjs text matrix [a, b, c, d, e, f]: e/f are the origin, |(c, d)| the font size. */
  transform: number[];
  width: number;
}

/**
 * Groups pdfjs text items into visual lines, top to bottom, left to right.
 * pdfjs emits items in content-stream order, which for many generators is not reading
 * order, and a single visual line often arrives as several items with no spaces between.
 */
export function itemsToLines(items: readonly PositionedText[], pageHeight: number): TextLine[] {
  const glyphs = items
    .filter((item) => item.str.length > 0)
    .map((item) => {
      const [, , c = 0, d = 0, e = 0, f = 0] = item.transform;
      return {
        str: item.str,
        x: e,
        top: pageHeight - f,
        size: Math.hypot(c, d),
        width: item.width,
      };
    })
    .sort((a, b) => a.top - b.top || a.x - b.x);

  const rows: (typeof glyphs)[] = [];
  for (const glyph of glyphs) {
    const row = rows.at(-1);
    const first = row?.[0];
    // Items on one line share a baseline up to small shifts (superscripts, mixed fonts).
    if (row && first && Math.abs(first.top - glyph.top) <= Math.max(first.size, glyph.size) * 0.4) {
      row.push(glyph);
    } else {
      rows.push([glyph]);
    }
  }

  const lines: TextLine[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let text = '';
    let end = Number.NEGATIVE_INFINITY;
    let size = 0;
    for (const glyph of row) {
      const gap = glyph.x - end;
      // A visible gap with no whitespace on either side is a word break the PDF did not encode.
      if (text && gap > glyph.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(glyph.str)) {
        text += ' ';
      }
      text += glyph.str;
      end = glyph.x + glyph.width;
      size = Math.max(size, glyph.size);
    }
    const clean = text.replace(/\s+/g, ' ').trim();
    if (clean) lines.push({ text: clean, size, top: row[0]?.top ?? 0 });
  }
  return lines;
}
