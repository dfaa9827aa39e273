/**
 * Every fixed wording the offline agent says. The widget, the e2e test and the graph's
 * reply nodes look for these, so they live in one place.
 */

/** The reply that hands over to a person when the help centre has nothing relevant. */
export const HANDOVER_TEXT =
  "I'm not confident I can answer that correctly from our help centre, so I've passed your question to our support team. A person will follow up with you here.";

/** The reply when the person asked for a human. */
export const HUMAN_TEXT =
  "Of course. I've asked our support team to pick up this conversation. A person will follow up with you here.";

/** The reply to a greeting. */
export const GREETING_TEXT =
  'Hi! I can help with tip payouts, Instant Pay, your pay card, direct deposit, taxes and account security. What would you like to know?';

/** The reply to thanks or an acknowledgement. */
export const THANKS_TEXT = "You're welcome! Is there anything else I can help with?";

/** The reply to a visitor (not signed in) asking about their own account. */
export const SIGN_IN_TEXT =
  "I can look that up once you're signed in: please sign in to the app or website and ask again here, and I'll check your account for you.";

/** The reply to off-topic or unsafe requests and requests for other people's data. */
export const DECLINE_TEXT =
  "Sorry, I can't help with that. I can only answer questions about tips, pay, payouts, your pay card, direct deposit, taxes and account security, and I can't share anyone else's information.";

/** The reply when the topic needs a person whatever the help centre says. */
export const SENSITIVE_TEXT =
  "I'm sorry you're dealing with this. Problems like this need a person who can look into your account, so I've passed your conversation to our support team. A person will follow up with you here.";

/** Opens a "closest passage" reply, before the quote. */
export const CLOSEST_PREFIX = "Here's the closest thing I found in our help centre:";

/** Closes a "closest passage" reply: honest that it may not fit, and a person is one click away. */
export const CLOSEST_SUFFIX =
  "This may not answer your question exactly. If it doesn't, a person from our support team can help: just ask for one.";
