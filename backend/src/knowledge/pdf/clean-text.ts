/**
 * Repairs of text that PDF generators leave broken, applied to each visual line.
 * Each one rewrites a pattern that cannot be meant as written; none drops words.
 */

/** TeX sets an accent as a separate spacing glyph before its letter: "M¨oller". */
const SPACING_ACCENTS: Record<string, string> = {
  '\u00a8': '\u0308', // diaeresis
  '\u00b4': '\u0301', // acute
  '\u02c6': '\u0302', // circumflex
  '\u02dc': '\u0303', // tilde
  '\u02c7': '\u030c', // caron
  '\u02da': '\u030a', // ring
  '\u00b8': '\u0327', // cedilla
};
const ACCENT_BEFORE_LETTER =
  /(?<=\p{L}|^|\s)([\u00a8\u00b4\u02c6\u02dc\u02c7\u02da\u00b8]) ?(\p{L})/gu;

/**
 * LaTeX escapes printed literally by generators that pass LaTeX through to the page
 * ("value=\"$\backslash$x01\""): only the math-mode escapes of single characters.
 */
const LATEX_ESCAPES: ReadonlyArray<[RegExp, string]> = [
  [/\$\\backslash\$/g, '\\'],
  [/\$\\(sim|tilde)\$/g, '~'],
  [/\$\\(lt|langle)\$|\$<\$/g, '<'],
  [/\$\\(gt|rangle)\$|\$>\$/g, '>'],
  [/\$\\\{\$/g, '{'],
  [/\$\\\}\$/g, '}'],
  [/\$\|\$/g, '|'],
  [/\$\\(hat|wedge)\{?\}?\$|\\\^\{\}/g, '^'],
  [/\\textbackslash(\{\}|\b)/g, '\\'],
  [/\\textasciitilde(\{\}|\b)/g, '~'],
  [/\\textunderscore(\{\}|\b)/g, '_'],
];

/**
 * Dot leaders between an entry and its page number ("Fees . . . . . . 4", "Fees ......4"):
 * four or more dots, spaced or not, become one ellipsis. A three-dot ellipsis is left alone.
 */
const DOT_LEADER = /\s*(?:\.\s?){4,}\s*/g;

/** Cleans one visual line of extracted text (see the module comment). */
export function cleanLineText(text: string): string {
  let out = text.replace(ACCENT_BEFORE_LETTER, (match, accent: string, letter: string) => {
    // Only where a precomposed letter exists ("ö"), so "don´t" keeps its apostrophe.
    const composed = `${letter}${SPACING_ACCENTS[accent]}`.normalize('NFC');
    return composed.length === 1 ? composed : match;
  });
  for (const [pattern, replacement] of LATEX_ESCAPES) out = out.replace(pattern, replacement);
  out = out.replace(DOT_LEADER, ' … ');
  return out.replace(/\s+/g, ' ').trim();
}

/** Table-of-contents entries: a dot leader, then a page number (arabic or roman). */
const TOC_ENTRY = /(?:(?:\.\s?){3,}|…)\s*(\d{1,4}|[ivxlc]{1,6})$/i;

/**
 * A page of a table of contents: most of its lines are entries with a dot leader and a page
 * number, and those numbers ascend (a price list with leaders does not read as one). Such a
 * page repeats every heading of the document with page numbers and would win searches for
 * any of them, so it is not worth indexing.
 */
export function isContentsPage(lines: readonly { text: string }[]): boolean {
  const entries = lines
    .map((line) => TOC_ENTRY.exec(line.text)?.[1])
    .filter((n) => n !== undefined);
  if (entries.length < 5 || entries.length < lines.length * 0.4) return false;
  const numbers = entries.filter((n) => /^\d+$/.test(n)).map(Number);
  let ascending = 0;
  for (let i = 1; i < numbers.length; i++) if (numbers[i]! >= numbers[i - 1]!) ascending++;
  return ascending >= (numbers.length - 1) * 0.8;
}
