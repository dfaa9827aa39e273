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

import { isHypothetical, reportsOwnProblem } from './problem-report';

const PAY =
  '(?:tips?|pay|paycheck|check|money|deposit|direct deposit|payout|transfer|wages?|salary|funds|refund|instant pay)';
const SOMEONE =
  '(?:someone|somebody|some one|some guy|a stranger|my (?:ex|roommate|friend|brother|sister|cousin|coworker|co worker|partner|boyfriend|girlfriend|husband|wife|kid|son|daughter))';

/** The caller's pay missing, short, late or wrong, told in their words. */
const PAY_COMPLAINTS: RegExp[] = [
  // Money that did not arrive or arrived wrong, about the caller's own pay.
  new RegExp(
    `\\bmy (?:\\w+ ){0,3}${PAY}\\b.{0,50}\\b(?:never|not|have not|has not|did not)\\b.{0,12}\\b(?:show|showed|shown|arrive|arrived|come|came|hit|received|get|got|gotten|deposited|land|landed|paid|posted|through)\\b`,
  ),
  new RegExp(
    `\\b(?:never|not|did not|have not|havent) (?:\\w+ ){0,2}(?:got|get|gotten|received|been paid|paid)\\b.{0,30}\\b(?:my )?${PAY}\\b`,
  ),
  new RegExp(
    // "report a missing tip" names a kind of problem; "missing tips" and "my missing pay" are the caller's.
    `(?<!\\b(?:a|an|any) )\\b(?:missing|wrong|short|shorted|less) (?:\\w+ ){0,2}${PAY}\\b|\\b${PAY} (?:is |was |are |were )?(?:missing|wrong|short)\\b`,
  ),
  /\b(?:underpaid|under paid|underpayed|shorted me|paid me less|paid me wrong|stole my tips|took my tips|keeping my tips|kept my tips)\b/,
  /\bonly (?:got|received|paid) (?:me )?(?:half|part|some)\b|\bonly (?:got|received) \$\d+ (?:in|of) (?:tips|pay)\b|\b(?:less|lower) than (?:what )?(?:i was owed|i am owed|i earned|i worked|i should|it should|the receipt|my manager approved)\b/,
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
  // The caller stating a problem with their own money in their own words, rather than asking
  // how something works: "they docked my pay", "the last 3 shifts are not on my paycheck",
  // "i am owed 2 weeks", "nothing came". Statements, so "can my boss take a cut" stays a question.
  /\b(?:is not|are not|was not|were not|never|not) (?:on|in|included in|showing (?:up )?on) (?:my|this|that|the|last) (?:\w+ )?(?:paycheck|check|stub|pay stub|pay|deposit)\b/,
  /\b(?:tips?|pay|paycheck|stub|hours|amount|deposit|balance|total)\b.{0,40}\b(?:do not|does not|did not) (?:match|add up)\b/,
  new RegExp(
    `\\bwhere (?:did|do|does|have|has) (?:all )?my (?:\\w+ ){0,3}${PAY}s?(?: \\w+){0,3} (?:go|gone)\\b|\\bnothing (?:came|arrived|showed|hit|posted|was deposited)\\b|\\b(?:paid|sent|deposited)\\b.{0,40}\\b(?:shows|showing|says|has) (?:nothing|zero|\\$0)\\b`,
  ),
  /\b(?:forgot|failed|neglected) (?:to )?(?:pay|include|add|put in|enter|submit)\b.{0,20}\b(?:my|me|us|our)\b|(?<!\b(?:i|we) )\b(?:forgot|left out|left off) my\b/,
  /\b(?:has not|have not|did not|never|refuses to|will not) (?:put|entered|enter|approved|approve|submitted|submit|added|add|processed|process) (?:in )?my\b/,
  /\b(?:i am|we are|still|am) owed\b|\bowes? (?:me|us)\b/,
  /\b(?:keep|keeps|kept|been|is|are) (?:ignoring|ghosting|dodging) (?:me|us|my)\b|\b(?:will not|would not|refuses? to|refused to) (?:say|tell|explain|answer)(?: me| us)? (?:why|what)\b/,
  /\bdock(?:ed|ing|s)? (?:my|me|us|our)\b|\b(?:took|taken|pulled|withdrew|deducted) (?:\$\d[\d,.]*|\d+ dollars)\b/,
  /\b(?:charged?|fees?|billed|deducted|took)\b.{0,30}\b(?:never|did not) (?:agree|agreed|consent|consented|authorize|ask|asked)\b/,
  /\b(?:is|are|keeps?|been) (?:keeping|taking|skimming|pocketing) (?:\w+ ){0,3}(?:tips?|tip pool|pay|wages)\b|\bmy (?:boss|manager|employer|supervisor) (?:takes|took|keeps|kept) (?:a cut|part|some|half)\b/,
  new RegExp(
    `\\b(?:money|funds|${PAY}) (?:never (?:came|arrived|showed|landed|posted|went through)|(?:did not|has not|have not) (?:come|arrive|arrived|show|showed|land|post|go through|gone through))\\b|\\b(?:check|find out|see|look into) why (?:my|i only)\\b`,
  ),
];

