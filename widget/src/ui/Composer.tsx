import type { RefObject } from 'preact';
import { useState } from 'preact/hooks';
import { type ChatModel, maxMessageLength } from '../state/chat-model';
import { AttachmentControls } from './AttachmentControls';
import { sensitiveKind } from './sensitive-text';

export interface ComposerProps {
  model: ChatModel;
  inputRef: RefObject<HTMLTextAreaElement>;
}

// Show the counter only near the limit, where it helps.
const counterFrom = maxMessageLength - 500;

/** Message input: Enter sends, Shift+Enter adds a line, capped at the API's 4000 characters. */
export function Composer({ model, inputRef }: ComposerProps) {
  const [text, setText] = useState('');
  // What the text seems to contain ("a card number"), while the person decides to send or edit.
  const [warning, setWarning] = useState<string | null>(null);
  const canSend = !model.busy.value && text.trim() !== '';

  function submit(confirmed = false) {
    // Read the field itself: a fast typist's Enter can arrive before the re-render that
    // would bring `text` up to date.
    const message = inputRef.current?.value ?? text;
    if (model.busy.value || message.trim() === '') return;
    const kind = confirmed ? null : sensitiveKind(message);
    setWarning(kind);
    if (kind) return;
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
      {warning && (
        <div class="wc-warn" role="alert">
          {`This looks like ${warning}. Send anyway?`}
          <button type="button" onClick={() => submit(true)}>
            Send anyway
          </button>
          <button
            type="button"
            onClick={() => {
              setWarning(null);
              inputRef.current?.focus();
            }}
          >
            Edit
          </button>
        </div>
      )}
      {text.length >= counterFrom && (
        <div class="wc-count" aria-live="polite">{`${text.length} / ${maxMessageLength}`}</div>
      )}
      <AttachmentControls
        model={model}
        onTranscript={(transcript) => {
          setText(transcript);
          if (inputRef.current) inputRef.current.value = transcript;
          inputRef.current?.focus();
        }}
      />
      <div class="wc-composer">
        <textarea
          ref={inputRef}
          rows={1}
          maxLength={maxMessageLength}
          placeholder="Type your question…"
          aria-label="Your message"
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
            setWarning(null);
          }}
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
