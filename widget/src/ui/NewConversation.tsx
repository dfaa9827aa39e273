import { Component } from 'preact';
import type { ChatModel } from '../state/chat-model';

// The question just appeared: its first choice takes focus, so a keyboard user is in it. A ref
// callback that never changes runs only when the dialog mounts.
const focusFirstChoice = (dialog: HTMLElement | null) => dialog?.querySelector('button')?.focus();

/**
 * The header's "New conversation" action. When the chat that ends had answers, it first asks
 * for a 1-5 rating (skippable), then starts afresh; nothing of the old thread stays on screen.
 */
export class NewConversation extends Component<{ model: ChatModel }, { asking?: boolean }> {
  override render({ model }: { model: ChatModel }) {
    const finish = (event: Event, rating?: 1 | 2 | 3 | 4 | 5) => {
      if (rating) void model.rateConversation(rating);
      model.reset();
      this.setState({ asking: false });
      (event.currentTarget as Element).closest('.wc-panel')?.querySelector('textarea')?.focus();
    };
    return (
      <>
        <button
          type="button"
          class="wc-new"
          title="New conversation"
          aria-label="New conversation"
          onClick={(event) => {
            const { conversationId, messages } = model.state;
            if (conversationId && messages.some((m) => m.serverId)) {
              this.setState({ asking: true });
            } else finish(event);
          }}
        >
          +
        </button>
        {this.state.asking && (
          <div ref={focusFirstChoice} class="wc-rate" role="dialog" aria-label="Rate this chat">
            <p>How was this chat? (1 = poor, 5 = great)</p>
            <div>
              {([1, 2, 3, 4, 5] as const).map((n) => (
                <button
                  key={n}
                  type="button"
                  aria-label={`${n} of 5`}
                  onClick={(event) => finish(event, n)}
                >
                  {n}
                </button>
              ))}
            </div>
            <button type="button" class="wc-skip" onClick={finish}>
              Skip
            </button>
            <button type="button" class="wc-skip" onClick={() => this.setState({ asking: false })}>
              Cancel
            </button>
          </div>
        )}
      </>
    );
  }
}
