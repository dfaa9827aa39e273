/**
 * Shorthand and everyday phrasings people type in chat, spelled out for search: "OT pay for 30 hrs a wk" finds the
 * article that says "overtime" and "hours" and "week". Applied to queries only; passages
 * are written out already.
 */
const SLANG: Record<string, string> = {
  u: 'you',
  ur: 'your',
  n: 'and',
  b4: 'before',
  cuz: 'because',
  bc: 'because',
  hr: 'hour',
  hrs: 'hours',
  wk: 'week',
  wks: 'weeks',
  mo: 'month',
  mos: 'months',
  yr: 'year',
  yrs: 'years',
  avg: 'average',
  ot: 'overtime',
  pto: 'paid time off',
  ytd: 'year to date',
  dd: 'direct deposit',
  acct: 'account',
  pmt: 'payment',
  amt: 'amount',
  approx: 'approximately',
  max: 'maximum',
  info: 'information',
  govt: 'government',
  mgr: 'manager',
  bf: 'boyfriend',
  gf: 'girlfriend',
  asap: 'as soon as possible',
  thru: 'through',
  tho: 'though',
  diff: 'difference',
  paystub: 'pay stub',
  paystubs: 'pay stubs',
  bday: 'birthday',
  irl: 'in real life',
  // Joined where articles hyphenate or space them ("log in", "set up").
  login: 'log in',
  signin: 'sign in',
  signup: 'sign up',
  setup: 'set up',
};

/**
 * Everyday ways of saying what payroll articles name formally; the formal words are added,
 * the user's words kept ("quit my job" also searches "final paycheck").
 */
const PHRASES: Array<[RegExp, string]> = [
  [
    /\b(?:fired|laid off|let go|quit(?:ting)?|left (?:my|the) job|leaving (?:my|the) job|last day)\b/i,
    'final paycheck',
  ],
  // Articles say "let go" where workers say "fired".
  [/\b(?:fired|terminated|canned|sacked|laid off)\b/i, 'let go'],
  [
    /\b(?:doordash|uber|lyft|instacart|grubhub|postmates|side hustle|gig|freelanc\w*)\b/i,
    'gig contractor 1099',
  ],
  [
    /\b(?:judgm?ent|debt collectors?|collection agency|creditors?|levy|child support|student loans?|back taxes)\b/i,
    'garnishment',
  ],
  [
    /\b(?:(?:do not|don'?t|never|haven'?t|not) (?:use|used|using|touch|touched)|inactive|sitting unused)\b/i,
    'inactivity',
  ],
  [/\btime and a half\b/i, 'overtime'],
  [/\baccru\w*/i, 'earn'],
  [/\b(?:turn(?:ing|ed)? in|hand(?:ing|ed)? in|send(?:ing)? in|sent in)\b/i, 'submit'],
  [/\b(?:boss|bosses|supervisor|job)\b/i, 'employer'],
  [/\bpay ?cards?\b/i, 'payroll card'],
  [/\b(?:paid back|pay me back|reimburse\w*)\b/i, 'reimbursement expense'],
  [/\b(?:out sick|sick days?|called in sick)\b/i, 'sick leave'],
  [/\b(?:check stub|paystub)\b/i, 'pay stub'],
  [/\b(?:tip jar|tip out|tipping out)\b/i, 'tip pool'],
  [/\b(?:taken out|take out for taxes|comes? out of my check)\b/i, 'withholding deductions'],
];

const spellOut = (text: string) =>
  text.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => SLANG[word.toLowerCase()] ?? word);

/**
 * Only the payroll terms expandSlang adds for everyday phrasings ("quit my job" -> "final
 * paycheck"): words the person did not write, so the offline answerer weighs them less when
 * it picks the sentence to quote.
 */
export function slangAdditions(text: string): string[] {
  const spelled = spellOut(text);
  return PHRASES.flatMap(([pattern, terms]) => (pattern.test(spelled) ? [terms] : []));
}

/** The text with chat shorthand spelled out and payroll terms added for everyday phrasings. */
export function expandSlang(text: string): string {
  const spelled = spellOut(text);
  const added = slangAdditions(text);
  return added.length > 0 ? `${spelled} ${added.join(' ')}` : spelled;
}
