import { describe, expect, it } from 'vitest';
import { loadTenantTheme, readTenantTheme } from './tenant-config';

const config = {
  tenant: 'demo',
  title: 'Brightwell help',
  greeting: 'Hi! Ask me about your pay.',
  accent: '#ffd400',
  logo_url: 'https://cdn.example.com/logo.svg',
  position: 'bottom-left',
  suggestions: ['When are my tips paid?', 'What does Instant Pay cost?'],
};

describe('readTenantTheme', () => {
  it('maps the config to options, logo and suggestions', () => {
    expect(readTenantTheme(config, 'demo')).toEqual({
      options: {
        title: 'Brightwell help',
        greeting: 'Hi! Ask me about your pay.',
        accent: '#ffd400',
        position: 'bottom-left',
      },
      logoUrl: 'https://cdn.example.com/logo.svg',
      suggestions: ['When are my tips paid?', 'What does Instant Pay cost?'],
    });
  });

  it('drops each bad value alone, so the rest of the theme still applies', () => {
    const theme = readTenantTheme(
      {
        ...config,
        accent: 'red; background: url(x)',
        position: 'top',
        logo_url: 'javascript:alert(1)',
        suggestions: ['ok', 42, ''],
      },
      'demo',
    );
    expect(theme.options).toEqual({ title: 'Brightwell help', greeting: config.greeting });
    expect(theme.logoUrl).toBeNull();
    expect(theme.suggestions).toEqual(['ok']);
  });
});

describe('loadTenantTheme', () => {
  it('asks the config endpoint without cookies and with the protocol version', async () => {
    const calls: Array<[string, RequestInit | undefined]> = [];
    const theme = await loadTenantTheme('https://chat.example.com', 'demo', async (url, init) => {
      calls.push([String(url), init]);
      return new Response(JSON.stringify(config), { status: 200 });
    });
    expect(theme.options.accent).toBe('#ffd400');
    expect(calls[0]?.[0]).toBe('https://chat.example.com/api/v1/widget/config?tenant=demo');
    expect(calls[0]?.[1]?.credentials).toBe('omit');
    expect(calls[0]?.[1]?.headers).toMatchObject({ 'Wagechat-Protocol': '2' });
  });

  it('falls back to the defaults on 404, network failure or no answer in time', async () => {
    const empty = { options: {}, logoUrl: null, suggestions: [] };
    const notFound = async () => new Response('{}', { status: 404 });
    const offline = async () => Promise.reject(new TypeError('Failed to fetch'));
    const hanging = () => new Promise<Response>(() => {});
    expect(await loadTenantTheme('https://x.test', 'demo', notFound)).toEqual(empty);
    expect(await loadTenantTheme('https://x.test', 'demo', offline)).toEqual(empty);
    expect(await loadTenantTheme('https://x.test', 'demo', hanging, 20)).toEqual(empty);
  });
});
