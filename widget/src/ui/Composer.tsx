import { signal } from '@preact/signals-core';
import type { RefObject } from 'preact';
import { type ChatModel, maxMessageLength } from '../state/chat-model';
import { AttachmentControls } from './AttachmentControls';
import { Reactive } from './reactive';
import { sensitiveKind } from './sensitive-text';

export interface ComposerProps {
  model: ChatModel;
  inputRef: RefObject<HTMLTextAreaElement>;
}

// Show the counter only near the limit, where it helps.
const counterFrom = maxMessageLength - 500;

/** Message input: Enter sends, Shift+Enter adds a line, capped at the API's 4000 characters. */
export class Composer extends Reactive<ComposerProps> {
  private text = signal('');
  /** What the text seems to contain ("a card number"), while the person decides to send or edit. */
  private warning = signal<string | null>(null);

  /** Puts `text` in the field: the signal, and the field itself in case its render lags. */
  private fill(text: string): void {
    this.text.value = text;
    const input = this.props.inputRef.current;
    if (input) input.value = text;
  }

  private submit(confirmed = false): void {
    const { model, inputRef } = this.props;
    // Read the field itself: a fast typist's Enter can arrive before the render that would
    // bring `text` up to date.
    const message = inputRef.current?.value ?? this.text.value;
    if (model.busy.value || message.trim() === '') return;
    const kind = confirmed ? null : sensitiveKind(message);
    this.warning.value = kind;
    if (kind) return;
    this.fill('');
    void model.send(message);
  }

  view({ model, inputRef }: ComposerProps) {
    const text = this.text.value;
    const warning = this.warning.value;
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          this.submit();
        }}
      >
        {warning && (
          <div class="wc-warn" role="alert">
            {`This looks like ${warning}. Send anyway?`}
            <button type="button" onClick={() => this.submit(true)}>
              Send anyway
            </button>
            <button
              type="button"
              onClick={() => {
                this.warning.value = null;
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
            this.fill(transcript);
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
              this.text.value = event.currentTarget.value;
              this.warning.value = null;
            }}
            onKeyDown={(event) => {
              // isComposing: Enter that confirms an IME candidate must not send.
              if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                this.submit();
              }
            }}
          />
          <button type="submit" class="wc-send" disabled={model.busy.value || text.trim() === ''}>
            Send
          </button>
        </div>
      </form>
    );
  }
}
