import type { ChatMessage, ChatModel } from '../state/chat-model';
import { AttachmentChips } from './AttachmentControls';
import { CitationChips } from './CitationChips';
import { Feedback } from './Feedback';
import { Markdown } from './Markdown';

const speaker = (m: ChatMessage) =>
  m.role === 'user'
    ? 'You'
    : m.role === 'agent'
      ? `${m.author?.name ?? 'Support'} (support)`
      : 'Assistant';

/**
 * A message bubble. The visitor's text is shown as typed; answers and a person's replies go
 * through the markdown subset, which renders text nodes only (never HTML).
 */
export function MessageItem({
  message,
  model,
  complete,
  onAskPerson,
}: {
  message: ChatMessage;
  model: ChatModel;
  /** False while this answer is still streaming: no feedback on half an answer. */
  complete: boolean;
  /** Given on the latest answer when it offers a person (the closest-passage outcome). */
  onAskPerson?: (() => void) | undefined;
}) {
  const { role, escalation } = message;
  return (
    <li
      class={`wc-message wc-${role === 'user' ? 'user' : 'assistant'}${message.failed ? ' wc-failed' : ''}`}
      data-role={role}
    >
      {role === 'agent' ? (
        <span class="wc-author">{speaker(message)}</span>
      ) : (
        <span class="wc-sr">{`${speaker(message)}: `}</span>
      )}
      {role === 'user' ? message.text : <Markdown text={message.text} />}
      <AttachmentChips attachments={message.attachments} />
      {message.queued && <span class="wc-state">Waiting to send</span>}
      <CitationChips citations={message.citations} model={model} />
      {onAskPerson && message.outcome === 'closest_passage' && !escalation && (
        <button type="button" class="wc-ask-person" onClick={onAskPerson}>
          Talk to a person
        </button>
      )}
      {escalation && (
        <p class="wc-escalation" role="note">
          We have passed your question to our support team. A person will follow up with you
          {escalation.ticket_id ? ` (ticket ${escalation.ticket_id})` : ''}.
          <span class="wc-state">
            {`Status: ${escalation.status === 'pending' ? 'waiting for a person' : escalation.status}`}
          </span>
        </p>
      )}
      {role === 'assistant' && message.serverId && complete && message.text && (
        <Feedback message={message} model={model} />
      )}
    </li>
  );
}
