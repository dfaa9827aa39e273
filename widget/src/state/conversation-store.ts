import type { Attachment } from '../api/types';
import { type KeyValueStore, storedValue } from '../tab-storage';

/** A message typed while offline: its text and the files already uploaded to go with it. */
export interface QueuedMessage {
  text: string;
  attachments?: Attachment[] | undefined;
}

/**
 * Remembers the conversation id for this tab in sessionStorage, with the messages still waiting
 * for the network, so a reload keeps the thread and loses nothing typed, while a new tab starts
 * fresh. Where storage is missing or refuses, we simply forget.
 *
 * @example const ids = createConversationStore(sessionStorage, 'demo'); ids.save('c_1')
 */
export function createConversationStore(storage: KeyValueStore | null, tenant: string) {
  const id = storedValue(storage, `wagechat:${tenant}:conversation`);
  const queue = storedValue(storage, `wagechat:${tenant}:queue`);
  return {
    load: id.read,
    save: id.write,
    /** Messages typed while offline, oldest first. */
    loadQueue(): QueuedMessage[] {
      try {
        const items: unknown = JSON.parse(queue.read() ?? '[]');
        return (Array.isArray(items) ? items : []).flatMap((item): QueuedMessage[] => {
          // A text alone is a plain string (what a widget before attachments wrote).
          if (typeof item === 'string') return [{ text: item }];
          if (typeof item?.text !== 'string') return [];
          const attachments = Array.isArray(item.attachments)
            ? item.attachments.filter((a: Attachment | null) => typeof a?.id === 'string')
            : [];
          return [{ text: item.text, ...(attachments.length ? { attachments } : {}) }];
        });
      } catch {
        return [];
      }
    },
    /** Keeps a text alone as a plain string, so widgets before attachments read it too. */
    saveQueue(items: QueuedMessage[]): void {
      const stored = items.map(({ text, attachments }) =>
        attachments?.length ? { text, attachments } : text,
      );
      queue.write(stored.length ? JSON.stringify(stored) : null);
    },
    /** Forgets the thread and anything queued for it. */
    clear(): void {
      id.write(null);
      queue.write(null);
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
