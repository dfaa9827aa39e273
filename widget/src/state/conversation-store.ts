/** The subset of Web Storage we use, so tests and storage-less pages can pass their own. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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

/** sessionStorage if this page may use it, else null (reading the property itself can throw). */
export function getSessionStorage(): KeyValueStore | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}
