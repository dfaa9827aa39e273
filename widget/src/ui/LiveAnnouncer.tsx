import type { ChatModel } from '../state/chat-model';
import { plainText } from './Markdown';

/**
 * A polite live region that speaks each assistant answer once it is complete, instead of
 * token by token as it streams, and as words: the markdown marks are not read out.
 */
export function LiveAnnouncer({ model }: { model: ChatModel }) {
  const last = model.state.messages.at(-1);
  const complete = model.state.status === 'idle' && last?.role === 'assistant';
  const handover = last?.escalation ? ' A person will follow up with you.' : '';
  return (
    <div class="wc-sr" aria-live="polite" aria-atomic="true">
      {complete ? `Assistant: ${plainText(last.text)}${handover}` : ''}
    </div>
  );
}
