import { Component } from 'preact';
import type { ChatMessage, ChatModel } from '../state/chat-model';

interface FeedbackProps {
  message: ChatMessage;
  model: ChatModel;
}

interface FeedbackState {
  /** The comment being typed; null until a thumb is given. */
  comment: string | null;
  thanked: boolean;
}

/** Thumbs up/down under an answer, then an optional comment that goes with the same thumbs. */
export class Feedback extends Component<FeedbackProps, FeedbackState> {
  override state: FeedbackState = { comment: null, thanked: false };

  override render({ message, model }: FeedbackProps, { comment, thanked }: FeedbackState) {
    const { feedback } = message;
    const thumb = (value: 'up' | 'down', label: string, icon: string) => (
      <button
        type="button"
        class="wc-thumb"
        aria-label={label}
        aria-pressed={feedback === value}
        onClick={() => {
          void model.rate(message.id, value);
          this.setState({ comment: '', thanked: false });
        }}
      >
        {icon}
      </button>
    );
    return (
      <div class="wc-feedback">
        {thumb('up', 'Helpful', '👍')}
        {thumb('down', 'Not helpful', '👎')}
        {thanked ? (
          <span role="status">Thanks for your feedback.</span>
        ) : (
          comment !== null &&
          feedback && (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                // The field itself: a submit can come before the render after the last keystroke.
                const text = event.currentTarget.querySelector('input')?.value ?? comment;
                if (text.trim()) void model.rate(message.id, feedback, text);
                this.setState({ thanked: true });
              }}
            >
              <input
                aria-label="Tell us more (optional)"
                placeholder="Tell us more (optional)"
                maxLength={1000}
                value={comment}
                onInput={(event) => this.setState({ comment: event.currentTarget.value })}
              />
              <button type="submit">Send</button>
            </form>
          )
        )}
      </div>
    );
  }
}
