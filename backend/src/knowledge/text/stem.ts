/**
 * A light English suffix stripper shared by every part that compares words: "payouts" meets
 * "payout", "charged" and "charging" meet "charge", "transferred" meets "transfer". Light on
 * purpose: an aggressive stemmer conflates words a help centre keeps apart ("statement" and
 * "state"), and the embedder's character trigrams already bridge near spellings.
 */

/** Forms no suffix rule reaches, mapped to the stem of their base word. */
const IRREGULAR: Record<string, string> = {
  paid: 'pay',
  daily: 'day',
  weekly: 'week',
  monthly: 'month',
  yearly: 'year',
  annually: 'annual',
  sent: 'send',
  took: 'take',
  taken: 'take',
  got: 'get',
  gotten: 'get',
  lost: 'lose',
  stolen: 'steal',
  stole: 'steal',
  withheld: 'withhold',
  owed: 'owe',
};

const VOWEL = /[aeiouy]/;

/** "transferr" -> "transfer", "stopp" -> "stop"; keeps "ll"/"ss"/"zz" ("bill", "access"). */
function undouble(word: string): string {
  return /([^aeioulsz])\1$/.test(word) ? word.slice(0, -1) : word;
}

/** Drops a final silent "e" so "charge" meets "charg(ed)"; keeps "fee", "free", "employee". */
function dropE(word: string): string {
  return word.length >= 4 && word.endsWith('e') && !word.endsWith('ee') ? word.slice(0, -1) : word;
}

/** The stem of one lower-case word. */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return stem(irregular);
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing') && VOWEL.test(w.slice(0, -3))) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed') && VOWEL.test(w.slice(0, -2)))
    w = undouble(w.slice(0, -2));
  return dropE(w);
}
