import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { type ChatModel, maxMessageLength } from '../state/chat-model';

export interface ComposerProps {
  model: ChatModel;
  inputRef: RefObject<HTMLTextAreaElement>;
}

// Show the counter only near the limit, where it helps.
const counterFrom = maxMessageLength - 500;

/** Message input: Enter sends, Shift+Enter adds a line, capped at the API's 4000 characters. */
export function Composer({ model, inputRef }: ComposerProps) {
  const [text, setText] = useState('');
  const canSend = !model.busy.value && text.trim() !== '';

  function submit() {
    // Read the field itself: a fast typist's Enter can arrive before the re-render that
    // would bring `text` up to date.
    const message = inputRef.current?.value ?? text;
    if (model.busy.value || message.trim() === '') return;
    setText('');
    if (inputRef.current) inputRef.current.value = ''; // setText('') is a no-op if state lagged
    void model.send(message);
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {text.length >= counterFrom && (
        <div class="wc-count" aria-live="polite">{`${text.length} / ${maxMessageLength}`}</div>
      )}
      <div class="wc-composer">
        <textarea
          ref={inputRef}
          rows={1}
          maxLength={maxMessageLength}
          placeholder="Type your question…"
          aria-label="Your message"
          value={text}
          onInput={(event) => setText(event.currentTarget.value)}
          onKeyDown={(event) => {
            // isComposing: Enter that confirms an IME candidate must not send.
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <button type="submit" class="wc-send" disabled={!canSend}>
          Send
        </button>
      </div>
    </form>
  );
}
