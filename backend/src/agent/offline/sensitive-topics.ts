/**
 * Topics that need a person whatever the help centre says (issue 13): the caller's own pay
 * missing, short or wrong; disputes and double charges; fraud, identity theft and someone else
 * using the account or card; garnishment the caller says is wrong; legal threats; account
 * problems only support can fix. Rules read canonicalText ("didnt" -> "did not", common
 * misspellings restored), and key on the caller reporting something that happened to them or
 * wanting to act ("i want to dispute", "they shorted me"), not on the subject alone: "how long
 * can a dispute investigation take" and "what is a garnishment" are questions the help centre
 * answers. Starting a dispute ("how do i dispute a charge") is handed over: a dispute is a
 * claim about the caller's own money that only a person can open and track.
 */

const PAY =
  '(?:tips?|pay|paycheck|check|money|deposit|direct deposit|payout|transfer|wages?|salary|funds|refund|instant pay)';
const SOMEONE =
  '(?:someone|somebody|some one|some guy|a stranger|my (?:ex|roommate|friend|brother|sister|cousin))';

const RULES: RegExp[] = [
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
  /\b(?:underpaid|under paid|underpayed|shorted me|paid me less|paid me wrong|stole my tips|took my tips|keeping my tips|kept my tips)\b/,
  /\bonly (?:got|received|paid) (?:me )?(?:half|part|some)\b|\b(?:less|lower) than (?:what )?(?:i was owed|i am owed|i earned|i worked|i should|it should|the receipt|my manager approved)\b/,
  /\b(?:messed|screwed) up (?:my )?(?:pay|paycheck|check|tips|deposit)\b|\b(?:pay|paycheck|check|tips|deposit) (?:is |was |got )?(?:messed|screwed) up\b/,
  /\b(?:went|sent|deposited|paid) (?:in)?to (?:the )?(?:wrong|an old|my old|a closed|someone elses|another) (?:\w+ )?(?:account|card|bank)\b/,
  /\b(?:came (?:up|in|out) short|(?:short|off) by (?:\$?\d+|like|about|almost|over|a)|missing (?:\$?\d+|hours|money|some|part|half|a day|days|a shift|shifts))\b/,
  /\bpaid (?:me )?(?:only )?for (?:\d+|only) hours?\b.{0,40}\bworked\b/,
  /\b(?:i|we) (?:still )?(?:did not|have not|never|am not|are not) (?:get |got |gotten |been |being |receive |received )?(?:paid|my pay|my money|my check|my paycheck|my tips)\b|\b(?:has not|have not|did not|never|stopped) (?:paid|pay|paying) (?:me|us)\b/,
  /\b(?:is not|are not|will not|refuse to|refuses to|refused to|refusing to|wont) (?:\w+ )?(?:paid|pay|paying|give|giving) (?:me|us)\b/,
  /\b(?:did not|never|will not|wont|refuse to|refuses to|refused to) (?:\w+ )?(?:pay|paid|give|gave) (?:me |us )?(?:my |any |for )?overtime\b/,
  /\bstill (?:no|nothing|not|never|have not|has not|did not|waiting (?:on|for))\b/,
  /\bwrong amount\b|\b(?:says|shows|showing|said|marked) (?:it was |as )?paid\b.{0,40}\b(?:nothing|not there|no money|not|never)\b/,
  /\bmy (?:\w+ ){0,2}(?:deposit|payment|transfer|payout|paycheck|check) (?:was |got |has been |is |keeps )?(?:bounced|returned|reversed|rejected)\b|\b(?:money|funds|balance|it) (?:is |was |has )?(?:gone|missing|disappeared|vanished)\b/,
  /\b(?:left|came out of|taken out of|deducted from|debited from|withdrawn from) my (?:\w+ )?account\b.{0,40}\b(?:never|not|did not)\b/,
  // Disputes and chargebacks the caller wants to start; refunds (not tax refunds); double charges.
  /\b(?:to|i|we|can i|how (?:do|can|should) i|wanna|want to|need to|going to|file|open|start|make) (?:a |an )?dispute\b|\bdispute (?:this|that|a|the|my|it|these|those|an)\b|\bdisputing\b|\bcharge ?backs?\b/,
  /(?<!\b(?:tax|irs|state|federal) )\brefund\b/,
  /\b(?:charged|billed|took|taken|charging|charges?|fees?)\b.{0,25}\b(?:twice|2x|two times|2 times|three times|\d+ times|double)\b|\bdouble (?:charged|billed)\b|\bover ?charg\w*\b/,
  /\b(?:two|2|duplicate|double) (?:charges|fees|transactions|payments|withdrawals)\b.{0,30}\bsame\b|\bduplicate (?:charge|transaction|payment|fee)s?\b/,
  /\b(?:contest|challenge|appeal|object to|reverse|do not agree with) (?:this|that|the|a|my|these) (?:\w+ )?(?:charges?|fees?|transactions?|garnishment|deductions?)\b/,
  /\bcharged (?:me )?(?:\w+ ){0,4}(?:should not|by mistake|wrongly|for no reason|without)\b|\bwant (?:my )?money back\b/,
  // Something done to the caller's money without them; "can they pay me by card without asking" is policy.
  /\b(?:took|taken|charged|withdrew|withdrawn|used|changed|moved|spent|sent|opened|debited|pulled)\b.{0,40}\bwithout (?:me|my (?:permission|consent|knowledge|ok|okay)|permission|consent|asking|knowing)\b/,
  /\b(?:steal|stealing|stole|theft|wage theft)\b/,
  /\b(?:froze|frozen|freeze|locked|closed|suspended|blocked) my account\b|\b(?:money|pay|paycheck|transfer|payout|deposit) (?:is |has been |been )?stuck\b/,
  // Fraud, identity theft, unauthorized use.
  /\b(?:fraud|fraudulent|stolen|scammed|scammer|hacked|identity theft|unauthorized|compromised|data breach|leaked|fell for|pretending to be me|impersonat\w*)\b|\bin my name\b|\bidentity (?:was |is |got |has been )?(?:stolen|used|compromised)\b/,
  new RegExp(
    `\\b${SOMEONE} (?:else )?(?:\\w+ )?(?:used|took|stole|has|got into|accessed|changed|is using|logged into|opened|made|created|applied|filed|spent|withdrew|charged)\\b`,
  ),
  /\b(?:i )?(?:gave|told|sent|shared) (?:\w+ ){0,3}(?:my )?(?:pin|password|code|card number|ssn|login|sign in code)\b/,
  /\b(?:pin|password|code|card number|ssn|login)\b.{0,60}\b(?:gave|told|sent|shared|entered|typed) (?:it|them)\b/,
  /\b(?:did not|never) (?:make|authorize|authorise|approve|recognize|recognise|do) (?:\w+ ){0,2}(?:charges?|purchases?|transactions?|payments?|changes?|withdrawals?)|\b(?:was|it was|were) not me\b|\b(?:do not|dont) (?:recognize|recognise)\b|\b(?:did not|never) (?:authorize|authorise)\b/,
  /\b(?:charges?|purchases?|transactions?|payments?|withdrawals?)\b.{0,25}\b(?:i|we) (?:did not|never|do not) (?:make|made|authorize|authorized|authorise|authorised|recognize|recognise|know|do)\b/,
  /\b(?:clicked|opened|tapped) (?:on )?(?:a|the|that|this) (?:\w+ )?link\b|\b(?:never|did not) (?:went|go|been|shop|shopped|buy|bought|order|ordered|purchase|purchased)\b/,
  // Garnishment the caller says is wrong.
  /\bgarnish\w*\b.{0,60}\b(?:wrong|mistake|error|not mine|illegal|unfair|too much|more than (?:allowed|the limit|they should)|do not know (?:about|why|what)|paid (?:it|that|the debt|them) off)\b|\btoo much\b.{0,30}\bgarnish|\b(?:wrong(?:ful|ly)?|mistaken|illegal) garnish\w*|\b(?:do not|never|did not) owe\b/,
  // Legal threats and complaints to regulators.
  /\b(?:sue|suing|sued|lawsuit|lawyer|attorney|legal action|small claims|class action|see you in court|take (?:you|them|northfield|brightwell|my \w+) to court|report (?:you|this|them|it) to|claim against)\b/,
  /\b(?:file|filing|make|submit|lodge) (?:a |an )?(?:formal )?complaint\b|\b(?:cfpb|bbb|better business bureau|attorney general|department of labor|labor board)\b/,
  /\b(?:report|reporting|call|calling|contact|contacting) (?:\w+ ){0,3}(?:to |the )?(?:dol|labor (?:department|dept|commission)|wage and hour|eeoc|ftc|police|cops)\b/,
  // Account problems only a person can fix.
  /\b(?:cannot|can not) (?:get|access|use|withdraw|touch) (?:to )?my (?:money|pay|funds|tips|paycheck|wages)\b/,
  /\b(?:locked out|account (?:is |was |got |has been )?(?:locked|frozen|closed|suspended|blocked|deactivated)|cannot (?:get into|access|log ?in|log ?into|sign ?in|sign ?into|log on)|close my account)\b/,
];

/** Whether a message (in canonicalText form) raises a topic that needs a person. */
export function needsPerson(text: string): boolean {
  return RULES.some((rule) => rule.test(text));
}
