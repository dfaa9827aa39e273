/**
 * Rule-based classification for offline mode (and the fallback when the classifier model
 * fails): the intent, the topic (for its confidence threshold), and whether the topic needs a
 * person whatever the help centre says. Rules read canonicalText, so slang and common
 * misspellings ("my tips nevr showed up", "disput a charge") are caught too.
 */
import type { Intent } from '../types';
import { canonicalText } from './canonical-text';
import { soundsLikeComplaint } from './complaint-model';
import type { Classification, History, Topic } from './offline-answerer';
import { isHypothetical, reportsWithoutAsking } from './problem-report';
import { needsPerson } from './sensitive-topics';

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|yo)(?: there)?(?: (?:bot|team|everyone))?$/;
const THANKS =
  /^(?:thanks?|thank you|thanks a lot|thank you so much|cheers|great|perfect|awesome|got it|ok|okay|cool|that helps|that helped)(?: (?:so much|a lot|very much|for (?:the|your) help|again))?$/;
const HUMAN =
  /\b(?:(?:talk|speak|chat)(?: to| with)(?: a| an| the| someone| somebody)?(?: real| live| actual)? (?:human|person|agent|someone|somebody|representative|rep|manager|support)|real (?:human|person)|live (?:agent|person|chat)|human agent|customer service (?:rep|agent)|representative|(?:get|want|need) (?:a |an )?(?:human|person|agent)\b|\b(?:need|want|get) (?:someone|somebody|a person|a human|a real person) to (?:look at|check|help|call|fix|go over))/;

const INJECTION =
  /\b(?:ignore|disregard|forget)(?: all| any| the| your| my)? (?:previous|prior|above|earlier|preceding|system)? ?(?:instructions|rules|prompts?|directions)|\bsystem prompt|\byour (?:instructions|prompt|rules|guidelines)|\b(?:reveal|print|show|repeat|output) (?:me )?(?:your|the) (?:prompt|instructions|rules|configuration)|\bjailbreak|\bdeveloper mode|\bdan mode|\bpretend (?:you are|to be|youre)|\bact as\b|\byou are now\b|<\/?|\bnew rule\b|\bfrom (?:the )?admin\b|\boverride\b|\b(?:repeat|print|show|output) (?:the |all )?(?:text|words|messages?|everything) above\b/;
const CREATIVE =
  /\b(?:write|compose|generate|make|create|give) (?:me )?(?:a |an |some )?(?:poem|song|story|essay|joke|haiku|limerick|rap|script|code|program|python|javascript|sql|function|letter|tweet)\b|\b(?:python|javascript|sql|bash|powershell) (?:script|code|program)\b/;
const CHITCHAT =
  /\b(?:weather|forecast|super ?bowl|world cup|nba|nfl|playoffs|who won|gonna win|going to win|recipe|movie recommendations?|netflix|horoscope|meaning of life|capital of|president of|tell me a joke|bitcoin price|stock tips?|homework|math problem)\b|\b(?:best|good|cheap|nearest|recommend|favorite)\b.{0,25}\b(?:pizza|restaurants?|food|places? to eat|burgers?|bars?|movies?)\b/;
/** Someone else's private data: "maria's ssn", "my coworkers pay stubs", "how much does jake make". */
const PRIVATE =
  '(?:ssn|social security number|salary|salaries|pay ?stubs?|home address|phone number|bank account|account number|tax forms?|w2s?)';
const POSSESSIVE = new RegExp(`\\b([a-z]+)s ${PRIVATE}\\b`, 'g');
/** Words ending in "s" before a private-data word that are not someone's name. */
const NOT_AN_OWNER = new Set(
  'i wa ha doe thi it that what my your our their thei month week year day employer company stub tip irs busines acros plu le ye'.split(
    ' ',
  ),
);
const OTHERS_DATA = new RegExp(
  `\\b(?:coworkers?|co workers?|colleagues?|someone elses|other (?:people|employees|workers)s?|everyones|everybodys|bosss|managers) (?:\\w+ )?${PRIVATE}\\b|\\b(?:ssn|salary|pay ?stubs?) of (?!my\\b|me\\b)[a-z]+|\\bhow much (?:does|did) (?!it\\b|that\\b|this\\b|the\\b|a\\b|an\\b|my\\b|i\\b|you\\b|northfield\\b|brightwell\\b|overtime\\b)[a-z]+(?: [a-z]+)? (?:make|earn|get paid)\\b`,
);

/** Other people's data by role or in bulk, and system secrets. */
const BULK_OR_SECRET = new RegExp(
  [
    '\\b(?:admin|administrator|root|database|api key|other users?|all users?|everyones|all (?:the )?(?:employees|workers|customers|users))\\b.{0,30}\\b(?:password|accounts?|data|info|information|records|pay|salaries|ssns?)\\b',
    `\\b${PRIVATE} (?:for|of) (?!my\\b|me\\b|direct\\b|the\\b|a\\b|an\\b|your\\b|this\\b|that\\b|it\\b)[a-z]+`,
    '\\b(?:tell me|show me|what|how much) (?!i\\b|you\\b|we\\b|it\\b|that\\b|this\\b|my\\b|the\\b|a\\b|overtime\\b|tips?\\b)[a-z]+ (?:gets paid|makes|earns|made|earned|is paid|was paid)\\b',
    '\\bhow much (?:does|did|do) (?:my )?(?:coworkers?|co workers?|colleagues?|boss|manager|supervisor|friend|sister|brother|wife|husband|neighbou?r)\\b (?:make|earn|get)',
  ].join('|'),
);

