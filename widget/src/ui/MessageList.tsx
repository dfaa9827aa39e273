import { Component, createRef } from 'preact';
import type { ChatModel } from '../state/chat-model';
import { MessageItem } from './MessageItem';

/** What the one-click offer sends: the agent hands over on it like on any such request. */
export const ASK_PERSON_TEXT = "I'd like to talk to a person, please.";

export interface MessageListProps {
  model: ChatModel;
  /** From the tenant's config (or the embed options): the empty state's words and topics. */
  greeting: string;
  suggestions: string[];
}

/**
 * The thread, kept scrolled to the newest text while an answer streams in. It is not a live
 * region itself: announcing every token would flood a screen reader (see LiveAnnouncer).
 */
export class MessageList extends Component<MessageListProps> {
  private list = createRef<HTMLOListElement>();

  override componentDidMount(): void {
    this.componentDidUpdate();
  }

  override componentDidUpdate(): void {
    const list = this.list.current;
    if (list) list.scrollTop = list.scrollHeight;
  }

  override render({ model, greeting, suggestions }: MessageListProps) {
    const waiting = model.state.status === 'sending';
    const busy = model.busy();
    const visible = model.state.messages.filter(
      (m) => m.role === 'user' || m.text !== '' || m.escalation,
    );
    const last = visible.length - 1;
    return (
      <ol class="wc-messages" ref={this.list} aria-label="Conversation">
        {last < 0 && !waiting && (
          <li class="wc-empty">
            <p>{greeting}</p>
            {suggestions.map((s) => (
              <button
                key={s}
                type="button"
                class="wc-suggestion"
                onClick={() => void model.send(s)}
              >
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
            complete={!busy || i < last}
            onAskPerson={i === last && !busy ? () => void model.send(ASK_PERSON_TEXT) : undefined}
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
}
