// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerStream, createFakeChatServer } from '../test/fake-chat-server';
import type { KeyValueStore } from './tab-storage';
import { createWidget, type WagechatHandle } from './widget';

let handle: WagechatHandle | null = null;
afterEach(() => {
  handle?.unmount();
  handle = null;
  document.body.innerHTML = '';
});

/** Answers GET /api/v1/widget/config itself (404 without a config), the rest goes to `fetch`. */
function withTenantConfig(
  fetch: typeof globalThis.fetch,
  config: unknown,
): typeof globalThis.fetch {
  return async (input, init) =>
    String(input).includes('/api/v1/widget/config')
      ? new Response(JSON.stringify(config ?? {}), { status: config ? 200 : 404 })
      : fetch(input, init);
}

function setup(
  options: Record<string, unknown> = {},
  storage: KeyValueStore | null = null,
  server = createFakeChatServer(),
  config?: unknown,
) {
  const element = document.createElement('div');
  document.body.append(element);
  handle = createWidget(
    element,
    [{ tenant: 'demo', api: 'https://chat.example.com', ...options }],
    { fetch: withTenantConfig(server.fetch, config), storage },
  );
  const root = element.querySelector('[data-wagechat]')?.shadowRoot as ShadowRoot;
  const $ = <T extends Element>(selector: string) => root.querySelector<T>(selector);
  return { server, root, $, element, handle };
}

// Preact renders and runs effects asynchronously; wait for the DOM rather than for a guessed delay.
const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });

async function openPanel(handle: WagechatHandle, root: ShadowRoot): Promise<HTMLTextAreaElement> {
  handle.open();
  await until(() => expect(root.querySelector('textarea')).not.toBeNull());
  return root.querySelector('textarea') as HTMLTextAreaElement;
}

function type(textarea: HTMLTextAreaElement, text: string) {
  textarea.value = text;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
}

function pressKey(target: Element, key: string, shiftKey = false) {
  target.dispatchEvent(
    new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }),
  );
}

