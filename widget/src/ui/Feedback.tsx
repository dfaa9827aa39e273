import { signal } from '@preact/signals-core';
import type { ChatMessage, ChatModel } from '../state/chat-model';
import { Reactive } from './reactive';

interface FeedbackProps {
  message: ChatMessage;
  model: ChatModel;
}

/** Thumbs up/down under an answer, then an optional comment that goes with the same thumbs. */
export class Feedback extends Reactive<FeedbackProps> {
  /** The comment being typed; null until a thumb is given. */
  private comment = signal<string | null>(null);
  private thanked = signal(false);

  view({ message, model }: FeedbackProps) {
    const { feedback } = message;
    const comment = this.comment.value;
    const thumb = (value: 'up' | 'down', label: string, icon: string) => (
      <button
        type="button"
        class="wc-thumb"
        aria-label={label}
        aria-pressed={feedback === value}
        onClick={() => {
          void model.rate(message.id, value);
          this.comment.value = '';
          this.thanked.value = false;
        }}
      >
        {icon}
      </button>
    );
    return (
      <div class="wc-feedback">
        {thumb('up', 'Helpful', '👍')}
        {thumb('down', 'Not helpful', '👎')}
        {this.thanked.value ? (
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
                this.thanked.value = true;
              }}
            >
              <input
                aria-label="Tell us more (optional)"
                placeholder="Tell us more (optional)"
                maxLength={1000}
                value={comment}
                onInput={(event) => {
                  this.comment.value = event.currentTarget.value;
                }}
              />
              <button type="submit">Send</button>
            </form>
          )
        )}
      </div>
    );
  }
}
