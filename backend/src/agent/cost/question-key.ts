import { contentTerms, wordsOf } from '../../knowledge/text/terms';

// Stop-word removal drops these, but "is there a fee" and "is there no fee" must not share
// a cached answer.
const NEGATIONS = new Set(
  `not no never cannot cant dont doesnt didnt wont isnt wasnt arent aint havent hasnt hadnt
  shouldnt couldnt wouldnt nothing none nobody`.split(/\s+/),
);

// Also stop words, but "when are tips paid" and "how are tips paid" ask different things.
const ASKS = new Set([
  'when',
  'where',
  'why',
  'how',
  'what',
  'which',
  'who',
  'much',
  'many',
  'long',
]);

/**
 * The exact-match cache key of a question: its content-word stems in order (lower-case,
 * punctuation and stop words gone, the same normalisation search uses), after the question
 * words it asks with ("when", "how much") and a mark when negated.
 * Order is kept: "move money from card to bank" is not "from bank to card".
 * Empty when the question has no content words (nothing worth caching).
 * @example questionKey('When are my TIPS paid??') === questionKey('when r tips paid')
 */
export function questionKey(question: string): string {
  const terms = contentTerms(question);
  if (terms.length === 0) return '';
  const words = wordsOf(question);
  const asks = [...new Set(words.filter((w) => ASKS.has(w)))];
  const negated = words.some((w) => NEGATIONS.has(w));
  return `${negated ? '!' : ''}${asks.join(' ')}?${terms.join(' ')}`;
}