describe('the widget UI', () => {
  it('renders inside a shadow root with adopted styles and themed by the accent option', async () => {
    const { root, $ } = setup({ accent: '#123456' });
    // Constructable stylesheets, not a <style> element a strict CSP would block.
    expect(root.querySelector('style')).toBeNull();
    expect(
      root.adoptedStyleSheets.map((s) => [...s.cssRules].map((r) => r.cssText).join('')).join(''),
    ).toContain('all: initial !important');
    await until(() => expect($<HTMLElement>('.wc-root')?.hidden).toBe(false));
    expect($<HTMLElement>('.wc-root')?.style.getPropertyValue('--wc-accent')).toBe('#123456');
    expect(root.querySelector('[role="dialog"]')).toBeNull();
    expect(root.querySelector('.wc-launcher')?.getAttribute('aria-label')).toBe(
      'Open support chat',
    );
  });

  it('opens from the launcher, focuses the input, and Escape closes back to the launcher', async () => {
    const { $, root } = setup({ title: 'Pay help' });
    $<HTMLButtonElement>('.wc-launcher')?.click();
    await until(() => expect($('[role="dialog"]')?.getAttribute('aria-label')).toBe('Pay help'));
    await until(() => expect(root.activeElement).toBe($('textarea')));
    pressKey($('textarea') as Element, 'Escape');
    await until(() => expect($('[role="dialog"]')).toBeNull());
    expect(root.activeElement).toBe($('.wc-launcher'));
  });

  it('streams the answer into the thread and shows citations as "Title, p. N"', async () => {
    const { server, root, handle } = setup();
    const messages: string[] = [];
    handle.on('message', (m) => messages.push(`${m.role}:${m.text}`));
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const citations = [
      {
        document_id: 'd1',
        title: 'Instant Pay and fees',
        page: 2,
        snippet: 'Each transfer costs $2.99',
      },
      { document_id: 'd1', title: 'Instant Pay and fees', page: 2, snippet: 'duplicate page' },
      { document_id: 'd2', title: 'Your pay card', page: 1, snippet: 'ATM' },
    ];
    server.reply({
      kind: 'stream',
      chunks: answerStream({ text: 'Each Instant Pay transfer costs **$2.99**.', citations }).split(
        /(?<=\n\n)/,
      ),
      gate,
    });
    const textarea = await openPanel(handle, root);
    type(textarea, 'What does instant pay cost?');
    pressKey(textarea, 'Enter');
    const answer = () => root.querySelector('[data-role="assistant"]')?.textContent ?? '';
    await until(() => expect(answer()).toContain('Each Instant'));
    expect(textarea.value).toBe('');
    expect(answer()).not.toContain('$2.99');
    release();
    await until(() => expect(answer()).toContain('Each Instant Pay transfer costs $2.99.'));
    await until(() => expect(root.querySelector('.wc-sources')).not.toBeNull());
    const sources = [...root.querySelectorAll('.wc-sources li')].map((li) => li.textContent);
    expect(sources).toEqual(['Instant Pay and fees, p. 2', 'Your pay card, p. 1']);
    // Spoken once, as words: the bold marks are shown as bold and not read out.
    const spoken = root.querySelector('[aria-live="polite"]')?.textContent;
    expect(spoken).toContain('costs $2.99.');
    expect(spoken).not.toContain('**');
    expect(messages).toEqual([
      'user:What does instant pay cost?',
      'assistant:Each Instant Pay transfer costs **$2.99**.',
    ]);
  });

  it('shows the handover notice when the answer is escalated', async () => {
    const { server, $, root, handle } = setup();
    server.reply({
      kind: 'stream',
      chunks: [
        answerStream({
          text: 'I could not find that.',
          escalation: { status: 'pending', ticket_id: 'T-9' },
        }),
      ],
    });
    type(await openPanel(handle, root), 'Do you sponsor work visas?');
    await until(() => expect($<HTMLButtonElement>('.wc-send')?.disabled).toBe(false));
    $<HTMLButtonElement>('.wc-send')?.click();
    await until(() => expect(root.querySelector('.wc-escalation')).not.toBeNull());
    expect(root.querySelector('.wc-escalation')?.textContent).toMatch(
      /A person will follow up with you \(ticket T-9\)/,
    );
  });

  it('offers a person in one click when the answer is only the closest passage', async () => {
    const { server, $, root, handle } = setup();
    server.reply(
      {
        kind: 'stream',
        chunks: [
          answerStream({
            text: 'The closest thing our help centre says: …',
            outcome: 'closest_passage',
          }),
        ],
      },
      {
        kind: 'stream',
        chunks: [
          answerStream({ text: 'A person will follow up.', escalation: { status: 'pending' } }),
        ],
      },
    );
    type(await openPanel(handle, root), 'can my boss keep my tips');
    await until(() => expect($<HTMLButtonElement>('.wc-send')?.disabled).toBe(false));
    $<HTMLButtonElement>('.wc-send')?.click();
    await until(() => expect($('.wc-ask-person')).not.toBeNull());
    $<HTMLButtonElement>('.wc-ask-person')?.click();
    await until(() => expect(root.querySelector('.wc-escalation')).not.toBeNull());
    const sent = server.requests.filter((r) => r.path === '/api/v1/chat/message');
    expect(sent.map((r) => (r.body as { message: string }).message)).toEqual([
      'can my boss keep my tips',
      "I'd like to talk to a person, please.",
    ]);
    // Offered once, on the latest answer; gone once a person has it.
    expect($('.wc-ask-person')).toBeNull();
  });

  it('renders server text as text, never as HTML', async () => {
    const { server, root, handle } = setup();
    server.reply({
      kind: 'stream',
      chunks: [answerStream({ text: '<img src=x onerror="alert(1)"> hi' })],
    });
    const textarea = await openPanel(handle, root);
    type(textarea, '<b>bold?</b>');
    pressKey(textarea, 'Enter');
    await until(() =>
      expect(root.querySelector('[data-role="assistant"]')?.textContent).toContain(' hi'),
    );
    expect(root.querySelector('[data-role="user"]')?.textContent).toContain('<b>bold?</b>');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.wc-messages b')).toBeNull();
    expect(root.querySelector('[data-role="assistant"]')?.textContent).toContain('<img src=x');
  });

  it('shows an error with a retry that sends the message again', async () => {
    const { server, root, handle } = setup();
    server.reply(
      {
        kind: 'status',
        status: 500,
        body: { error: { code: 'internal', message: 'Server fell over', request_id: 'r' } },
      },
      { kind: 'stream', chunks: [answerStream({ text: 'Recovered.' })] },
    );
    const textarea = await openPanel(handle, root);
    type(textarea, 'hello');
    pressKey(textarea, 'Enter');
    await until(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toContain('Server fell over'),
    );
    root.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await until(() =>
      expect(root.querySelector('[data-role="assistant"]')?.textContent).toContain('Recovered.'),
    );
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.querySelectorAll('[data-role="user"]')).toHaveLength(1);
  });

  it('keeps Shift+Enter for new lines, caps input at 4000 characters and disables send when empty', async () => {
    const { $, root, server, handle } = setup();
    const textarea = await openPanel(handle, root);
    expect(textarea.maxLength).toBe(4000);
    expect($<HTMLButtonElement>('.wc-send')?.disabled).toBe(true);
    type(textarea, 'line one');
    await until(() => expect($<HTMLButtonElement>('.wc-send')?.disabled).toBe(false));
    pressKey(textarea, 'Enter', true);
    type(textarea, 'x'.repeat(3600));
    await until(() => expect($('.wc-count')?.textContent).toBe('3600 / 4000'));
    expect(server.requests).toHaveLength(0);
  });

  it('shows the same thread after a reload, as the same visitor', async () => {
    const data = new Map<string, string>();
    const storage: KeyValueStore = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const first = setup({}, storage);
    first.server.reply({
      kind: 'stream',
      chunks: [answerStream({ text: 'Next business day.', conversationId: 'c_5' })],
    });
    const textarea = await openPanel(first.handle, first.root);
    type(textarea, 'When do tips arrive?');
    pressKey(textarea, 'Enter');
    await until(() =>
      expect(first.root.querySelector('[data-role="assistant"]')?.textContent).toContain(
        'Next business day.',
      ),
    );
    first.handle.unmount();
    document.body.innerHTML = '';

    // The "reloaded" page: same tab storage, same server, fresh widget.
    first.server.setHistory({
      conversation_id: 'c_5',
      messages: [
        { id: 'u', role: 'user', text: 'When do tips arrive?', citations: [], created_at: '' },
        { id: 'a', role: 'assistant', text: 'Next business day.', citations: [], created_at: '' },
      ],
    });
    const second = setup({}, storage, first.server);
    second.handle.open();
    await until(() => expect(second.root.querySelectorAll('[data-role]')).toHaveLength(2));
    const sessions = first.server.requests.filter((r) => r.path === '/api/v1/auth/session');
    expect(sessions).toHaveLength(1);
    expect(first.server.requests.at(-1)?.path).toBe('/api/v1/chat/history/c_5');
  });

  it('never shows one person’s thread to another: identify and signOut start afresh', async () => {
    const data = new Map<string, string>();
    const storage: KeyValueStore = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const { server, root, handle } = setup({}, storage);
    const token = (sub: string) => `h.${btoa(JSON.stringify({ sub }))}.s`;
    const ask = async (text: string, conversationId: string) => {
      server.reply({ kind: 'stream', chunks: [answerStream({ text, conversationId })] });
      const textarea = await openPanel(handle, root);
      type(textarea, 'question');
      pressKey(textarea, 'Enter');
      await until(() =>
        expect(root.querySelector('[data-role="assistant"]')?.textContent).toContain(text),
      );
    };
    await ask('Visitor answer.', 'c_visitor');
    expect(data.get('wagechat:demo:conversation')).toBe('c_visitor');

    handle.identify(token('ana'));
    await until(() => expect(root.querySelectorAll('[data-role]')).toHaveLength(0));
    expect(data.get('wagechat:demo:conversation')).toBeUndefined();
    await ask('Ana answer.', 'c_ana');
    const anaSend = server.requests.at(-1);
    expect(anaSend?.body).toEqual({ message: 'question' });

    handle.identify(token('ana')); // the portal re-sends the same user's token: thread kept
    expect(root.querySelectorAll('[data-role]')).toHaveLength(2);
    expect(data.get('wagechat:demo:conversation')).toBe('c_ana');

    handle.signOut();
    await until(() => expect(root.querySelectorAll('[data-role]')).toHaveLength(0));
    expect(data.get('wagechat:demo:conversation')).toBeUndefined();
    const sessions = server.requests.filter((r) => r.path === '/api/v1/auth/session');
    expect(sessions.map((r) => r.body)).toEqual([
      { tenant: 'demo' },
      { tenant: 'demo', customer_token: token('ana') },
    ]);
  });

  it('applies the tenant config, with the embed options winning over it', async () => {
    const config = {
      tenant: 'demo',
      title: 'Brightwell help',
      greeting: 'Hi! Ask me about your pay.',
      accent: '#ffd400',
      logo_url: 'https://cdn.example.com/logo.svg',
      position: 'bottom-left',
      suggestions: ['When are my tips paid?'],
    };
    const { $, root, handle, server } = setup({ accent: '#123456' }, null, undefined, config);
    await until(() => expect($<HTMLElement>('.wc-root')?.hidden).toBe(false));
    expect($('.wc-root')?.classList.contains('wc-left')).toBe(true);
    expect($<HTMLElement>('.wc-root')?.style.getPropertyValue('--wc-accent')).toBe('#123456');
    handle.open();
    await until(() =>
      expect($('[role="dialog"]')?.getAttribute('aria-label')).toBe('Brightwell help'),
    );
    expect($('.wc-empty')?.textContent).toContain('Hi! Ask me about your pay.');
    expect($<HTMLImageElement>('.wc-logo')?.src).toBe('https://cdn.example.com/logo.svg');
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'On Fridays.' })] });
    root.querySelector<HTMLButtonElement>('.wc-suggestion')?.click();
    await until(() => expect($('[data-role="assistant"]')?.textContent).toContain('On Fridays.'));
    expect(server.requests.at(-1)?.body).toEqual({ message: 'When are my tips paid?' });
  });

  it('stores nothing before the first open, and badges answers that arrive while closed', async () => {
    const data = new Map<string, string>();
    const storage: KeyValueStore = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const { $, root, handle, server } = setup({}, storage);
    handle.identify(`h.${btoa(JSON.stringify({ sub: 'ana' }))}.s`);
    await new Promise((r) => setTimeout(r, 50));
    expect(data.size).toBe(0);
    expect(server.requests).toHaveLength(0);
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'Tips arrive daily.' })] });
    const textarea = await openPanel(handle, root);
    type(textarea, 'When?');
    pressKey(textarea, 'Escape');
    await until(() => expect($('[role="dialog"]')).toBeNull());
    expect(root.activeElement).toBe($('.wc-launcher'));
    // Sent while closed: the answer lands with the panel shut and shows as a badge.
    handle.open();
    type(await openPanel(handle, root), 'When?');
    pressKey(root.querySelector('textarea') as Element, 'Enter');
    handle.close();
    await until(() => expect($('.wc-badge')?.textContent).toBe('1'));
    expect($<HTMLElement>('.wc-badge')?.hidden).toBe(false);
    expect($('.wc-launcher')?.getAttribute('aria-label')).toBe('Open support chat, 1 new answer');
    expect(data.size).toBeGreaterThan(0);
    handle.open();
    await until(() => expect($<HTMLElement>('.wc-badge')?.hidden).toBe(true));
    expect($('.wc-launcher')?.getAttribute('aria-expanded')).toBe('true');
  });

  it('is removed entirely by unmount, and later calls do nothing', () => {
    const { element, handle } = setup();
    handle.unmount();
    expect(element.querySelector('[data-wagechat]')).toBeNull();
    expect(() => {
      handle.open();
      handle.close();
      handle.unmount();
    }).not.toThrow();
  });
});
