import { useEffect, useRef } from 'preact/hooks';
import type { ChatModel } from '../state/chat-model';
import { MessageItem } from './MessageItem';

/** What the one-click offer sends: the agent hands over on it like on any such request. */
export const ASK_PERSON_TEXT = "I'd like to talk to a person, please.";

/**
 * The thread, kept scrolled to the newest text while an answer streams in. It is not a live
 * region itself: announcing every token would flood a screen reader (see LiveAnnouncer).
 */
export function MessageList({
  model,
  greeting,
  suggestions,
}: {
  model: ChatModel;
  /** From the tenant's config (or the embed options): the empty state's words and topics. */
  greeting: string;
  suggestions: string[];
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const messages = model.messages.value;
  const waiting = model.status.value === 'sending';
  const visible = messages.filter((m) => m.role === 'user' || m.text !== '' || m.escalation);

  useEffect(() => {
    const list = listRef.current;
    if (list) list.scrollTop = list.scrollHeight;
  });

  return (
    <ol class="wc-messages" ref={listRef} aria-label="Conversation">
      {visible.length === 0 && !waiting && (
        <li class="wc-empty">
          <p>{greeting}</p>
          {suggestions.map((s) => (
            <button key={s} type="button" class="wc-suggestion" onClick={() => void model.send(s)}>
              {s}
            </button>
          ))}
        </li>
      )}
      {visible.map((m, i) => (
        <MessageItem
          key={m.id}
          message={m}
          model={model}
          complete={!model.busy.value || i < visible.length - 1}
          onAskPerson={
            i === visible.length - 1 && !model.busy.value
              ? () => void model.send(ASK_PERSON_TEXT)
              : undefined
          }
        />
      ))}
      {waiting && (
        <li class="wc-typing" aria-label="Assistant is typing">
          <span />
          <span />
          <span />
        </li>
      )}
    </ol>
  );
}
