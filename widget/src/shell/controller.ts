import {
  createEmitter,
  type Emitter,
  type WagechatEventMap,
  type WagechatEventName,
  type WagechatListener,
} from '../events';
import {
  createDefaultOptions,
  type ResolvedOptions,
  resolveOptions,
  type WagechatOptions,
} from '../options';
import type { KeyValueStore } from '../tab-storage';
import { panelStyles } from '../ui/styles';
import { adoptStyles } from './adopt-styles';
import { onAccentColour } from './contrast';
import { createLauncher } from './launcher';
import { shellStyles } from './shell-styles';
import { loadTenantTheme } from './tenant-config';
import { createViewportFit } from './viewport-fit';

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

/** What the shell hands the chat (the Preact part, loaded later in the script-tag install). */
export interface ChatHost {
  /** Where the panel goes, before the launcher. */
  root: HTMLElement;
  options: ResolvedOptions;
  emit: Emitter['emit'];
  /** Close asked from inside the panel (Escape, ×): focus goes back to the launcher. */
  requestClose(): void;
  deps: WidgetDeps;
}

/** The running chat as the shell drives it. */
export interface ChatSession {
  setOpen(open: boolean): void;
  /** A portal token, or null to sign out. */
  identify(token: string | null): void;
  dispose(): void;
}

export type StartChat = (host: ChatHost) => ChatSession;

// Preload when the page is idle; a browser without requestIdleCallback (Safari) waits a bit.
function whenIdle(win: Window | null, run: () => void): void {
  if (win?.requestIdleCallback) win.requestIdleCallback(run, { timeout: 5000 });
  else setTimeout(run, 1500);
}

/**
 * The widget's shell, small enough for the first script: a host element with a shadow root,
 * the launcher, the tenant's theme, open/close, unread count and the event API. The chat
 * itself (`loadChat`) arrives when the person first opens the panel or the page is idle.
 * Options are validated here, synchronously, so a typo throws at the line that made it.
 *
 * @example createController(document.body, [{ tenant: 'demo' }], () => import('./app.js').then((m) => m.startChat))
 */
export function createController(
  element: Element,
  layers: ReadonlyArray<Partial<WagechatOptions> | undefined>,
  loadChat: () => Promise<StartChat>,
  deps: WidgetDeps = {},
): WagechatHandle {
  const doc = element.ownerDocument;
  const win = doc.defaultView;
  const defaults = createDefaultOptions(doc.location?.origin ?? '');
  let options: ResolvedOptions = {
    ...resolveOptions(defaults, ...layers),
    logoUrl: null,
    suggestions: [],
  };
  const host = doc.createElement('div');
  host.setAttribute('data-wagechat', options.tenant);
  const shadow = host.attachShadow({ mode: 'open' });
  // The panel's styles too: see shell-styles.ts for why they ship in the first script.
  adoptStyles(shadow, shellStyles + panelStyles);
  const root = doc.createElement('div');
  root.className = 'wc-root';
  // Hidden until the theme is known, so the launcher never jumps sides (no layout shift).
  root.hidden = true;
  const launcher = createLauncher(doc, () => (open ? requestClose() : setOpen(true)));
  root.append(launcher.button);
  shadow.append(root);
  element.append(host);

  const emitter = createEmitter();
  const viewport = createViewportFit(root);
  let open = false;
  let unread = 0;
  let mounted = true;
  let session: ChatSession | null = null;
  let loading: Promise<void> | null = null;
  // identify()/signOut() before the chat has loaded: applied when it starts (undefined = none).
  let identity: string | null | undefined;

  function emit<K extends WagechatEventName>(name: K, payload: WagechatEventMap[K]): void {
    const message = payload as WagechatEventMap['message'];
    if (name === 'message' && message.role === 'assistant' && !open) {
      unread++;
      paint();
    }
    emitter.emit(name, payload);
  }

  function paint(): void {
    launcher.update(open, unread);
    root.classList.toggle('wc-open', open);
  }

  function requestClose(): void {
    setOpen(false);
    launcher.button.focus();
  }

  const themed = loadTenantTheme(
    options.api,
    options.tenant,
    deps.fetch ?? globalThis.fetch.bind(globalThis),
  ).then((theme) => {
    if (!mounted) return;
    try {
      options = {
        ...resolveOptions(defaults, theme.options, ...layers),
        logoUrl: theme.logoUrl,
        suggestions: theme.suggestions,
      };
    } catch {
      // readTenantTheme checked each value; keep the tag's options if that ever fails.
    }
    root.classList.toggle('wc-left', options.position === 'bottom-left');
    root.style.setProperty('--wc-accent', options.accent);
    // The browser resolves any colour syntax; the text on it gets the better of black/white.
    const accent = win?.getComputedStyle(launcher.button).backgroundColor ?? '';
    if (accent) root.style.setProperty('--wc-on-accent', onAccentColour(accent));
    root.hidden = false;
    if (options.open) setOpen(true);
    whenIdle(win, () => void load());
  });

  function load(): Promise<void> {
    loading ??= themed
      .then(loadChat)
      .then((start) => {
        if (!mounted || session) return;
        session = start({ root, options, emit, requestClose, deps });
        if (identity !== undefined) session.identify(identity);
        session.setOpen(open);
      })
      .catch((error: unknown) => {
        // Offline or blocked: the launcher stays, and the next click tries again.
        console.error('Wagechat: the chat could not load.', error);
        loading = null;
        if (open) setOpen(false);
      });
    return loading;
  }

  function setOpen(next: boolean): void {
    if (!mounted || open === next) return;
    open = next;
    if (next) unread = 0;
    paint();
    viewport.set(next);
    if (session) session.setOpen(next);
    else if (next) void load();
    emitter.emit(next ? 'open' : 'close', undefined);
  }

  function setIdentity(token: string | null): void {
    if (!mounted) return;
    if (session) session.identify(token);
    else identity = token;
  }

  return {
    open: () => setOpen(true),
    close: () => setOpen(false),
    on: emitter.on,
    off: emitter.off,
    identify(token) {
      if (typeof token === 'string' && token !== '') setIdentity(token);
    },
    signOut: () => setIdentity(null),
    unmount() {
      if (!mounted) return;
      viewport.set(false);
      mounted = false;
      session?.dispose();
      host.remove();
      emitter.clear();
    },
  };
}
