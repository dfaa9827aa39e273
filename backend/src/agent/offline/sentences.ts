/**
 * Passage structure the answerer quotes by: Q&A pairs (answered with the A: part, kept
 * whole), paragraphs, and sentences that do not break at "a.m." or "e.g.".
 */

/** A Q&A chunk split into its question and answer; prose has an empty question. */
export function splitQa(text: string): { question: string; answer: string; isQa: boolean } {
  const match = /^\s*Q:\s*([\s\S]*?)\n\s*A:\s*([\s\S]+)$/.exec(text);
  return match
    ? { question: match[1]!.trim(), answer: match[2]!.trim(), isQa: true }
    : { question: '', answer: text.trim(), isQa: false };
}

/**
 * A paragraph that opens with a question and answers it ("Can I skip lunch? Under federal
 * law ..."), as help articles write FAQs without Q:/A: markers; null for plain prose.
 */
export function inlineQa(sentenceList: string[]): { question: string; answer: string[] } | null {
  const asked = sentenceList.slice(0, 3).findLastIndex((s) => s.endsWith('?'));
  if (asked < 0 || asked === sentenceList.length - 1) return null;
  return {
    question: sentenceList.slice(0, asked + 1).join(' '),
    answer: sentenceList.slice(asked + 1),
  };
}

/** Paragraphs of a passage, spaces squashed. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

const NO_BREAK_AFTER =
  /(?:\b(?:a\.m|p\.m|e\.g|i\.e|etc|vs|approx|U\.S|Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No)\.)$/i;

/** Sentences of one paragraph, in order. */
export function sentences(paragraph: string): string[] {
  const parts = paragraph.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[A-Z0-9"“(•$-])/);
  const out: string[] = [];
  for (const part of parts) {
    const previous = out.at(-1);
    // "9:00 a.m. Eastern" and "e.g. Box 7" are one sentence; "No. Once confirmed" is two.
    if (previous && NO_BREAK_AFTER.test(previous) && !/^(?:yes|no)\.$/i.test(previous))
      out[out.length - 1] = `${previous} ${part}`;
    else out.push(part);
  }
  // A numbered list splits off its item numbers ("4."): they are not sentences.
  return out.map((s) => s.trim()).filter((s) => s.length > 1 && !/^\d{1,2}\.$/.test(s));
}

/** Sentences that lean on the one before ("It", "This", "They") and cannot stand alone. */
export function leansOnPrevious(sentence: string): boolean {
  return /^(?:it|this|that|these|those|they|them|so|but|also|however|then|otherwise|instead|in that case|if so|if not|for example|for instance|such as)\b/i.test(
    sentence,
  );
}
