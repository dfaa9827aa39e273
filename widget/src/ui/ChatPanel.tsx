import { Component, createRef } from 'preact';
import type { ResolvedOptions } from '../options';
import type { ChatModel } from '../state/chat-model';
import { Composer } from './Composer';
import { ErrorNotice } from './ErrorNotice';
import { LiveAnnouncer } from './LiveAnnouncer';
import { MessageList } from './MessageList';
import { NewConversation } from './NewConversation';

export interface ChatPanelProps {
  model: ChatModel;
  options: Pick<ResolvedOptions, 'title' | 'logoUrl' | 'greeting' | 'suggestions'>;
  onClose: () => void;
}

/**
 * The open chat: header, thread, status and input. Escape anywhere inside closes it. It renders
 * again after every change of the model, and its parts with it: they read `model.state`.
 * (Preact's render queue turns a burst of changes, such as streamed tokens, into one render.)
 */
export class ChatPanel extends Component<ChatPanelProps> {
  private input = createRef<HTMLTextAreaElement>();
  private unsubscribe: (() => void) | undefined;

  // Opening moves focus into the input so a keyboard user can type at once.
  override componentDidMount(): void {
    this.unsubscribe = this.props.model.subscribe(() => this.forceUpdate());
    this.input.current?.focus();
  }

  override componentWillUnmount(): void {
    this.unsubscribe?.();
  }

  override render({ model, options, onClose }: ChatPanelProps) {
    return (
      <div
        class="wc-panel"
        role="dialog"
        aria-label={options.title}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <header class="wc-header">
          {options.logoUrl && <img class="wc-logo" src={options.logoUrl} alt="" />}
          <h2>{options.title}</h2>
          <NewConversation model={model} />
          <button type="button" class="wc-close" aria-label="Close chat" onClick={onClose}>
            ×
          </button>
        </header>
        <MessageList model={model} greeting={options.greeting} suggestions={options.suggestions} />
        <ErrorNotice model={model} />
        <LiveAnnouncer model={model} />
        <Composer model={model} inputRef={this.input} />
      </div>
    );
  }
}
