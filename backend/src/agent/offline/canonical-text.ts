/**
 * A message rewritten for the classification rules: lower case, apostrophes dropped
 * ("didn't" -> "didnt"), slang spelled out ("u" -> "you", "cuz" -> "because") and the words
 * the rules key on restored from common misspellings ("disput", "fraudulant", "stollen").
 */
import { distance } from 'fastest-levenshtein';

const SLANG: Record<string, string> = {
  u: 'you',
  ur: 'your',
  r: 'are',
  y: 'why',
  cuz: 'because',
  coz: 'because',
  bc: 'because',
  pls: 'please',
  plz: 'please',
  thx: 'thanks',
  ty: 'thanks',
  im: 'i am',
  ive: 'i have',
  gonna: 'going to',
  wanna: 'want to',
  gimme: 'give me',
  aint: 'is not',
  nvr: 'never',
  nevr: 'never',
  cant: 'cannot',
  wont: 'will not',
  dont: 'do not',
  didnt: 'did not',
  doesnt: 'does not',
  havent: 'have not',
  hasnt: 'has not',
  isnt: 'is not',
  wasnt: 'was not',
  wasent: 'was not',
  arent: 'are not',
  werent: 'were not',
  couldnt: 'could not',
  wouldnt: 'would not',
  thru: 'through',
  ima: 'i am going to',
  imma: 'i am going to',
  yall: 'you all',
  theyre: 'they are',
  tho: 'though',
  youre: 'you are',
  hrs: 'hours',
  ot: 'overtime',
};

/** Words the rules key on; a word one or two edits away (same first letter) is read as one. */
const KEYWORDS = [
  'dispute',
  'chargeback',
  'unauthorized',
  'fraud',
  'fraudulent',
  'stolen',
  'scammed',
  'scammer',
  'hacked',
  'identity',
  'lawsuit',
  'lawyer',
  'attorney',
  'refund',
  'missing',
  'never',
  'received',
  'deposited',
  'recognize',
  'representative',
  'instructions',
  'password',
  'paycheck',
  'underpaid',
  'garnished',
  'authorize',
];

/** Real words one edit from a keyword: "slammed" is busy, not "scammed". */
const NOT_MISSPELT = new Set(['slammed', 'scanned', 'scanner', 'hacker', 'missed', 'lawyers']);

function fix(word: string): string {
  const slang = SLANG[word];
  if (slang) return slang;
  if (word.length < 5 || NOT_MISSPELT.has(word)) return word;
  const allowed = word.length >= 8 ? 2 : 1;
  for (const key of KEYWORDS) {
    if (key[0] === word[0] && Math.abs(key.length - word.length) <= allowed)
      if (distance(key, word) <= allowed) return key;
  }
  return word;
}

/** The message in the form the rules read. */
export function canonicalText(message: string): string {
  const words =
    message
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’`]/g, '')
      .match(/[a-z0-9$%]+|[<>/]+/g) ?? [];
  return words.map(fix).join(' ');
}
