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
    // Not "quit coming out of my pay" or "quit charging me": those are not leaving a job.
    /\b(?:fired|laid off|let go|quit(?:ting)?(?! (?:coming|taking|charging|deducting|withholding|garnishing|working on))|left (?:my|the) job|leaving (?:my|the) job|last day)\b/i,
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
  // A wider payroll thesaurus: how workers name what the articles name, written from the
  // subjects (expenses, garnishment, cards, tax forms, breaks, leave, paydays, final pay), not
  // from any question list. Each adds the article's words; the worker's words stay.
  [/\b(?:up ?front|ahead of time|in advance|advanced me)\b/i, 'advance'],
  [
    /\b(?:left ?over|did not spend|didn'?t spend|didnt spend|only spent|spent less)\b/i,
    'unspent return',
  ],
  [
    /\b(?:work trips?|business trips?|travel(?:l?ing)? for work|out of town for work)\b/i,
    'travel expense',
  ],
  [/\b(?:miles|driving|drove|gas money|my (?:own )?car)\b/i, 'mileage'],
  [/\b(?:commute|commuting|from (?:my )?(?:house|home)|to and from work)\b/i, 'commute'],
  [/\b(?:receipts?|proof of purchase)\b/i, 'receipt expense'],
  [
    /\b(?:bill collectors?|collections?|(?:hospital|medical|credit card) (?:bill|debt)s?|owe money)\b/i,
    'garnishment creditor',
  ],
  [/\b(?:garnish(?:ing|ed|ment)? thing|garnish)\b/i, 'garnishment'],
  [/\b(?:paid (?:it |that |the \w+ )?off|paid in full|settled)\b/i, 'release paid in full'],
  [
    /\b(?:more than (?:what'?s|whats|what is) (?:on|in)|overdraw\w*|negative balance|not enough (?:money|funds) on)\b/i,
    'overdraft declined',
  ],
  [/\b(?:tax forms?|tax papers?|tax documents?)\b/i, 'W-2 1099'],
  [
    /\b(?:put it on my taxes|report (?:it|that|this) on my taxes|claim (?:it|that) on my taxes)\b/i,
    'report income',
  ],
  [
    /\b(?:hir(?:e|ing|ed) (?:me )?back|rehir\w*|come back to work|coming back to work)\b/i,
    'rehired',
  ],
  [/\b(?:eat|lunch|dinner|sit down)\b/i, 'meal break'],
  [/\b(?:smoke|bathroom|restroom|coffee|quick) breaks?\b/i, 'rest break'],
  [/\b(?:warn(?:ed|ing)?|heads ?up|advance notice|tell us (?:ahead|before|earlier))\b/i, 'notice'],
  [/\b(?:every (?:2|two|other) (?:weeks?|fridays?)|biweekly)\b/i, 'biweekly'],
  [/\b(?:twice a month|two times a month|1st and 15th|15th and)\b/i, 'semimonthly'],
  [/\b(?:big number|before taxes|top of my (?:pay )?stub)\b/i, 'gross pay'],
  [/\b(?:take ?home|lands in my (?:bank|account)|what i actually get|after taxes)\b/i, 'net pay'],
  [/\b(?:kids?|children|child|son|daughter|dependents?)\b/i, 'dependents'],
  [/\b(?:2|two|second|multiple|both) jobs?\b/i, 'two jobs more than one job'],
  [
    /\b(?:held back|hold back|holds back|nothing (?:gets |is )?(?:taken|held|withheld))\b/i,
    'withholding',
  ],
  [/\b(?:send (?:the )?irs|pay (?:the )?irs|during the (?:year|yr))\b/i, 'estimated tax quarterly'],
  [
    /\b(?:calls? me (?:an? )?(?:independent )?contractor|set my (?:hours|hrs|schedule)|tell me (?:exactly )?how to)\b/i,
    'employee or contractor',
  ],
  [/\b(?:commissions?|bonus(?:es)?)\b/i, 'commissions bonuses'],
  [
    /\bbonus(?:es)?\b.{0,60}\b(?:tax|taxes|taxed|withheld|withholding|took)\b/i,
    'bonus separate check withheld supplemental',
  ],
  [
    /\b(?:line cooks?|cooks?|dishwashers?|bussers?|bartenders?|hosts?|back of (?:the )?house)\b/i,
    'tip pool',
  ],
  [/\b(?:server wage|lower wage|2\.13|sub ?minimum)\b/i, 'tip credit cash wage'],
  [
    /\b(?:grandma|grandpa|mom|dad|mother|father|parent|spouse|wife|husband|family member)\b/i,
    'family member care',
  ],
  [/\b(?:doctor|dr|appt|appointment|checkup|dentist)\b/i, 'medical care'],
  [
    /\b(?:just started|new hire|started (?:\d+|a|two|three|last) (?:days?|wks?|weeks?|months?)|new job)\b/i,
    'new employee waiting period',
  ],
  [
    /\b(?:old (?:pay |check )?stubs?|past (?:pay |check )?stubs?|old checks?|records)\b/i,
    'pay stub records statements',
  ],
  [/\bsick (?:hours?|hrs|time|pay|balance|bank|days?)\b/i, 'sick leave'],
  [
    /\b(?:instead of|switch(?:ing|ed)? (?:us )?(?:to|from)|chang(?:e|ed|ing) (?:us )?(?:to|from)|paid) (?:weekly|biweekly|every (?:2|two|other) (?:weeks?|wks?)|twice a month|monthly)\b/i,
    'pay frequency change',
  ],
  [
    /\b(?:call|talk to|speak to|speak with|phone)\b.{0,30}\b(?:person|human|someone|agent|customer service|support)\b/i,
    'customer service call live agent',
  ],
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
