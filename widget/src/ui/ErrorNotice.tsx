import type { ChatModel } from '../state/chat-model';

const friendly: Partial<Record<string, string>> = {
  rate_limited: 'You are sending messages too quickly. Please wait a moment.',
  network: 'You seem to be offline. Your message will be sent when the connection is back.',
  too_large: 'That message is too long.',
};

/** The last send's failure with a retry button; announced at once (role=alert). */
export function ErrorNotice({ model }: { model: ChatModel }) {
  const { error, status, messages } = model.state;
  if (status !== 'error' || !error) return null;
  return (
    <div class="wc-error" role="alert">
      <span>{friendly[error.code] ?? error.message}</span>
      {messages.some((m) => m.failed || m.queued) && (
        <button type="button" onClick={() => void model.retry()}>
          Retry
        </button>
      )}
    </div>
  );
}
