/**
 * What a question asks for, read from its wording: an amount, a time, a yes or no, the
 * steps to do something, or something general. The answerer then picks the sentence that
 * carries that kind of fact ("$2.99", "within 3 business days", "No.", the steps).
 */
export type QuestionType = 'amount' | 'when' | 'yes_no' | 'how_to' | 'general';

const AMOUNT =
  /\b(?:how much|how many|fees?|costs?|charges?|charged|price|rate|percent(?:age)?|limits?|max(?:imum)?|min(?:imum)?|dollars?|cents?|per (?:hour|hr|mile|day|transfer|month))\b|\$|\bwhat(?:s| is)? (?:\w+ )?(?:pay|rate|wage)\b|\b\d+(?:\.\d+)? (?:a|an|per) (?:hour|hr)\b/;
const WHEN =
  /(?:^|[,.;]\s*|\b(?:and|so|but|then|exactly|just)\s+)when\b|\bwhen (?:do|does|did|will|would|is|are|can|should|could|am)\b|\b(?:what time|what day|which day|which (?:check|paycheck|payday|pay period|pay run)|how long|how soon|how fast|how quick(?:ly)?|how often|deadline|by when|till|until|time limit|expire[sd]?|ho?w lon?g)\b/;
const HOW_TO =
  /\b(?:how (?:do|can|should|would|could) (?:i|we|you)|how to|steps?|where (?:do|can) i|what (?:do|should) i do|what now|fix|set ?up|sign up|change|update|cancel|apply|request|submit)\b/;