/** Whether the message asks for another person's private data (or the system's secrets). */
function asksForOthersData(text: string): boolean {
  if (OTHERS_DATA.test(text) || BULK_OR_SECRET.test(text)) return true;
  for (const match of text.matchAll(POSSESSIVE)) {
    const owner = match[1] ?? '';
    if (!NOT_AN_OWNER.has(owner) && !owner.endsWith('s')) return true;
  }
  return false;
}

const ACCOUNT =
  /\bwhere (?:the \w+ |tf )?(?:is|are) my\b|\bwheres my\b|\b(?:is|are) my (?:\w+ ){0,2}(?:card|account|deposit|payout|transfer|tips?|paycheck) (?:active|activated|locked|working|set up|verified|on (?:the|its) way|pending|processing|approved|shipped|sent)\b|\b(?:did|has|have) my (?:\w+ ){0,3}(?:go through|gone through|arrive|arrived|come in|been (?:sent|paid|deposited|processed|approved|shipped))\b|\b(?:status of|check) my (?:\w+ )?(?:payout|transfer|deposit|card|tips|paycheck|pay)\b|\bmy (?:current |card |account )?balance\b|\bhow much (?:do i have|is in my|did i (?:get|make|earn))\b/;

/** The price of an account action ("a fee to check my balance"), not the account's state. */
const ASKS_COST =
  /\b(?:fees?|cost|costs|charge|charges|free)\b.{0,30}\b(?:to|for) (?:check|checking|see|view)(?:ing)? my\b/;

/** A question about what something costs ("is it free to call a person"), asked up front. */
const ASKS_PRICE =
  /^(?:is it|is there|does it|do you|do i|how much|whats|what is)\b.{0,30}\b(?:free|cost|costs|fee|fees|charge)\b/;

const TOPICS: Array<[Topic, RegExp]> = [
  [
    'tax',
    /\b(?:tax|taxes|taxed|w ?[24]s?|w ?2cs?|1099s?|1099 ?k|1099 ?nec|irs|withhold|withholding|withheld|exempt|fica|medicare|social security|oasdi)\b/,
  ],
  [
    'pay_timing',
    /\b(?:when|what time|what day|how long|how soon|how fast|payday|arrive|hit|deadline|late|early|schedule)\b/,
  ],
  ['payouts', /\b(?:payouts?|instant pay|transfers?|cash out|tip payouts?|earned wage|tips?)\b/],
  ['pay_card', /\b(?:card|paycard|atm|pin)\b/],
  ['direct_deposit', /\b(?:direct deposit|bank account|routing|account number|checking|savings)\b/],
  [
    'security',
    /\b(?:password|2fa|two factor|code|hacked|phishing|scam|scammed|scammer|fraud|secure|security|verify)\b/,
  ],
  ['account', /\b(?:account|sign in|log in|login|profile|email|phone number)\b/],
];

const lastUser = (history: History) => [...history].reverse().find((m) => m.role === 'user');

/** The topic of a message, falling back to the previous question's for a short follow-up. */
function topicOf(text: string, history: History): Topic {
  const own = TOPICS.find(([, pattern]) => pattern.test(text))?.[0];
  if (own) return own;
  const previous = lastUser(history);
  if (previous && text.split(' ').length <= 6) {
    const earlier = canonicalText(previous.text);
    return TOPICS.find(([, pattern]) => pattern.test(earlier))?.[0] ?? 'general';
  }
  return 'general';
}

function intentOf(text: string): Intent {
  if (INJECTION.test(text) || CREATIVE.test(text)) return 'out_of_scope';
  // "someone used my card at a pizza place" is a card problem, not small talk about pizza.
  if (CHITCHAT.test(text) && !needsPerson(text)) return 'out_of_scope';
  if (asksForOthersData(text)) return 'out_of_scope';
  // "is it free to call and talk to a person" asks a price, not for a person now.
  if (HUMAN.test(text) && !ASKS_PRICE.test(text)) return 'human_requested';
  if (GREETING.test(text) || THANKS.test(text)) return 'small_talk';
  // "does it cost anything to check my balance" asks the help centre for a fee.
  if (ACCOUNT.test(text) && !ASKS_COST.test(text)) return 'account_issue';
  return 'question';
}

/** Rule-based classification of one message in its thread. */
export function classify(message: string, history: History): Classification {
  const text = canonicalText(message);
  const intent = intentOf(text);
  const sensitive =
    intent !== 'out_of_scope' &&
    intent !== 'small_talk' &&
    (needsPerson(text) ||
      reportsWithoutAsking(message, text) ||
      (!isHypothetical(text) && soundsLikeComplaint(text)));
  return { intent, topic: topicOf(text, history), sensitive };
}
