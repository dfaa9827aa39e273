import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatModel } from '../state/chat-model';

/**
 * The header's "New conversation" action. When the chat that ends had answers, it first asks
 * for a 1-5 rating (skippable), then starts afresh; nothing of the old thread stays on screen.
 */
export function NewConversation({ model }: { model: ChatModel }) {
  const [asking, setAsking] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  // The question just appeared: its first choice takes focus, so a keyboard user is in it.
  useEffect(() => {
    if (asking) dialog.current?.querySelector('button')?.focus();
  }, [asking]);
  function finish(rating?: 1 | 2 | 3 | 4 | 5) {
    if (rating) void model.rateConversation(rating);
    model.reset();
    setAsking(false);
    button.current?.closest('.wc-panel')?.querySelector('textarea')?.focus();
  }
  return (
    <>
      <button
        ref={button}
        type="button"
        class="wc-new"
        title="New conversation"
        aria-label="New conversation"
        onClick={() =>
          model.conversationId.value && model.messages.value.some((m) => m.serverId)
            ? setAsking(true)
            : finish()
        }
      >
        ＋
      </button>
      {asking && (
        <div ref={dialog} class="wc-rate" role="dialog" aria-label="Rate this chat">
          <p>How was this chat? (1 = poor, 5 = great)</p>
          <div>
            {([1, 2, 3, 4, 5] as const).map((n) => (
              <button key={n} type="button" aria-label={`${n} of 5`} onClick={() => finish(n)}>
                {n}
              </button>
            ))}
          </div>
          <button type="button" class="wc-skip" onClick={() => finish()}>
            Skip
          </button>
          <button type="button" class="wc-skip" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </div>
      )}
    </>
  );
}
