/**
 * The subset of Web Storage the widget uses, so tests and storage-less pages can pass their own.
 * Callers must expect every method to throw (Safari private mode, sandboxed iframes, blocked
 * cookies) and carry on without persistence.
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
