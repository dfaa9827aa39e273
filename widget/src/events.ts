import type { ApiFailure, Escalation } from './api/types';

/**
 * Everything a host page can listen to with `on(name, listener)`. Kept as one typed map so the
 * names and payloads are documented in a single place and checked at the call site.
 */
export interface WagechatEventMap {
  /** The panel opened. */
  open: undefined;
  /** The panel closed. */
  close: undefined;
  /** A message was completed: the visitor's as sent, or the assistant's once fully streamed. */
  message: { role: 'user' | 'assistant' | 'agent'; text: string; conversationId: string | null };
  /** The conversation was handed over to a person. */
  escalation: Escalation;
  /** A send failed; the panel shows it with a retry button. */
  error: ApiFailure;
}

export type WagechatEventName = keyof WagechatEventMap;
export type WagechatListener<K extends WagechatEventName> = (payload: WagechatEventMap[K]) => void;

/** A tiny typed event emitter. A throwing listener is reported, never allowed to break the chat. */
export function createEmitter() {
  const listeners = new Map<WagechatEventName, Set<(payload: never) => void>>();
  return {
    on<K extends WagechatEventName>(name: K, listener: WagechatListener<K>): void {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as (payload: never) => void);
    },
    off<K extends WagechatEventName>(name: K, listener: WagechatListener<K>): void {
      listeners.get(name)?.delete(listener as (payload: never) => void);
    },
    emit<K extends WagechatEventName>(name: K, payload: WagechatEventMap[K]): void {
      for (const listener of [...(listeners.get(name) ?? [])]) {
        try {
          (listener as WagechatListener<K>)(payload);
        } catch (error) {
          console.error(`Wagechat: a "${name}" listener threw`, error);
        }
      }
    },
    clear(): void {
      listeners.clear();
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
