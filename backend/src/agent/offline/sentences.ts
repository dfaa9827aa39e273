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

/**
 * Paragraphs of a passage, spaces squashed. A paragraph that opens in lower case after one
 * left without a stop ("... and appear as" / "separate lines on your pay stub.") is one
 * sentence that a page or column break cut in two, so the halves are joined again.
 */
export function paragraphs(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\n\s*\n/)) {
    const p = raw.replace(/\s+/g, ' ').trim();
    if (p.length === 0) continue;
    const previous = out.at(-1);
    if (previous !== undefined && /^[a-z]/.test(p) && !/[.!?:;]$/.test(previous))
      out[out.length - 1] = `${previous} ${p}`;
    else out.push(p);
  }
  return out;
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
  return out
    .flatMap(tableRows)
    .map((s) => s.trim())
    .filter((s) => s.length > 1 && !/^\d{1,2}\.$/.test(s));
}

const AMOUNT_CELL = /\$\s?\d[\d,]*(?:\.\d+)?/g;

/**
 * A table that extraction flattened into one line, split back into rows so the answer can
 * quote the row asked about: a fee table ("Monthly fee $0 Each purchase $0 ATM withdrawal
 * $2.00 ...") after each amount followed by a capitalised word. Only long lines, so prose
 * is left alone.
 */
export function tableRows(line: string): string[] {
  if (line.length < 160) return [line];
  if ((line.match(AMOUNT_CELL) ?? []).length >= 4)
    return line.split(/(?<=\$\s?\d[\d,]*(?:\.\d+)?)\s+(?=[A-Z])/);
  // A long line with no sentence breaks is a table whose rows start with a name and a
  // comma ("Texas, quit ...") or a code and its label ("MED Medicare tax ...").
  if (/[.;:!?]\s/.test(line)) return [line];
  const rows = line.split(
    /(?<=(?:^|\s)[a-z0-9(][^\s]*) (?=(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?,)|(?:[A-Z][A-Z0-9-]{1,} [A-Z][a-z]))/,
  );
  return rows.length >= 3 ? rows : [line];
}

/** Sentences that lean on the one before ("It", "This", "They") and cannot stand alone. */
export function leansOnPrevious(sentence: string): boolean {
  return /^(?:it|this|that|these|those|they|them|so|but|also|however|then|otherwise|instead|in that case|if so|if not|for example|for instance|such as)\b/i.test(
    sentence,
  );
}
