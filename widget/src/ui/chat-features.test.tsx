// @vitest-environment happy-dom
import { createRef, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerStream, createFakeChatServer } from '../../test/fake-chat-server';
import { LiveView } from '../../test/live-view';
import { createApiClient } from '../api/client';
import { createEmitter } from '../events';
import { type ChatMessage, createChatModel, type NetworkWatch } from '../state/chat-model';
import { createConversationStore } from '../state/conversation-store';
import { Composer } from './Composer';
import { ErrorNotice } from './ErrorNotice';
import { MessageItem } from './MessageItem';
import { MessageList } from './MessageList';
import { NewConversation } from './NewConversation';

const api = 'https://chat.example.com';
const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.restoreAllMocks();
});

/** The panel's parts around a real model and client, talking to the fake server. */
function setup(network?: NetworkWatch) {
  const server = createFakeChatServer();
  const model = createChatModel({
    client: createApiClient({ api, tenant: 'demo', fetch: server.fetch }),
    conversations: createConversationStore(null, 'demo'),
    emit: createEmitter().emit,
    ...(network ? { network } : {}),
  });
  const root = document.createElement('div');
  root.className = 'wc-panel';
  document.body.append(root);
  const inputRef = createRef<HTMLTextAreaElement>();
  render(
    <LiveView model={model}>
      {() => (
        <>
          <NewConversation model={model} />
          <MessageList model={model} greeting="Hi" suggestions={[]} />
          <ErrorNotice model={model} />
          <Composer model={model} inputRef={inputRef} />
        </>
      )}
    </LiveView>,
    root,
  );
  cleanup = () => {
    model.dispose();
    render(null, root);
    root.remove();
  };
  const $ = <T extends Element = HTMLElement>(s: string) => root.querySelector<T>(s);
  const $$ = (s: string) => [...root.querySelectorAll<HTMLElement>(s)];
  const button = (label: string) =>
    $$('button').find((b) => b.textContent === label || b.getAttribute('aria-label') === label);
  async function say(text: string) {
    const textarea = $<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement;
    textarea.value = text;
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  }
  return { server, model, root, $, $$, button, say };
}

const exp = () => Math.floor(Date.now() / 1000);
const citation = (url?: string) => ({
  document_id: 'd1',
  title: 'Tip payouts',
  page: 3,
  snippet: 'Tips arrive next day',
  ...(url ? { url } : {}),
});

describe('answers', () => {
  it('keeps what the person types while an answer streams in, and sends it after', async () => {
    const { server, $, say } = setup();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.reply({
      kind: 'stream',
      chunks: answerStream({ text: 'Tips arrive the next business day.' }).split(/(?<=\n\n)/),
      gate,
    });
    await say('when do tips arrive?');
    await until(() => expect($('[data-role="assistant"]')?.textContent).toContain('Tips'));
    const textarea = $<HTMLTextAreaElement>('textarea') as HTMLTextAreaElement;
    textarea.value = 'and on holidays?';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    release();
    await until(() => expect($('[data-role="assistant"]')?.textContent).toContain('day.'));
    // The panel rendered again for every streamed event; the field kept the typing.
    expect(textarea.value).toBe('and on holidays?');
    await until(() => expect($<HTMLButtonElement>('.wc-send')?.disabled).toBe(false));
  });

  it('renders markdown as elements and an injection attempt as text', async () => {
    const { server, $, say } = setup();
    server.reply({
      kind: 'stream',
      chunks: [
        answerStream({
          text: '**Fees**\n- <img src=x onerror=alert(1)> [x](javascript:alert(1))\n- [help](https://help.example.com)',
        }),
      ],
    });
    await say('fees?');
    await until(() => expect($('[data-role="assistant"] strong')?.textContent).toBe('Fees'));
    const answer = $('[data-role="assistant"]') as HTMLElement;
    expect(answer.querySelectorAll('li')).toHaveLength(2);
    expect(answer.querySelector('img, [onerror]')).toBeNull();
    expect(answer.textContent).toContain('<img src=x onerror=alert(1)>');
    expect([...answer.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      'https://help.example.com',
    ]);
  });

  it("shows a person's reply as 'Name (support)' and the hand-over status with its ticket", async () => {
    const { model, root, $$ } = setup();
    const messages: ChatMessage[] = [
      {
        id: 'p',
        role: 'agent',
        author: { name: 'Dana' },
        text: 'Hello from **Dana**',
        citations: [],
        escalation: null,
      },
      {
        id: 'a',
        role: 'assistant',
        text: 'Handed over.',
        citations: [],
        escalation: { status: 'pending', ticket_id: 'T-7' },
      },
    ];
    // No server sends a person's reply yet (the Zendesk hand-over will): shown as the list would.
    render(
      <ol>
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} model={model} complete />
        ))}
      </ol>,
      root,
    );
    await until(() => expect($$('.wc-author')[0]?.textContent).toBe('Dana (support)'));
    expect($$('.wc-escalation')[0]?.textContent).toMatch(
      /ticket T-7.*Status: waiting for a person/,
    );
  });
});

