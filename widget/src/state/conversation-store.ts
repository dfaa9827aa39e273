import type { Attachment } from '../api/types';
import type { KeyValueStore } from '../tab-storage';

/** A message typed while offline: its text and the files already uploaded to go with it. */
export interface QueuedMessage {
  text: string;
  attachments?: Attachment[];
}

/**
 * Remembers the conversation id for this tab in sessionStorage, with the messages still waiting
 * for the network, so a reload keeps the thread and loses nothing typed, while a new tab starts
 * fresh. Storage can be missing or throw (Safari private mode, sandboxed iframes, blocked
 * cookies), and then we simply forget.
 *
 * @example const ids = createConversationStore(sessionStorage, 'demo'); ids.save('c_1')
 */
export function createConversationStore(storage: KeyValueStore | null, tenant: string) {
  const key = `wagechat:${tenant}:conversation`;
  const queueKey = `wagechat:${tenant}:queue`;
  // Storage full or blocked: the thread just won't survive a reload.
  const attempt = <T>(run: () => T, fallback: T): T => {
    try {
      return run();
    } catch {
      return fallback;
    }
  };
  return {
    load(): string | null {
      return attempt(() => storage?.getItem(key) ?? null, null);
    },
    save(id: string): void {
      attempt(() => storage?.setItem(key, id), undefined);
    },
    /** Messages typed while offline, oldest first. */
    loadQueue(): QueuedMessage[] {
      return attempt(() => {
        const items: unknown = JSON.parse(storage?.getItem(queueKey) ?? '[]');
        if (!Array.isArray(items)) return [];
        return items.flatMap((item): QueuedMessage[] => {
          if (typeof item === 'string') return [{ text: item }];
          if (typeof item?.text !== 'string') return [];
          const attachments = Array.isArray(item.attachments)
            ? item.attachments.filter((a: Attachment | null) => typeof a?.id === 'string')
            : [];
          return [attachments.length ? { text: item.text, attachments } : { text: item.text }];
        });
      }, []);
    },
    /** A text alone is kept as a plain string (what a widget before attachments wrote). */
    saveQueue(items: QueuedMessage[]): void {
      const stored = items.map((m) => (m.attachments?.length ? m : m.text));
      attempt(
        () =>
          stored.length
            ? storage?.setItem(queueKey, JSON.stringify(stored))
            : storage?.removeItem(queueKey),
        undefined,
      );
    },
    /** Forgets the thread and anything queued for it. */
    clear(): void {
      attempt(() => {
        storage?.removeItem(key);
        storage?.removeItem(queueKey);
      }, undefined);
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
