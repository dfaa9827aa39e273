import type { ExtractedPage } from '../pdf/types';

/** A paragraph (or a whole question with its answer) with where it came from. */
export interface Unit {
  text: string;
  page: number;
  pageEnd: number;
  section: string;
  isQa: boolean;
}

const QUESTION = /^Q\s*[:.]\s*/;
const ANSWER = /^A\s*[:.]\s*/;
const LIST_ITEM = /^([-•*]|\d+[.)])\s/;
/**
 * A letter-spaced banner or watermark ("K N O W L E D G E  A R T I C L E") and nothing else:
 * it carries no content, and as a passage of its own it crowded real passages out of the top
 * results for many unrelated questions (seen on the unfamiliar eval help centre).
 */
const BANNER_ONLY = /^\s*(?:[A-Za-z](?: {1,3}|$))+\s*$/;

/** True for a paragraph that is only a letter-spaced banner (3+ single letters). */
export function isBannerOnly(text: string): boolean {
  return BANNER_ONLY.test(text) && (text.match(/[A-Za-z]/g)?.length ?? 0) >= 4;
}

/**
 * Flattens pages into paragraphs tagged with their heading path, and glues each
 * "Q:" paragraph to the "A:" paragraphs that follow it (even across a page break),
 * so a question and its answer always travel together (§3.3.2).
 */
export function pagesToUnits(pages: readonly ExtractedPage[]): Unit[] {
  const units: Unit[] = [];
  const path: string[] = [];
  let qa: Unit | null = null;
  const closeQa = () => {
    if (qa) units.push(qa);
    qa = null;
  };
  for (const page of pages) {
    for (const block of page.blocks) {
      if (isBannerOnly(block.text)) continue;
      if (block.kind === 'heading') {
        closeQa();
        path.length = Math.max(0, block.level - 1);
        path[block.level - 1] = block.text;
        continue;
      }
      const section = path.filter(Boolean).join(' > ');
      if (QUESTION.test(block.text)) {
        closeQa();
        qa = { text: block.text, page: page.number, pageEnd: page.number, section, isQa: true };
      } else if (qa && belongsToQa(qa, block.text)) {
        const open: Unit = qa;
        open.text = `${open.text}\n${block.text}`;
        open.pageEnd = page.number;
      } else {
        closeQa();
        units.push({
          text: block.text,
          page: page.number,
          pageEnd: page.number,
          section,
          isQa: false,
        });
      }
    }
  }
  closeQa();
  return units;
}

/**
 * After "Q:" comes the "A:" paragraph; after that only list items (an answer's steps)
 * still belong to it. Anything else is ordinary text again.
 */
function belongsToQa(qa: Unit, text: string): boolean {
  const answered = qa.text.split('\n').some((part) => ANSWER.test(part));
  if (!answered) return true;
  return LIST_ITEM.test(text) && qa.text.length < 2000;
}
