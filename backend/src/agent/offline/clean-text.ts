/**
 * Layout debris that PDF extraction leaves in passages and that must never be quoted:
 * bracketed tags ("[Function]"), LaTeX commands run into the text ("\textbf{"), dot leaders
 * of tables of contents, and bare page numbers. Facts stay: "$2.99", "10 days", "Box 7".
 */

const LATEX_COMMAND = /\\[a-zA-Z]+\*?(?:\[[^\]]*\])?|\\\\/g;
const BRACKET_TAG = /\[(?:[A-Z][A-Za-z]*(?:[ -][A-Za-z]+){0,2})\]/g;
const DOT_LEADER = /(?:\s?\.){4,}\s*\d*|(?:\s?[·•…]){3,}\s*\d*|…{2,}\s*\d*/g;
/** Letter-spaced banners and watermarks: "K N O W L E D G E  A R T I C L E". */
const SPACED_LETTERS = /(?:\b[A-Za-z] ){3,}[A-Za-z]\b/g;
const PAGE_LINE = /^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$/gim;
/**
 * A running header or footer: a short line with no sentence stop that starts or ends with a
 * page counter ("Holiday Pay - 2/3", "3 | Tip pools | help.example"). Quoted, it reads as an
 * answer made of the article's title (seen on a rendered help centre). A bare number counts
 * only after a bar or bullet: "... is: 40" may be a wrapped line of a sentence.
 */
const LINE_TEXT = String.raw`(?:[^.!?\n]|[.](?!\s+[A-Z])){0,90}?`;
const FULL_COUNTER = String.raw`(?:(?:page )?\d{1,3} ?(?:\/|of) ?\d{1,3}|page \d{1,3})`;
const COUNTER = String.raw`(?:[|•·] *(?:${FULL_COUNTER}|\d{1,3})|[-–—:] *${FULL_COUNTER})`;
const RUNNING_LINE = new RegExp(
  String.raw`^[ \t]*(?:${LINE_TEXT} *${COUNTER}|(?:${FULL_COUNTER}|\d{1,3}) *[|•·–—-]${LINE_TEXT})[ \t]*$`,
  'gim',
);

/** The text with layout debris removed and spaces tidied (paragraph breaks kept). */
export function stripDebris(text: string): string {
  return text
    .replace(PAGE_LINE, '')
    .replace(RUNNING_LINE, '')
    .replace(SPACED_LETTERS, ' ')
    .replace(LATEX_COMMAND, ' ')
    .replace(/[{}]/g, '')
    .replace(BRACKET_TAG, ' ')
    .replace(DOT_LEADER, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .replace(/[ \t]*\n[ \t]*/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
