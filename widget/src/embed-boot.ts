import {
  createDefaultOptions,
  readDataOptions,
  resolveOptions,
  type WagechatOptions,
} from './options';
import {
  createController,
  type StartChat,
  type WagechatHandle,
  type WidgetDeps,
} from './shell/controller';

/**
 * `window.Wagechat`: callable like the queueing stub (`Wagechat('open')`) and with methods
 * (`Wagechat.open()`), so calls made before and after the script loaded read the same.
 */
export interface WagechatGlobal extends WagechatHandle {
  (command: string, ...args: unknown[]): void;
  /** Calls queued by the stub snippet before this script arrived. */
  q?: ArrayLike<unknown>[];
  /** Set once the real script has run; a second copy of the script sees it and does nothing. */
  loaded?: true;
  init(options?: Partial<WagechatOptions>): void;
}

export type EmbedWindow = Window & {
  Wagechat?: Partial<WagechatGlobal> & { q?: ArrayLike<unknown>[] };
};

function whenBodyReady(doc: Document, run: () => void): void {
  if (doc.body) run();
  else doc.addEventListener('DOMContentLoaded', run, { once: true });
}

/** What the loader needs besides the page: how to fetch the chat chunk, and test doubles. */
export interface EmbedDeps extends WidgetDeps {
  loadChat: () => Promise<StartChat>;
}

/**
 * Starts the script-tag install: reads `data-*` from our script tag, replays the stub's queue
 * with `init` first (it decides the options every other call depends on), then mounts the
 * shell into <body>; the chat itself comes from `deps.loadChat`. Running it twice on one page
 * is a no-op.
 */
export function bootEmbed(
  win: EmbedWindow,
  script: HTMLScriptElement | null,
  deps: EmbedDeps,
): void {
  const previous = win.Wagechat;
  if (previous?.loaded) return;
  const doc = win.document;
  const queue = Array.from(previous?.q ?? [], (args) => Array.from(args));
  const dataOptions = script ? readDataOptions(script) : {};
  let handle: WagechatHandle | null = null;
  let starting = false;
  const waiting: Array<(handle: WagechatHandle) => void> = [];

  function init(options?: Partial<WagechatOptions>): void {
    if (handle || starting) {
      console.warn('Wagechat: init() was already called; this call is ignored.');
      return;
    }
    // Throws here, synchronously, so a typo shows up at the line that made it.
    const layers = [dataOptions, options];
    resolveOptions(createDefaultOptions(win.location.origin), ...layers);
    starting = true;
    const { loadChat, ...edges } = deps;
    whenBodyReady(doc, () => {
      handle = createController(doc.body, layers, loadChat, edges);
      for (const run of waiting.splice(0)) run(handle);
    });
  }

  function withHandle(run: (handle: WagechatHandle) => void): void {
    if (handle) run(handle);
    else waiting.push(run);
  }

  const methods = {
    init,
    open: () => withHandle((h) => h.open()),
    close: () => withHandle((h) => h.close()),
    on: ((name, listener) => withHandle((h) => h.on(name, listener))) as WagechatGlobal['on'],
    off: ((name, listener) => withHandle((h) => h.off(name, listener))) as WagechatGlobal['off'],
    identify: (token: string) => withHandle((h) => h.identify(token)),
    signOut: () => withHandle((h) => h.signOut()),
    unmount: () =>
      withHandle((h) => {
        h.unmount();
        handle = null;
        starting = false;
      }),
  };

  function call(command: unknown, args: unknown[]): void {
    const method =
      typeof command === 'string' ? methods[command as keyof typeof methods] : undefined;
    if (!method) {
      console.error(
        `Wagechat: unknown command ${String(command)}. Known: ${Object.keys(methods).join(', ')}.`,
      );
      return;
    }
    (method as (...a: unknown[]) => void)(...args);
  }

  const global: WagechatGlobal = Object.assign(
    (command: string, ...args: unknown[]) => call(command, args),
    {
      ...methods,
      loaded: true as const,
    },
  );
  win.Wagechat = global;

  try {
    const queuedInit = queue.find((args) => args[0] === 'init');
    if (queuedInit) init(queuedInit[1] as Partial<WagechatOptions>);
    else if (dataOptions.tenant !== undefined) init();
    else if (script) {
      console.error(
        'Wagechat: add data-tenant="…" to the script tag, or call Wagechat("init", { tenant }).',
      );
    }
  } catch (error) {
    // The page keeps working without the chat; the message names the bad option.
    console.error(error instanceof Error ? error.message : error);
  }
  for (const args of queue) if (args[0] !== 'init') call(args[0], args.slice(1));
}