describe('citation chips', () => {
  it('link a fresh signed URL to the PDF page in a new tab without an opener', async () => {
    const { server, $, say } = setup();
    const url = `/api/v1/documents/d1/file?v=1&exp=${exp() + 900}&sig=s`;
    server.reply({
      kind: 'stream',
      chunks: [answerStream({ text: 'ok', citations: [citation(url)] })],
    });
    await say('when?');
    await until(() => expect($('.wc-chip')).not.toBeNull());
    const chip = $<HTMLAnchorElement>('.wc-chip') as HTMLAnchorElement;
    expect(chip.textContent).toBe('Tip payouts, p. 3');
    expect(chip.getAttribute('href')).toBe(`${api}${url}#page=3`);
    expect(chip.getAttribute('target')).toBe('_blank');
    expect(chip.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('renew an expired link: the tab opens during the click, then goes to the fresh URL', async () => {
    const { server, $, say } = setup();
    const old = `/api/v1/documents/d1/file?v=1&exp=${exp() - 10}&sig=s`;
    server.reply({
      kind: 'stream',
      chunks: [answerStream({ text: 'ok', citations: [citation(old)] })],
    });
    await say('when?');
    await until(() => expect($('.wc-chip')).not.toBeNull());
    const fresh = `/api/v1/documents/d1/file?v=1&exp=${exp() + 900}&sig=new`;
    server.reply({ kind: 'json', body: { url: fresh, expires_at: '' } });
    const tab = { opener: {} as unknown, location: { href: '' }, close: vi.fn() };
    const open = vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    $('.wc-chip')?.dispatchEvent(click);
    expect(click.defaultPrevented).toBe(true);
    expect(open).toHaveBeenCalledWith('', '_blank');
    expect(tab.opener).toBeNull();
    await until(() => expect(tab.location.href).toBe(`${api}${fresh}#page=3`));
    expect(server.requests.at(-1)?.path).toBe('/api/v1/documents/d1/link');
  });
});

describe('feedback', () => {
  it('sends thumbs, then an optional comment, for a finished answer', async () => {
    const { server, $, button, say } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok', conversationId: 'c1' })] });
    await say('q');
    await until(() => expect(button('Not helpful')).toBeDefined());
    const created = { kind: 'status', status: 201, body: { feedback_id: 'f' } } as const;
    server.reply(created, created);
    button('Not helpful')?.click();
    await until(() => expect(button('Not helpful')?.getAttribute('aria-pressed')).toBe('true'));
    const input = $<HTMLInputElement>('.wc-feedback input') as HTMLInputElement;
    input.value = 'too short';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    $('.wc-feedback form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await until(() => expect($('.wc-feedback [role="status"]')?.textContent).toContain('Thanks'));
    const posts = server.requests.filter((r) => r.path === '/api/v1/chat/feedback');
    expect(posts.map((r) => r.body)).toEqual([
      { conversation_id: 'c1', message_id: 'm_1', thumbs: 'down' },
      { conversation_id: 'c1', message_id: 'm_1', thumbs: 'down', comment: 'too short' },
    ]);
  });
});

describe('new conversation', () => {
  it('asks for a 1-5 rating of the chat that ends, sends it, and starts fresh', async () => {
    const { server, model, $, $$, button, say } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok', conversationId: 'c9' })] });
    await say('q');
    await until(() => expect(model.state.status).toBe('idle'));
    server.reply({ kind: 'status', status: 201, body: { feedback_id: 'f' } });
    button('New conversation')?.click();
    await until(() => expect($('[role="dialog"]')).not.toBeNull());
    button('4 of 5')?.click();
    await until(() => expect($$('[data-role]')).toHaveLength(0));
    expect(model.state.conversationId).toBeNull();
    await until(() =>
      expect(server.requests.at(-1)).toMatchObject({
        path: '/api/v1/chat/feedback',
        body: { conversation_id: 'c9', rating: 4 },
      }),
    );
  });

  it('lets the rating be skipped', async () => {
    const { server, model, $, button, say } = setup();
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    await say('q');
    await until(() => expect(model.state.status).toBe('idle'));
    button('New conversation')?.click();
    await until(() => expect(button('Skip')).toBeDefined());
    button('Skip')?.click();
    await until(() => expect($('[role="dialog"]')).toBeNull());
    expect(model.state.messages).toEqual([]);
    expect(server.requests.some((r) => r.path === '/api/v1/chat/feedback')).toBe(false);
  });
});

describe('sending', () => {
  it('asks before sending what looks like a card number, and sends only when confirmed', async () => {
    const { server, $, button, say } = setup();
    await say('my card is 4111 1111 1111 1111');
    await until(() =>
      expect($('.wc-warn')?.textContent).toContain('This looks like a card number'),
    );
    expect(server.requests).toHaveLength(0);
    button('Edit')?.click();
    await until(() => expect($('.wc-warn')).toBeNull());
    expect($<HTMLTextAreaElement>('textarea')?.value).toBe('my card is 4111 1111 1111 1111');
    await say('my card is 4111 1111 1111 1111');
    await until(() => expect(button('Send anyway')).toBeDefined());
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'ok' })] });
    button('Send anyway')?.click();
    await until(() =>
      expect(server.requests.at(-1)?.body).toEqual({ message: 'my card is 4111 1111 1111 1111' }),
    );
  });

  it('shows a message typed offline as waiting to send, and sends it on reconnect', async () => {
    let online = false;
    let reconnect: () => void = () => undefined;
    const { server, $, say } = setup({
      online: () => online,
      onOnline: (listener) => {
        reconnect = listener;
        return () => undefined;
      },
    });
    await say('offline question');
    await until(() =>
      expect($('[data-role="user"] .wc-state')?.textContent).toBe('Waiting to send'),
    );
    expect(server.requests).toHaveLength(0);
    server.reply({ kind: 'stream', chunks: [answerStream({ text: 'answered' })] });
    online = true;
    reconnect();
    await until(() => expect($('[data-role="assistant"]')?.textContent).toContain('answered'));
    expect($('.wc-state')).toBeNull();
  });

  it('shows a typing indicator until the first token', async () => {
    const { server, $, say } = setup();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    server.reply({ kind: 'stream', chunks: ['', answerStream({ text: 'hi' })], gate });
    await say('q');
    await until(() => expect($('.wc-typing')).not.toBeNull());
    release();
    await until(() => expect($('.wc-typing')).toBeNull());
    expect($('[data-role="assistant"]')?.textContent).toContain('hi');
  });
});
