import { Component, type RefObject } from 'preact';
import { type ChatModel, maxMessageLength } from '../state/chat-model';
import { AttachmentControls } from './AttachmentControls';
import { sensitiveKind } from './sensitive-text';

export interface ComposerProps {
  model: ChatModel;
  inputRef: RefObject<HTMLTextAreaElement>;
}

// Show the counter only near the limit, where it helps.
const counterFrom = maxMessageLength - 500;

interface ComposerState {
  text: string;
  /** What the text seems to contain ("a card number"), while the person decides to send or edit. */
  warning: string | null;
}

/** Message input: Enter sends, Shift+Enter adds a line, capped at the API's 4000 characters. */
export class Composer extends Component<ComposerProps, ComposerState> {
  override state: ComposerState = { text: '', warning: null };

  /** Puts `text` in the field: the state, and the field itself in case its render lags. */
  private fill(text: string): void {
    this.setState({ text });
    const input = this.props.inputRef.current;
    if (input) input.value = text;
  }

  private submit(confirmed = false): void {
    const { model, inputRef } = this.props;
    // Read the field itself: a fast typist's Enter can arrive before the render that would
    // bring `text` up to date.
    const message = inputRef.current?.value ?? this.state.text;
    if (model.busy() || message.trim() === '') return;
    const kind = confirmed ? null : sensitiveKind(message);
    this.setState({ warning: kind });
    if (kind) return;
    this.fill('');
    void model.send(message);
  }

  override render({ model, inputRef }: ComposerProps, { text, warning }: ComposerState) {
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
                this.setState({ warning: null });
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
            onInput={(event) => this.setState({ text: event.currentTarget.value, warning: null })}
            onKeyDown={(event) => {
              // isComposing: Enter that confirms an IME candidate must not send.
              if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                this.submit();
              }
            }}
          />
          <button type="submit" class="wc-send" disabled={model.busy() || text.trim() === ''}>
            Send
          </button>
        </div>
      </form>
    );
  }
}
