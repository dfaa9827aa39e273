/**
 * Rule-based classification for offline mode (and the fallback when the classifier model
 * fails): the intent, the topic (for its confidence threshold), and whether the topic needs a
 * person whatever the help centre says. Rules read canonicalText, so slang and common
 * misspellings ("my tips nevr showed up", "disput a charge") are caught too.
 */
import type { Intent } from '../types';
import { canonicalText } from './canonical-text';
import type { Classification, History, Topic } from './offline-answerer';

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening)|yo)(?: there)?(?: (?:bot|team|everyone))?$/;
const THANKS =
  /^(?:thanks?|thank you|thanks a lot|thank you so much|cheers|great|perfect|awesome|got it|ok|okay|cool|that helps|that helped)(?: (?:so much|a lot|very much|for (?:the|your) help|again))?$/;
const HUMAN =
  /\b(?:(?:talk|speak|chat)(?: to| with)(?: a| an| the| someone| somebody)?(?: real| live| actual)? (?:human|person|agent|someone|somebody|representative|rep|manager|support)|real (?:human|person)|live (?:agent|person|chat)|human agent|customer service (?:rep|agent)|representative|(?:get|want|need) (?:a |an )?(?:human|person|agent)\b)/;

const INJECTION =
  /\b(?:ignore|disregard|forget)(?: all| any| the| your| my)? (?:previous|prior|above|earlier|preceding|system)? ?(?:instructions|rules|prompts?|directions)|\bsystem prompt|\byour (?:instructions|prompt|rules|guidelines)|\b(?:reveal|print|show|repeat|output) (?:me )?(?:your|the) (?:prompt|instructions|rules|configuration)|\bjailbreak|\bdeveloper mode|\bdan mode|\bpretend (?:you are|to be|youre)|\bact as\b|\byou are now\b|<\/?|\bnew rule\b|\bfrom (?:the )?admin\b|\boverride\b|\b(?:repeat|print|show|output) (?:the |all )?(?:text|words|messages?|everything) above\b/;
const CREATIVE =
  /\b(?:write|compose|generate|make|create|give) (?:me )?(?:a |an |some )?(?:poem|song|story|essay|joke|haiku|limerick|rap|script|code|program|python|javascript|sql|function|letter|tweet)\b|\b(?:python|javascript|sql|bash|powershell) (?:script|code|program)\b/;
const CHITCHAT =
  /\b(?:weather|forecast|super ?bowl|world cup|nba|nfl|playoffs|who won|gonna win|going to win|pizza|restaurant|recipe|movie|netflix|horoscope|meaning of life|capital of|president of|tell me a joke|bitcoin price|stock tips?|homework|math problem)\b/;
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

const PAY =
  '(?:tips?|pay|paycheck|check|money|deposit|direct deposit|payout|transfer|wages?|salary|funds|refund|instant pay)';
