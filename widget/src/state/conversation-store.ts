import type { KeyValueStore } from '../tab-storage';

/**
 * Remembers the conversation id for this tab in sessionStorage, so a reload keeps the thread
 * while a new tab starts fresh. Storage can be missing or throw (Safari private mode, sandboxed
 * iframes, blocked cookies), and then we simply forget.
 *
 * @example const ids = createConversationStore(sessionStorage, 'demo'); ids.save('c_1')
 */
export function createConversationStore(storage: KeyValueStore | null, tenant: string) {
  const key = `wagechat:${tenant}:conversation`;
  return {
    load(): string | null {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    save(id: string): void {
      try {
        storage?.setItem(key, id);
      } catch {
        // Storage full or blocked: the thread just won't survive a reload.
      }
    },
    clear(): void {
      try {
        storage?.removeItem(key);
      } catch {
        // As above.
      }
    },
  };
}

export type ConversationStore = ReturnType<typeof createConversationStore>;
