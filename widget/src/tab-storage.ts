/**
 * The subset of Web Storage the widget uses, so tests and storage-less pages can pass their own.
 * Every method may throw (Safari private mode, sandboxed iframes, blocked cookies, a full
 * quota), so the widget reaches it only through `storedValue`.
 */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** sessionStorage if this page may use it, else null (reading the property itself can throw). */
export function getSessionStorage(): KeyValueStore | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * One key of `storage`, read and written without ever throwing: storage that refuses simply
 * keeps nothing, and the widget carries on without persistence.
 *
 * @example const id = storedValue(sessionStorage, 'wagechat:demo:conversation'); id.write('c_1')
 */
export function storedValue(storage: KeyValueStore | null, key: string) {
  return {
    read(): string | null {
      try {
        return storage?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    /** Stores `value`; null removes the key. */
    write(value: string | null): void {
      try {
        if (value === null) storage?.removeItem(key);
        else storage?.setItem(key, value);
      } catch {
        // Refused: not kept.
      }
    },
  };
}