const SENSITIVE: RegExp[] = [
  // Money that did not arrive or arrived wrong, about the caller's own pay.
  new RegExp(
    `\\bmy (?:\\w+ ){0,3}${PAY}\\b.{0,50}\\b(?:never|not|have not|has not|did not)\\b.{0,12}\\b(?:show|showed|shown|arrive|arrived|come|came|hit|received|get|got|gotten|deposited|land|landed|paid|posted|through)\\b`,
  ),
  new RegExp(
    `\\b(?:never|not|did not|have not|havent) (?:\\w+ ){0,2}(?:got|get|gotten|received|been paid|paid)\\b.{0,30}\\b(?:my )?${PAY}\\b`,
  ),
  new RegExp(
    `\\b(?:missing|wrong|short|shorted|less) (?:\\w+ ){0,2}${PAY}\\b|\\b${PAY} (?:is |was |are |were )?(?:missing|wrong|short)\\b`,
  ),
  /\b(?:underpaid|shorted me|paid me less|paid me wrong|stole my tips|took my tips)\b/,
  /\b(?:i|we) (?:still )?(?:did not|have not|never|am not|are not) (?:get |got |gotten |been |being |receive |received )?(?:paid|my pay|my money|my check|my paycheck|my tips)\b|\b(?:has not|have not|did not|never|stopped) (?:paid|pay|paying) (?:me|us)\b/,
  /\bwrong amount\b|\b(?:says|shows|showing|said|marked) (?:it was |as )?paid\b.{0,40}\b(?:nothing|not there|no money|not|never)\b/,
  /\bmy (?:\w+ ){0,2}(?:deposit|payment|transfer|payout|paycheck|check) (?:was |got |has been |is |keeps )?(?:bounced|returned|reversed|rejected)\b|\b(?:money|funds|balance|it) (?:is |was |has )?(?:gone|missing|disappeared|vanished)\b/,
  // Disputes, chargebacks, refunds, double charges.
  /\b(?:dispute|chargeback|charge back|refund)\b/,
  /\bcharged (?:me )?(?:twice|two times|\d+ times|three times|double|again)\b|\bdouble charged\b|\bover ?charg\w*\b/,
  /\bcharged (?:me )?(?:\w+ ){0,4}(?:should not|by mistake|wrongly|for no reason|without)\b|\bwant (?:my )?money back\b|\bwithout (?:my )?(?:permission|consent|asking)\b/,
  /\b(?:steal|stealing|stole|theft|wage theft)\b|\bsomeone (?:opened|made|created|applied)\b/,
  /\b(?:froze|frozen|freeze|locked|closed|suspended|blocked) my account\b|\b(?:money|pay|paycheck|transfer|payout|deposit) (?:is |has been |been )?stuck\b/,
  // Fraud, theft, unauthorized use.
  /\b(?:fraud|fraudulent|stolen|scammed|scammer|hacked|identity theft|unauthorized)\b/,
  /\bsomeone (?:else )?(?:used|took|stole|has|got into|accessed|changed|is using|logged into)\b/,
  /\b(?:i )?(?:gave|told|sent|shared) (?:\w+ ){0,3}(?:my )?(?:pin|password|code|card number|ssn|login|sign in code)\b/,
  /\b(?:pin|password|code|card number|ssn|login)\b.{0,60}\b(?:gave|told|sent|shared|entered|typed) (?:it|them)\b/,
  /\b(?:did not|never) (?:make|authorize|recognize|do) (?:\w+ ){0,2}(?:charge|purchase|transaction|payment|change)|\b(?:was|it was|were) not me\b|\b(?:do not|dont) recognize\b/,
  // Legal threats.
  /\b(?:sue|suing|lawsuit|lawyer|attorney|legal action|small claims|take (?:you|them|northfield|brightwell) to court|report (?:you|this) to)\b/,
  /\b(?:file|filing|make|submit|lodge) (?:a |an )?(?:formal )?complaint\b|\b(?:cfpb|bbb|better business bureau|attorney general|department of labor|labor board)\b/,
  // Account problems only a person can fix.
  /\b(?:locked out|account (?:is |was |got |has been )?(?:locked|frozen|closed|suspended|blocked|deactivated)|cannot (?:get into|access|log ?in|log ?into|sign ?in|sign ?into|log on)|close my account)\b/,
];

const ACCOUNT =
  /\bwhere (?:the \w+ |tf )?(?:is|are) my\b|\bwheres my\b|\b(?:is|are) my (?:\w+ ){0,2}(?:card|account|deposit|payout|transfer|tips?|paycheck) (?:active|activated|locked|working|set up|verified|on (?:the|its) way|pending|processing|approved|shipped|sent)\b|\b(?:did|has|have) my (?:\w+ ){0,3}(?:go through|gone through|arrive|arrived|come in|been (?:sent|paid|deposited|processed|approved|shipped))\b|\b(?:status of|check) my (?:\w+ )?(?:payout|transfer|deposit|card|tips|paycheck|pay)\b|\bmy (?:current |card |account )?balance\b|\bhow much (?:do i have|is in my|did i (?:get|make|earn))\b/;

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
  if (INJECTION.test(text) || CREATIVE.test(text) || CHITCHAT.test(text)) return 'out_of_scope';
  if (asksForOthersData(text)) return 'out_of_scope';
  if (HUMAN.test(text)) return 'human_requested';
  if (GREETING.test(text) || THANKS.test(text)) return 'small_talk';
  if (ACCOUNT.test(text)) return 'account_issue';
  return 'question';
}

/** Rule-based classification of one message in its thread. */
export function classify(message: string, history: History): Classification {
  const text = canonicalText(message);
  const intent = intentOf(text);
  const sensitive =
    intent !== 'out_of_scope' && intent !== 'small_talk' && SENSITIVE.some((r) => r.test(text));
  return { intent, topic: topicOf(text, history), sensitive };
}
