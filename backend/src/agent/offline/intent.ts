/**
 * Rule-based intent for offline mode: the few messages that need no knowledge search.
 * Anything else is treated as a question for the knowledge base.
 */
export type OfflineIntent = 'greeting' | 'thanks' | 'human' | 'question';

const GREETING =
  /^(?:hi|hello|hey|hiya|good (?:morning|afternoon|evening)|yo)\b[\s!.,]*(?:there)?[\s!.]*$/i;
const THANKS =
  /^(?:thanks?|thank you|thx|ty|cheers|great|perfect|got it|ok(?:ay)?)\b[\s\w!.,]{0,20}$/i;
const HUMAN =
  /\b(?:(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+)?(?:human|person|agent|someone|representative|rep)|real person|human agent|live agent|customer service rep)\b/i;

export function classifyIntent(message: string): OfflineIntent {
  const text = message.trim();
  if (HUMAN.test(text)) return 'human';
  if (GREETING.test(text)) return 'greeting';
  if (THANKS.test(text)) return 'thanks';
  return 'question';
}
