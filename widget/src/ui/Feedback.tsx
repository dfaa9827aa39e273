import { useState } from 'preact/hooks';
import type { ChatMessage, ChatModel } from '../state/chat-model';

/** Thumbs up/down under an answer, then an optional comment that goes with the same thumbs. */
export function Feedback({ message, model }: { message: ChatMessage; model: ChatModel }) {
  const [comment, setComment] = useState<string | null>(null);
  const [thanked, setThanked] = useState(false);
  const thumb = (value: 'up' | 'down', label: string, icon: string) => (
    <button
      type="button"
      class="wc-thumb"
      aria-label={label}
      aria-pressed={message.feedback === value}
      onClick={() => {
        void model.rate(message.id, value);
        setComment('');
        setThanked(false);
      }}
    >
      {icon}
    </button>
  );
  const { feedback } = message;
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
              // The field itself: a submit can come before the re-render after the last keystroke.
              const text = event.currentTarget.querySelector('input')?.value ?? comment;
              if (text.trim()) void model.rate(message.id, feedback, text);
              setThanked(true);
            }}
          >
            <input
              aria-label="Tell us more (optional)"
              placeholder="Tell us more (optional)"
              maxLength={1000}
              value={comment}
              onInput={(event) => setComment(event.currentTarget.value)}
            />
            <button type="submit">Send</button>
          </form>
        )
      )}
    </div>
  );
}
