import type { KeyValueStore } from '../tab-storage';

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
    /** Texts typed while offline, oldest first. */
    loadQueue(): string[] {
      return attempt(() => {
        const texts: unknown = JSON.parse(storage?.getItem(queueKey) ?? '[]');
        return Array.isArray(texts) ? texts.filter((t) => typeof t === 'string') : [];
      }, []);
    },
    saveQueue(texts: string[]): void {
      attempt(
        () =>
          texts.length
            ? storage?.setItem(queueKey, JSON.stringify(texts))
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
