import { bodyFontSize, joinLines } from './page-blocks';
import type { RawPage, TextLine } from './types';

/** The title sits in the upper part of the first page (a cover page centres it lower). */
const UPPER_PART = 0.62;
/** Lines this close to the top edge are margin (running heads, page numbers). */
const TOP_MARGIN = 0.04;
/** A title is at least this much larger than body text. */
const TITLE_RATIO = 1.12;
const MAX_TITLE_LINES = 3;
const MAX_TITLE_CHARS = 200;

const MONTH =
  '(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\\.?';
/** Lines that are on a title page but are not the title. */
const NOT_A_TITLE: readonly RegExp[] = [
  // Emails, also the "name at host.org" spelling used against spam.
  /\S@\S+\.\w|\bat\s+[\w-]+(\.[\w-]+)*\.(org|net|com|edu|io)\b/i,
  // URLs and bare domain names (an organisation line with its web address).
  /https?:\/\/|\bwww\.|\b[\w-]+\.(com|org|net|gov|edu|io)\b/i,
  // Author and rights lines.
  /^(by|authors?|written by|prepared by|edited by|editors?)\b/i,
  /©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved/i,
  // Version and release lines: "Version 1.04", "for version 4.19.0", "Release 3.19.0".
  /^(for\b.*?\b)?(version|release|revision|rev\.|edition)\s*v?\d/i,
  /^v?\d+(\.\d+)+\w*$/i,
  // Dates: "May 1, 2002", "2 October 2018", "2022-08-18", "2015".
  new RegExp(
    `^(\\w+day,?\\s+)?(\\d{1,2}(st|nd|rd|th)?\\s+)?${MONTH}\\s+(\\d{1,2}(st|nd|rd|th)?,?\\s+)?\\d{4}$`,
    'i',
  ),
  /^\d{4}([-/.]\d{1,2}([-/.]\d{1,2})?)?$|^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/,
  // Watermark words and generic headings that are not a document's name.
  /^(draft|confidential|sample|preview|copy|internal|specimen|preliminary|do not (copy|distribute))$/i,
  /^((table of )?contents|abstract|preface|foreword|index|summary|overview)$/i,
];

const isTitleText = (text: string) =>
  (text.match(/\p{L}/gu)?.length ?? 0) >= 2 && !NOT_A_TITLE.some((re) => re.test(text.trim()));

const sizeKey = (line: TextLine) => `${Math.round(line.size)}\n${signature(line.text)}`;
const signature = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/** Text that recurs, at the same size, on most pages: a watermark or a running line. */
function recurringLines(pages: readonly RawPage[]): Set<string> {
  if (pages.length < 2) return new Set();
  const counts = new Map<string, number>();
  for (const page of pages) {
    for (const key of new Set(page.lines.map(sizeKey))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([key]) => key));
}

/**
 * The first page's most prominent heading: the largest-font text in its upper part that is
 * not an author, email, URL, date, version, margin, rotated or recurring (watermark) line.
 * A heading wrapped over consecutive lines of the same size is joined. Null when nothing on
 * page 1 stands out from body text. Takes pages before running lines are removed, so a
 * watermark is recognised by its recurrence.
 */
export function headingTitle(pages: readonly RawPage[]): string | null {
  const first = pages[0];
  if (!first) return null;
  const recurring = recurringLines(pages);
  const usable = (line: TextLine) =>
    !line.rotated &&
    line.top >= first.height * TOP_MARGIN &&
    line.top <= first.height * UPPER_PART &&
    !recurring.has(sizeKey(line)) &&
    isTitleText(line.text);
  const candidates = first.lines.filter(usable);
  const biggest = Math.max(0, ...candidates.map((line) => line.size));
  if (biggest < bodyFontSize(pages) * TITLE_RATIO) return null;
  const sameSize = (line: TextLine) =>
    Math.abs(line.size - biggest) <= Math.max(0.5, biggest * 0.03);
  const start = first.lines.findIndex((line) => usable(line) && sameSize(line));
  const parts: TextLine[] = [];
  for (const line of first.lines.slice(start)) {
    const previous = parts.at(-1);
    if (previous) {
      const adjacent = line.top - previous.top <= biggest * 1.9;
      if (!adjacent || !sameSize(line) || !usable(line) || parts.length >= MAX_TITLE_LINES) break;
    }
    parts.push(line);
  }
  const title = joinLines(parts.map((line) => line.text))
    .replace(/[\s:;,.–—-]+$/u, '')
    .trim();
  return title ? title.slice(0, MAX_TITLE_CHARS) : null;
}