const YES_NO =
  /^(?:(?:so|and|but|hey|hi|ok|okay|um|also|quick question)[,\s]+)*(?:can|could|do|does|did|is|are|am|was|were|will|would|should|may|must|has|have|isn'?t|aren'?t|don'?t|doesn'?t|cant|can'?t)\b/;
const YES_NO_TAIL =
  /\b(?:is (?:that|this|it) (?:even )?(?:ok|okay|legal|allowed|normal|right|true|fair)|can (?:he|she|they|my \w+) (?:do|make|take|fire|keep)|are they allowed|allowed to|legal)\b/;

/** The kind of fact a question asks for. */
export function questionType(message: string): QuestionType {
  const text = message.toLowerCase().replace(/[’]/g, "'").trim();
  if (/^(?:how|what|where|which)\b/.test(text) || !YES_NO.test(text)) {
    if (YES_NO_TAIL.test(text)) return 'yes_no';
    if (/^(?:how (?:do|can|should) (?:i|we)|how to)\b/.test(text) && !/\bhow much\b/.test(text))
      return 'how_to';
    if (AMOUNT.test(text)) return 'amount';
    if (WHEN.test(text)) return 'when';
    if (HOW_TO.test(text)) return 'how_to';
    return 'general';
  }
  // "Is there a fee ...", "can I ... how long": a yes/no whose answer is an amount or time.
  if (/\b(?:is there|are there|do you charge|do i pay)\b/.test(text) && AMOUNT.test(text))
    return 'amount';
  if (WHEN.test(text) && !/^(?:can|could|may)\b/.test(text)) return 'when';
  return 'yes_no';
}

/** Shares written out: "two-thirds of your wage", "half your pay". */
const SHARE =
  /\b(?:half|one-half|(?:one|two)[- ]thirds?|a third|(?:a|one|three)[- ]quarters?|twice|double)\b/i;
const MONEY =
  /\$\s?\d|\b\d+(?:\.\d+)?\s?(?:%|percent|cents?|dollars?)|\b(?:free|no (?:fee|charge|cost)|fee|costs?)\b/i;
// "May" is a month only beside a date or a preposition ("May 15", "by May"): "you may" is not.
const TIME =
  /\b(?:\d+(?:\s*(?:to|-|or)\s*\d+)?\s*(?:business\s+|calendar\s+|working\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|january|february|march|april|june|july|august|september|october|november|december|may \d{1,2}\b|(?:in|by|until|before|after|since) may|\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|noon|midnight|same day|(?:your |the )?first (?:day|week|month|paycheck)|day one|hire date|date of hire|next (?:business )?day|next morning|immediately|right away|instantly|within|by the \d+|payday|daily|weekly|biweekly|monthly|every (?:day|week|other)|deadline|overnight|\d+(?:st|nd|rd|th)\b)/i;
const YES_NO_ANSWER =
  /^(?:yes|no)\b|\b(?:cannot|can't|can not|must not|not allowed|never|only|must|may not|is not|are not|does not|do not|doesn't|don't|forbids?|prohibit|illegal|allowed|required|has to|have to)\b/i;
const STEP =
  /^(?:open|tap|go to|choose|select|enter|call|click|sign in|log in|ask|send|fill|submit|review|check|contact|request|use|visit|upload|add|turn on|lock|report|write|keep|take)\b/i;

/** Whether a sentence carries the kind of fact the question asks for. */
export function carriesFact(type: QuestionType, sentence: string): boolean {
  switch (type) {
    case 'amount':
      return MONEY.test(sentence) || SHARE.test(sentence) || /\b\d+(?:\.\d+)?\b/.test(sentence);
    case 'when':
      return TIME.test(sentence);
    case 'yes_no':
      return YES_NO_ANSWER.test(sentence);
    case 'how_to':
      return STEP.test(sentence.trim()) || /\b(?:then|tap|in the app)\b/i.test(sentence);
    default:
      return false;
  }
}

const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|seven|ten|thirty|sixty|ninety)(?:\s*(?:to|-|or)\s*\d+)?\s*(?:business\s+|calendar\s+|working\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?)\b/i;
const CLOCK_OR_DATE =
  /\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)|\b(?:noon|midnight)\b|\b(?:january|february|march|april|june|july|august|september|october|november|december) \d{1,2}\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b/i;
const PRICE =
  /\$\s?\d|\b\d+(?:\.\d+)?\s?(?:%|percent|cents?)|\bfree\b|\bno (?:fee|charge|cost)\b|\b(?:half|(?:one|two)[- ]thirds?|a third|(?:a|three)[- ]quarters?) (?:of|your)\b/i;
const STATED_DURATION =
  /\b\d+(?:\.\d+)? ?(?:minutes?|mins?|hours?|hrs?|days?|weeks?|wks?|months?|mos?|years?|yrs?)\b/;
const STATED_MONEY = /\$\s?\d|\b\d+(?:\.\d+)? ?(?:dollars|bucks)\b/;
/** A deadline is stated as one: "the cut-off is 5:00 p.m.", "no later than", "the last day to". */
const DEADLINE = /\b(?:deadlines?|cut-?offs?|no later than|at the latest|last day (?:to|for))\b/i;
/** Why something happened is answered by its cause: "because ...", "the most common reasons are:". */
const REASON = /\b(?:because|why|reasons?|caused? by|causes|due to|as a result)\b/i;
/** What a rule says is required: "does my job have to pay me" wants "does not require". */
const OBLIGATION =
  /\b(?:requires?|required|must|has to|have to|obligat\w*|no (?:federal |state )?law|(?:is|are) not entitled)\b/i;

/**
 * The precise form of the fact a question names, or null: "how long" and "how soon" want a
 * duration, "what time" and "what day" a clock time, date or weekday, "how much" and "fee" a
 * price, "have to" and "required" what a rule requires, "why" a cause. carriesFact accepts
 * any time word for a "when" question; this is what the answer should prefer when the passage
 * has both ("by the next payday" vs "for 90 days").
 */
export function preciseFact(message: string): RegExp | null {
  const text = message.toLowerCase();
  if (
    /\b(?:how long|how soon|how many (?:days|weeks|months|hours|years)|time limit|ho?w lon?g)\b/.test(
      text,
    )
  )
    return DURATION;
  if (/\b(?:what time|what day|which day|what date|by when)\b/.test(text)) return CLOCK_OR_DATE;
  if (/\b(?:deadline|cut-?off|last day to)\b/.test(text)) return DEADLINE;
  if (/\b(?:how much|fees?|costs?|charge|price|rate)\b/.test(text)) return PRICE;
  // Not "do i have to do anything": that asks what to do, not what a rule requires.
  if (
    /\b(?:have to|has to|gotta|got to|required?|must|obligated|supposed to)\b(?! do\b)/.test(text)
  )
    return OBLIGATION;
  if (/\b(?:why|how come)\b/.test(text)) return REASON;
  // A question that states a time or an amount ("a receipt from 3 months ago", "been here 8
  // months") is measuring it against a rule: the answer is the rule's own limit ("within 60
  // days", "at least 12 months").
  if (STATED_DURATION.test(text)) return DURATION;
  if (STATED_MONEY.test(text)) return PRICE;
  return null;
}