/** Disputes, fraud, held money and account problems: a person, however the message ends. */
const RULES: RegExp[] = [
  // Disputes and chargebacks the caller wants to start; refunds (not tax refunds); double charges.
  /\b(?:to|i|we|can i|how (?:do|can|should) i|wanna|want to|need to|going to|file|open|start|make) (?:a |an )?dispute\b|\bdispute (?:this|that|a|the|my|it|these|those|an)\b|\bdisputing\b|\bcharge ?backs?\b/,
  /(?<!\b(?:tax|irs|state|federal) )\brefund\b/,
  /\b(?:charged|billed|took|taken|charging|charges?|fees?)\b.{0,25}\b(?:twice|2x|two times|2 times|three times|\d+ times|double)\b|\bdouble (?:charged|billed)\b|\bover ?charg\w*\b/,
  /\b(?:two|2|duplicate|double) (?:charges|fees|transactions|payments|withdrawals)\b.{0,30}\bsame\b|\bduplicate (?:charge|transaction|payment|fee)s?\b/,
  /\b(?:contest|challenge|appeal|object to|reverse|do not agree with) (?:this|that|the|a|my|these) (?:\w+ )?(?:charges?|fees?|transactions?|garnishment|deductions?|amounts?)\b/,
  /\b(?:charge|fee|deduction|transaction|withdrawal)s? (?:is|are|was|were|looks?) (?:bogus|fake|wrong|incorrect|a mistake|an error|not right|not mine)\b|\bwant (?:it|this|that|them|the \w+) (?:removed|taken off|reversed|refunded)\b|\btook (?:it|them|both|everything|all of it|my \w+) back\b/,
  // Wanting something about their money undone or examined, or disagreeing with an amount.
  /\b(?:want|need|demand|asking for|get|have) (?:\w+ ){0,3}(?:investigated|looked into|reversed|undone|refunded|put back)\b|\b(?:investigate|look into) (?:this|it|my|what happened)\b/,
  /\b(?:disagree|do not agree|not agree)\b.{0,30}\b(?:amount|charges?|deductions?|fees?|took|taken|pay|paycheck|total|hours|balance|tips?|split|share|cut|rate|wages?|overtime|garnishment)\b/,
  /\bcharged (?:me )?(?:\w+ ){0,4}(?:should not|by mistake|wrongly|for no reason|without)\b|\bwant (?:my )?money back\b/,
  // Something done to the caller's money without them; "can they pay me by card without asking" is policy.
  /\b(?:took|taken|charged|withdrew|withdrawn|used|changed|moved|spent|sent|opened|debited|pulled)\b.{0,40}\bwithout (?:me|my (?:permission|consent|knowledge|ok|okay)|permission|consent|asking|knowing)\b/,
  /\b(?:steal|stealing|stole|theft|wage theft|pocketing|pocketed|skimming|skimmed)\b/,
  // The caller's own money held back: "they are holding my check", "my pay got put on hold";
  // not a message's claim the caller reports ("a text saying my pay is on hold": phishing).
  new RegExp(
    `(?<!\\b(?:saying|says|said|claiming|claims) (?:that )?)\\bmy (?:\\w+ ){0,2}${PAY}\\b.{0,15}\\b(?:held|on hold|delayed|paused|frozen)\\b|\\b(?:holding|held|froze|freezing|paused) (?:\\w+ ){0,2}my (?:\\w+ )?${PAY}\\b`,
  ),
  /\b(?:froze|frozen|freeze|locked|closed|suspended|blocked) my account\b|\b(?:money|pay|paycheck|transfer|payout|deposit) (?:is |has been |been )?stuck\b/,
  // Fraud, identity theft, unauthorized use.
  /\b(?:fraud|fraudulent|stolen|cloned|skimmed|scammed|scammer|hacked|identity theft|unauthorized|compromised|data breach|leaked|fell for|pretending to be me|impersonat\w*)\b|\bin my name\b|\bidentity (?:was |is |got |has been )?(?:stolen|used|compromised)\b/,
  new RegExp(
    `\\b${SOMEONE} (?:else )?(?:\\w+ )?(?:used|took|stole|has|got into|accessed|changed|is using|logged into|logged in|moved|transferred|opened|made|created|applied|filed|spent|withdrew|charged)\\b`,
  ),
  /\b(?:i )?(?:gave|told|sent|shared) (?:\w+ ){0,3}(?:my )?(?:pin|password|code|card number|ssn|login|sign in code|account number|routing number|bank (?:info|details)|card info)\b/,
  /\b(?:knows|has|got|saw|stole) my (?:pin|password|code|login)\b/,
  // Money taken where the caller was not: "a withdrawal at an atm in florida and i live in ohio".
  /\b(?:withdrawals?|charges?|purchases?|transactions?)\b.{0,40}\b(?:and|but) i (?:live|was|am|have never been|never went)\b/,
  // Someone trying to get in, and sign-in codes the caller never asked for.
  new RegExp(`\\b${SOMEONE}\\b.{0,20}\\b(?:trying|tried|try) to (?:log|get|sign|break) ?in`),
  /\b(?:codes?|texts?|emails?|alerts?) (?:that )?(?:i|we) (?:did not|never) (?:ask|request|asked|requested)\b/,
  // Garnishment or a levy the caller pushes back on: "a levy on my pay but i have a payment plan".
  /\b(?:garnish\w*|levy|levies|child support)\b.{0,60}\bbut (?:i|my|we|it|the)\b/,
  // Someone asking for the caller's secrets (phishing), and money moved somewhere they do not know.
  /\b(?:text|texts|call|called|email|emailed|message|dm|someone|somebody|caller|guy|person)\b.{0,30}\b(?:asking|asked|wants|wanted|requesting) (?:me )?(?:for )?(?:my )?(?:\w+ )?(?:pin|password|code|card number|ssn|social|login|account number|routing number)\b/,
  /\b(?:weird|strange|suspicious|sketchy|odd|random|unknown) (?:\w+ )?(?:charges?|transfers?|payments?|withdrawals?|transactions?|purchases?|logins?|log ins?)\b|\b(?:bank|account|card|merchant|company|store|name|number|website|site|place|business|app) (?:that )?(?:i|we) (?:do not|did not|never) (?:even )?(?:know|recognize|recognise|heard of)\b/,
  new RegExp(
    `\\b${SOMEONE}\\b.{0,30}\\b(?:using|used|took|taking|accessed|spending|spent|withdrawing|moved|logged into) my\\b|\\b(?:on|to|into) (?:someone elses|somebody elses|another persons) (?:card|account|bank)\\b`,
  ),
  /\b(?:pin|password|code|card number|ssn|login)\b.{0,60}\b(?:gave|told|sent|shared|entered|typed) (?:it|them)\b/,
  /\b(?:did not|never) (?:make|authorize|authorise|approve|recognize|recognise|do) (?:\w+ ){0,2}(?:charges?|purchases?|transactions?|payments?|changes?|withdrawals?)|\b(?:was|it was|were) not me\b|\b(?:do not|dont) (?:recognize|recognise)\b|\b(?:did not|never) (?:authorize|authorise)\b/,
  /\b(?:charges?|purchases?|transactions?|payments?|withdrawals?)\b.{0,45}\b(?:i|we) (?:did not|never|do not) (?:make|made|authorize|authorized|authorise|authorised|recognize|recognise|know|do)\b/,
  /\b(?:clicked|opened|tapped) (?:on )?(?:a|the|that|this) (?:\w+ )?link\b|\b(?:never|did not) (?:even )?(?:went|go|been|shop|shopped|buy|bought|order|ordered|purchase|purchased)\b/,
  // Garnishment the caller says is wrong.
  /\bgarnish\w*\b.{0,60}\b(?:wrong|mistake|error|not mine|illegal|unfair|too much|(?:way |much |a lot )?more than (?:allowed|the limit|they should)|do not know (?:about|why|what)|paid (?:it|that|the debt|them) off)\b|\btoo much\b.{0,30}\bgarnish|\b(?:wrong(?:ful|ly)?|mistaken|illegal) garnish\w*|\b(?:do not|never|did not) owe\b|\bgarnish\w*\b.{0,60}\bmore than \d+ ?(?:%|percent)/,
  // Account problems only a person can fix.
  /\b(?:delete|remove|erase) (?:my|all my) (?:account|data|information|info)\b|\bmy (?:account|data|information|info) (?:deleted|removed|erased)\b/,
  /\b(?:will not|does not|cannot|would not) let me (?:cash out|withdraw|transfer|log ?in|sign ?in|get (?:in|to|at) my|access|use my|see my)\b|\bkeeps? (?:kicking|logging|signing|throwing) me out\b/,
  // Support already failed them: a person has to pick it up.
  /\b(?:nobody|no one|noone) (?:will|can|is|wants to|has|ever) (?:\w+ )?(?:tell|help|explain|answer|answered|respond|responded|reply|replied|get back|got back|call|called)\b/,
  /\bmy (?:\w+ ){0,2}(?:account|profile|login)\b.{0,40}\b(?:was changed|got changed|been changed|not working|restricted|flagged|disabled|on hold)\b/,
  /\b(?:cannot|can not) (?:get|access|use|withdraw|touch) (?:to )?my (?:money|pay|funds|tips|paycheck|wages)\b/,
  /\b(?:locked out|account (?:is |was |got |has been |says |shows |is showing )?(?:locked|frozen|closed|suspended|blocked|deactivated|disabled)|cannot (?:get into|access|log ?in|log ?into|sign ?in|sign ?into|log on)|close my account)\b/,
];

