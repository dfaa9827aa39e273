import type { ChatModel } from '../state/chat-model';

/**
 * A polite live region that speaks each assistant answer once it is complete, instead of
 * token by token as it streams.
 */
export function LiveAnnouncer({ model }: { model: ChatModel }) {
  const last = model.messages.value.at(-1);
  const complete = model.status.value === 'idle' && last?.role === 'assistant';
  const handover = last?.escalation ? ' A person will follow up with you.' : '';
  return (
    <div class="wc-sr" aria-live="polite" aria-atomic="true">
      {complete ? `Assistant: ${last.text}${handover}` : ''}
    </div>
  );
}
