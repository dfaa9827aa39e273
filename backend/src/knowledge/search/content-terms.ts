import { normalizeSearchText } from './search-terms';

/**
 * Word handling for the offline agent's evidence checks: lower-case content words with a
 * light suffix strip, so "payouts" meets "payout" and "charged" meets "charge".
 */

const STOPWORDS = new Set(
  `a about above after again all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further get got had has have having he her
  here hers him his how i if in into is it its itself just me might more most my myself no nor not now of off
  on once only or other our ours out over own same she should so some such than that the their theirs them
  then there these they this those through to too under until up very was we were what when where which while
  who whom why will with would you your yours yourself hi hello hey please thanks thank ok okay im ive dont
  cant wont whats hows need want know tell like also much many get gets getting isnt wasnt didnt
  doesnt shouldnt couldnt wouldnt arent aren theres thats youre ive id ill guys guy thru tho though
  actually anymore ever bunch really just still even yet anyway kind sort stuff thing things lol pls plz`.split(
    /\s+/,
  ),
);

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(word))
    return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Distinct content-word stems of a text, in order of first appearance. */
export function contentTerms(text: string): string[] {
  const words =
    normalizeSearchText(text)
      .toLowerCase()
      .normalize('NFKD')
      .match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
  const terms: string[] = [];
  for (const raw of words) {
    const word = raw.replace(/'[a-z]+$/, '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    const term = stem(word);
    if (!terms.includes(term)) terms.push(term);
  }
  return terms;
}

/**
 * Share of `query` terms found in `passage` (0..1), each term counted by `weight` (1 unless
 * given); 0 for a query with no content words.
 */
export function termCoverage(
  query: string[],
  passage: string,
  weight: (term: string) => number = () => 1,
): number {
  const total = query.reduce((sum, t) => sum + weight(t), 0);
  if (total === 0) return 0;
  const have = new Set(contentTerms(passage));
  return query.reduce((sum, t) => sum + (have.has(t) ? weight(t) : 0), 0) / total;
}

/**
 * Inverse document frequency: rare words weigh more. A word no passage contains gets the
 * highest weight, so leaving it unmatched costs the most.
 */
export function rarityWeight(stats: { passages: number; documentFrequency(term: string): number }) {
  return (term: string) => Math.log((stats.passages + 1) / (stats.documentFrequency(term) + 0.5));
}
