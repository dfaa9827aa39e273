import type { ChatModel } from '../state/chat-model';
import { Reactive } from './reactive';

const friendly: Partial<Record<string, string>> = {
  rate_limited: 'You are sending messages too quickly. Please wait a moment.',
  network: 'You seem to be offline. Your message will be sent when the connection is back.',
  too_large: 'That message is too long.',
};

/** The last send's failure with a retry button; announced at once (role=alert). */
export class ErrorNotice extends Reactive<{ model: ChatModel }> {
  view({ model }: { model: ChatModel }) {
    const error = model.error.value;
    if (model.status.value !== 'error' || !error) return null;
    return (
      <div class="wc-error" role="alert">
        <span>{friendly[error.code] ?? error.message}</span>
        {model.messages.value.some((m) => m.failed || m.queued) && (
          <button type="button" onClick={() => void model.retry()}>
            Retry
          </button>
        )}
      </div>
    );
  }
}
