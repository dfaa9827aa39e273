/**
 * Text normalisation applied to both indexed passages and queries, before BM25 and the
 * embedder see them. Form names are written "W-2", "W2" and "w2s"; the FTS tokenizer
 * splits "W-2" into "w" and "2", which then match nothing useful. Joining letter-digit
 * codes into one token ("w2", "1099k", "i9") lets every spelling meet.
 */
const FORM_CODE = /\b([A-Za-z]{1,3})-?(\d{1,4})(?:-([A-Za-z]{1,3}))?s?\b/g;
const NUMBER_FORM = /\b(\d{3,4})-([A-Za-z]{1,3})s?\b/g;

/** Everyday words users type for things help articles spell out. */
const EXPANSIONS: [RegExp, string][] = [
  [/\bweekends?\b/gi, 'weekend saturday sunday'],
  [/\bweekdays?\b/gi, 'weekday monday friday'],
];

/** Joins form codes and expands everyday words; applied once to passages and to queries. */
export function normalizeSearchText(text: string): string {
  let out = text
    .replace(FORM_CODE, (match, letters: string, digits: string, suffix?: string) => {
      // Leave money, times and plain numbers with units alone ("$20", "24 hours").
      if (/^\d/.test(letters)) return match;
      return `${letters}${digits}${suffix ?? ''}`.toLowerCase();
    })
    .replace(NUMBER_FORM, (_, digits: string, letters: string) =>
      `${digits}${letters}`.toLowerCase(),
    );
  for (const [pattern, replacement] of EXPANSIONS) out = out.replace(pattern, replacement);
  return out;
}
