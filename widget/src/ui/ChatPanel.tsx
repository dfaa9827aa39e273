import type { Ref } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { ChatModel } from '../state/chat-model';
import { Composer } from './Composer';
import { ErrorNotice } from './ErrorNotice';
import { LiveAnnouncer } from './LiveAnnouncer';
import { MessageList } from './MessageList';

export interface ChatPanelProps {
  model: ChatModel;
  title: string;
  onClose: () => void;
  panelRef: Ref<HTMLDivElement>;
}

/** The open chat: header, thread, status and input. Escape anywhere inside closes it. */
export function ChatPanel({ model, title, onClose, panelRef }: ChatPanelProps) {
  const inputRef = useRef<HTMLTextAreaElement>(null);

  // Opening moves focus into the input so a keyboard user can type at once.
  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  return (
    <div
      ref={panelRef}
      class="wc-panel"
      role="dialog"
      aria-label={title}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <header class="wc-header">
        <h2>{title}</h2>
        <button type="button" class="wc-close" aria-label="Close chat" onClick={onClose}>
          ×
        </button>
      </header>
      <MessageList model={model} />
      <ErrorNotice model={model} />
      <LiveAnnouncer model={model} />
      <Composer model={model} inputRef={inputRef} />
    </div>
  );
}
