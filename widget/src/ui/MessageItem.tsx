import type { Citation } from '../api/types';
import type { ChatMessage } from '../state/chat-model';

/** One citation per document page, in the order the server ranked them. */
function distinctSources(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.title}\u0000${c.page}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A message bubble. Text is rendered as a text node (never HTML): server text may quote
 * anything a visitor typed.
 */
export function MessageItem({
  message,
  onAskPerson,
}: {
  message: ChatMessage;
  /** Given on the latest answer when it offers a person (the closest-passage outcome). */
  onAskPerson?: (() => void) | undefined;
}) {
  const sources = distinctSources(message.citations);
  const roleClass = message.role === 'user' ? 'wc-user' : 'wc-assistant';
  return (
    <li
      class={`wc-message ${roleClass}${message.failed ? ' wc-failed' : ''}`}
      data-role={message.role}
    >
      <span class="wc-sr">{message.role === 'user' ? 'You: ' : 'Assistant: '}</span>
      {message.text}
      {sources.length > 0 && (
        <ul class="wc-sources" aria-label="Sources">
          {sources.map((c) => (
            <li key={`${c.document_id}-${c.page}`} title={c.snippet}>
              {`${c.title}, p. ${c.page}`}
            </li>
          ))}
        </ul>
      )}
      {onAskPerson && message.outcome === 'closest_passage' && !message.escalation && (
        <button type="button" class="wc-ask-person" onClick={onAskPerson}>
          Talk to a person
        </button>
      )}
      {message.escalation && (
        <p class="wc-escalation" role="note">
          We have passed your question to our support team. A person will follow up with you
          {message.escalation.ticket_id ? ` (ticket ${message.escalation.ticket_id})` : ''}.
        </p>
      )}
    </li>
  );
}
