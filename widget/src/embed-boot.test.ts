// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeChatServer } from '../test/fake-chat-server';
import { bootEmbed, type EmbedWindow } from './embed-boot';
import { startChat } from './shell/start-chat';

function scriptTag(data: Record<string, string>): HTMLScriptElement {
  const script = document.createElement('script');
  script.src = 'https://chat.example.com/widget/wagechat.js';
  Object.assign(script.dataset, data);
  return script;
}

const win = window as unknown as EmbedWindow;
// The chat chunk, as the script-tag build loads it with import(); here already in memory.
const loadChat = () => Promise.resolve(startChat);
const deps = () => ({ fetch: createFakeChatServer().fetch, storage: null, loadChat });
const hosts = () => document.querySelectorAll('[data-wagechat]');
const panel = () => hosts()[0]?.shadowRoot?.querySelector('[role="dialog"]') ?? null;

afterEach(() => {
  win.Wagechat?.unmount?.();
  delete win.Wagechat;
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('bootEmbed', () => {
  it('mounts once from data-* and ignores a second copy of the script', () => {
    bootEmbed(win, scriptTag({ tenant: 'demo' }), deps());
    bootEmbed(win, scriptTag({ tenant: 'demo' }), deps());
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.getAttribute('data-wagechat')).toBe('demo');
    expect(win.Wagechat?.loaded).toBe(true);
  });

  it('replays the stub queue with init first, whatever order it was queued in', async () => {
    const opened = vi.fn();
    // What the documented stub snippet leaves behind: arguments objects in call order.
    win.Wagechat = {
      q: [['on', 'open', opened], ['open'], ['init', { tenant: 'acme', title: 'Payroll help' }]],
    };
    bootEmbed(win, scriptTag({}), deps());
    expect(hosts()[0]?.getAttribute('data-wagechat')).toBe('acme');
    expect(opened).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(panel()?.getAttribute('aria-label')).toBe('Payroll help'));
  });

  it('exposes open, close and the callable form on window.Wagechat', async () => {
    bootEmbed(win, scriptTag({ tenant: 'demo' }), deps());
    win.Wagechat?.open?.();
    await vi.waitFor(() => expect(panel()).not.toBeNull());
    (win.Wagechat as (command: string) => void)('close');
    await vi.waitFor(() => expect(panel()).toBeNull());
  });

  it('passes a queued Wagechat("identify", token) to the widget, and signOut after it', async () => {
    const server = createFakeChatServer();
    win.Wagechat = { q: [['identify', 'h.eyJzdWIiOiJhbmEifQ.s'], ['open']] };
    bootEmbed(win, scriptTag({ tenant: 'acme' }), { fetch: server.fetch, storage: null, loadChat });
    await vi.waitFor(() => expect(panel()).not.toBeNull());
    const root = hosts()[0]?.shadowRoot as ShadowRoot;
    const textarea = root.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = 'hi';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const session = () => server.requests.find((r) => r.path === '/api/v1/auth/session');
    await vi.waitFor(() => expect(session()).toBeDefined());
    expect(session()?.body).toEqual({
      tenant: 'acme',
      customer_token: 'h.eyJzdWIiOiJhbmEifQ.s',
    });
    expect(typeof win.Wagechat?.signOut).toBe('function');
  });

  it('waits for init when the tag has no tenant, and says so', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bootEmbed(win, scriptTag({}), deps());
    expect(hosts()).toHaveLength(0);
    expect(error.mock.calls[0]?.[0]).toMatch(/data-tenant/);
    win.Wagechat?.open?.();
    win.Wagechat?.init?.({ tenant: 'late' });
    await vi.waitFor(() => expect(panel()).not.toBeNull());
  });

  it('reports bad data-* options in the console without mounting', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    bootEmbed(win, scriptTag({ tenant: 'demo', position: 'middle' }), deps());
    expect(hosts()).toHaveLength(0);
    expect(error.mock.calls[0]?.[0]).toMatch(/"position" must be one of/);
  });

  it('throws at the call site when init() gets bad options', () => {
    bootEmbed(win, scriptTag({}), deps());
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => win.Wagechat?.init?.({ tenant: 'demo', accent: 'url(evil)' })).toThrow(/"accent"/);
  });

  it('shows the launcher at once and loads the chat only when first opened', async () => {
    let loads = 0;
    let fail = true;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const flaky = () => {
      loads++;
      return fail ? Promise.reject(new TypeError('offline')) : Promise.resolve(startChat);
    };
    // requestIdleCallback never fires here: only opening may load the chat.
    vi.stubGlobal('requestIdleCallback', () => 0);
    bootEmbed(win, scriptTag({ tenant: 'demo' }), { ...deps(), loadChat: flaky });
    const root = hosts()[0]?.shadowRoot as ShadowRoot;
    await vi.waitFor(() => expect(root.querySelector<HTMLElement>('.wc-root')?.hidden).toBe(false));
    expect(root.querySelector('.wc-launcher')).not.toBeNull();
    expect(loads).toBe(0);
    win.Wagechat?.open?.();
    await vi.waitFor(() => expect(error).toHaveBeenCalled());
    // The failed load closes again; the next click tries once more and works.
    await vi.waitFor(() =>
      expect(root.querySelector('.wc-launcher')?.getAttribute('aria-expanded')).toBe('false'),
    );
    fail = false;
    root.querySelector<HTMLButtonElement>('.wc-launcher')?.click();
    await vi.waitFor(() => expect(panel()).not.toBeNull());
    expect(loads).toBe(2);
    vi.unstubAllGlobals();
  });
});