/** Legal threats and complaints to regulators: a person answers these even when asked as a "what if". */
const LEGAL: RegExp[] = [
  /\b(?:sue|suing|sued|lawsuit|lawyer|attorney|legal action|small claims|class action|see you in court|take (?:you|them|northfield|brightwell|my \w+) to court|report (?:you|this|them|it) to|claim against)\b/,
  /\b(?:going to|will) (?:go to |contact |call )?(?:the )?(?:news|media|press|reporters?)\b|\bwage claim\b/,
  /\b(?:file|filing|make|submit|lodge) (?:a |an )?(?:formal )?complaint\b|\b(?:cfpb|bbb|better business bureau|attorney general|department of labor|labor board)\b/,
  /\b(?:report|reporting|call|calling|contact|contacting) (?:\w+ ){0,3}(?:to |the )?(?:dol|labor (?:department|dept|commission)|wage and hour|eeoc|ftc|police|cops)\b/,
];

/**
 * The caller asking what the rule is after telling their situation: "still no paycheck, is
 * that normal", "got let go monday, how long do they have to pay me what im owed". The help
 * centre answers the rule; a person is offered with the answer.
 */
const ASKS_RULE =
  /\b(?:is (?:that|this|it) (?:even )?(?:normal|legal|allowed|standard|usual)|how long (?:do|does|can|will) (?:they|he|she|my \w+|the \w+) (?:have|get|take)|when (?:do|does|will|should|must) (?:they|he|she|my \w+|the \w+) (?:have to|owe|need to|pay)|(?:do|does) i (?:even )?(?:need|have) to|is (?:anything|something|there anything) owed|what are my rights|am i (?:even )?(?:owed|entitled)|are they (?:even )?(?:allowed|supposed|required)|do they (?:even )?have to)\b/;

/** Whether a message (in canonicalText form) raises a topic that needs a person. */
export function needsPerson(text: string): boolean {
  if (LEGAL.some((rule) => rule.test(text))) return true;
  if (isHypothetical(text)) return false;
  if (RULES.some((rule) => rule.test(text))) return true;
  if (ASKS_RULE.test(text)) return false;
  return reportsOwnProblem(text) || PAY_COMPLAINTS.some((rule) => rule.test(text));
}
