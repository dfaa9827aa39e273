import { signal } from '@preact/signals';
import { render } from 'preact';
import { createApiClient } from './api/client';
import { createEmitter, type WagechatEventName, type WagechatListener } from './events';
import type { ResolvedOptions } from './options';
import { createChatModel } from './state/chat-model';
import { createConversationStore } from './state/conversation-store';
import { getSessionStorage, type KeyValueStore } from './tab-storage';
import { App } from './ui/App';
import { widgetStyles } from './ui/styles';

/** Controls for one mounted widget. Every method is safe to call at any time, also after unmount. */
export interface WagechatHandle {
  open(): void;
  close(): void;
  /** Listen to a widget event, e.g. `on('escalation', (e) => track(e.status))`. */
  on<K extends WagechatEventName>(name: K, listener: WagechatListener<K>): void;
  off<K extends WagechatEventName>(name: K, listener: WagechatListener<K>): void;
  /**
   * Signs the chat in as your portal's user: pass the token your server signed for them. Another
   * person than before (or a visitor before) starts a new conversation; the same person keeps it.
   */
  identify(token: string): void;
  /** Back to an anonymous visitor with a new, empty conversation (call it when the user signs out). */
  signOut(): void;
  /** Removes the widget and stops any answer in flight. */
  unmount(): void;
}

/** Outside-world edges, replaceable in tests. */
export interface WidgetDeps {
  fetch?: typeof fetch;
  storage?: KeyValueStore | null;
}

/**
 * Builds the widget inside `element`: a host node with an open shadow root (open so the host's
 * tests and accessibility tools can reach in), its styles, the chat model and the UI.
 * Nothing touches the network until the visitor opens the panel.
 */
export function createWidget(
  element: Element,
  options: ResolvedOptions,
  deps: WidgetDeps = {},
): WagechatHandle {
  const host = element.ownerDocument.createElement('div');
  host.setAttribute('data-wagechat', options.tenant);
  host.style.setProperty('--wc-accent', options.accent);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = element.ownerDocument.createElement('style');
  style.textContent = widgetStyles;
  shadow.append(style);
  const container = element.ownerDocument.createElement('div');
  shadow.append(container);
  element.append(host);

  const emitter = createEmitter();
  const storage = deps.storage === undefined ? getSessionStorage() : deps.storage;
  const client = createApiClient({
    api: options.api,
    tenant: options.tenant,
    storage,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });
  const model = createChatModel({
    client,
    conversations: createConversationStore(storage, options.tenant),
    emit: emitter.emit,
  });
  const isOpen = signal(false);
  let restored = false;
  let mounted = true;

  function setOpen(open: boolean): void {
    if (!mounted || isOpen.value === open) return;
    isOpen.value = open;
    if (open && !restored) {
      restored = true;
      void model.restore();
    }
    emitter.emit(open ? 'open' : 'close', undefined);
  }

  render(<App model={model} options={options} isOpen={isOpen} onOpenChange={setOpen} />, container);
  if (options.open) setOpen(true);

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    on: emitter.on,
    off: emitter.off,
    identify(token) {
      if (!mounted || typeof token !== 'string' || token === '') return;
      if (client.identify(token)) model.reset();
    },
    signOut() {
      if (mounted && client.identify(null)) model.reset();
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      model.dispose();
      render(null, container);
      host.remove();
      emitter.clear();
    },
  };
}
