import { render } from 'preact';
import { createApiClient } from '../api/client';
import { createChatModel } from '../state/chat-model';
import { createConversationStore } from '../state/conversation-store';
import { getSessionStorage } from '../tab-storage';
import { ChatPanel } from '../ui/ChatPanel';
import type { ChatSession, StartChat } from './controller';

/**
 * The chat behind the launcher: the API client, the chat model and the panel.
 * Nothing touches the network or storage until the panel first opens (reading the tab's
 * stored conversation id is all it does before that).
 */
export const startChat: StartChat = ({ root, options, emit, requestClose, deps }) => {
  const slot = root.ownerDocument.createElement('div');
  slot.className = 'wc-slot';
  root.prepend(slot);
  const storage = deps.storage === undefined ? getSessionStorage() : deps.storage;
  const client = createApiClient({
    api: options.api,
    tenant: options.tenant,
    storage,
    fetch: deps.fetch,
  });
  const model = createChatModel({
    client,
    conversations: createConversationStore(storage, options.tenant),
    emit,
  });
  let restored = false;

  const session: ChatSession = {
    // The panel exists only while open; the launcher belongs to the shell (plain DOM).
    setOpen(open) {
      render(
        open ? <ChatPanel model={model} options={options} onClose={requestClose} /> : null,
        slot,
      );
      if (open && !restored) {
        restored = true;
        void model.restore();
      }
    },
    identify(token) {
      if (client.identify(token)) model.reset();
    },
    dispose() {
      model.dispose();
      render(null, slot);
      slot.remove();
    },
  };
  return session;
};
