import { cleanLineText } from './clean-text';
import type { TextLine } from './types';

/** The fields of a pdfjs `TextItem` we use (kept structural so this file needs no pdfjs). */
export interface PositionedText {
  str: string;
  /** pdfjs text matrix [a, b, c, d, e, f]: e/f are the origin, |(c, d)| the font size. */
  transform: number[];
  width: number;
}

interface Glyph {
  str: string;
  x: number;
  top: number;
  size: number;
  width: number;
  rotated: boolean;
}

/**
 * A category tag typeset flush right on a definition line ("[Function]", "[Constant]" in
 * Texinfo manuals). Only dropped when it is a separate item at the end of its line with a
 * wide gap before it, which inline citations such as "system[MIME]" never are.
 */
const MARGIN_TAG = /^\[[A-Za-z][A-Za-z ]{1,30}\]$/;

/** Degrees of the text baseline from horizontal, from the text matrix. */
function angleOf(transform: number[]): number {
  const [a = 1, b = 0] = transform;
  return Math.abs((Math.atan2(b, a) * 180) / Math.PI);
}

/**
 * Groups pdfjs text items into visual lines, top to bottom, left to right.
 * pdfjs emits items in content-stream order, which for many generators is not reading
 * order, and a single visual line often arrives as several items with no spaces between.
 * Text drawn diagonally (a "DRAFT" watermark) is dropped: read as a line it would be
 * spliced into whatever body line shares its baseline. Vertical text is kept as lines of
 * its own, marked `rotated`.
 */
export function itemsToLines(items: readonly PositionedText[], pageHeight: number): TextLine[] {
  const glyphs: Glyph[] = [];
  for (const item of items) {
    if (item.str.length === 0) continue;
    const angle = angleOf(item.transform);
    const rightAngle = Math.min(Math.abs(angle - 90), Math.abs(angle - 180), angle);
    if (rightAngle > 2) continue;
    const [, , c = 0, d = 0, e = 0, f = 0] = item.transform;
    glyphs.push({
      str: item.str,
      x: e,
      top: pageHeight - f,
      size: Math.hypot(c, d),
      width: item.width,
      rotated: angle > 2,
    });
  }
  glyphs.sort((a, b) => a.top - b.top || a.x - b.x);

  const rows: Glyph[][] = [];
  for (const glyph of glyphs) {
    if (glyph.rotated) {
      rows.push([glyph]);
      continue;
    }
    const row = rows.findLast((r) => !r[0]?.rotated);
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
    dropMarginTag(row);
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
    const clean = cleanLineText(text);
    if (!clean) continue;
    const line: TextLine = { text: clean, size, top: row[0]?.top ?? 0 };
    if (row[0]?.rotated) line.rotated = true;
    lines.push(line);
  }
  return lines;
}

/** Removes a flush-right category tag from the end of a sorted row (see MARGIN_TAG). */
function dropMarginTag(row: Glyph[]): void {
  const visible = row.filter((g) => g.str.trim());
  const last = visible.at(-1);
  const before = visible.at(-2);
  if (!last || !before || !MARGIN_TAG.test(last.str.trim())) return;
  if (last.x - (before.x + before.width) < last.size * 1.5) return;
  row.splice(row.indexOf(last), 1);
}
