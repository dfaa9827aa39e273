// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDefaultOptions, readDataOptions, resolveOptions } from './options';

const defaults = createDefaultOptions('https://portal.example.com');

describe('resolveOptions', () => {
  it('applies defaults, then data attributes, then init options', () => {
    const resolved = resolveOptions(
      defaults,
      { tenant: 'demo', title: 'From data' },
      { title: 'From init' },
    );
    expect(resolved).toEqual({
      tenant: 'demo',
      api: 'https://portal.example.com',
      title: 'From init',
      position: 'bottom-right',
      accent: '#0b6e4f',
      open: false,
      greeting: 'Hi! How can we help?',
    });
  });

  it('never lets undefined override a value set earlier', () => {
    expect(resolveOptions(defaults, { tenant: 'demo' }, { tenant: undefined }).tenant).toBe('demo');
  });

  it('keeps an api path prefix but drops the trailing slash', () => {
    expect(
      resolveOptions(defaults, { tenant: 'demo', api: 'https://x.example.com/chat/' }).api,
    ).toBe('https://x.example.com/chat');
  });

  it.each([
    [{}, /"tenant" is required/],
    [{ tenant: '' }, /"tenant" must be/],
    [{ tenant: 'a b' }, /"tenant" must be/],
    [{ tenant: 42 }, /"tenant" must be/],
    [{ tenant: 'demo', api: 'not a url' }, /"api" must be an absolute URL/],
    [{ tenant: 'demo', api: 'javascript:alert(1)' }, /"api" must use http or https/],
    [
      { tenant: 'demo', position: 'top' },
      /"position" must be one of bottom-right, bottom-left, got "top"/,
    ],
    [{ tenant: 'demo', accent: 'red; background: url(x)' }, /"accent" must be a CSS colour/],
    [{ tenant: 'demo', title: '   ' }, /"title" must be a non-empty string/],
    [{ tenant: 'demo', title: 'x'.repeat(61) }, /at most 60/],
    [{ tenant: 'demo', open: 'yes' }, /"open" must be true or false/],
    [{ tenant: 'demo', greeting: '' }, /"greeting" must be a non-empty string/],
    [{ tenant: 'demo', tennant: 'typo' }, /unknown option "tennant"\. Known options: tenant, api/],
  ])('rejects %j with a message naming the option', (bad, message) => {
    expect(() => resolveOptions(defaults, bad as never)).toThrow(message);
    expect(() => resolveOptions(defaults, bad as never)).toThrow(/^Wagechat: /);
  });

  it('rejects a layer that is not an object', () => {
    expect(() => resolveOptions(defaults, 'demo' as never)).toThrow(/options must be an object/);
  });

  it('accepts the colour forms a designer would write', () => {
    for (const accent of [
      '#abc',
      '#a1b2c3',
      'rgb(10, 20, 30)',
      'hsl(120 50% 40%)',
      'rebeccapurple',
    ]) {
      expect(resolveOptions(defaults, { tenant: 'demo', accent }).accent).toBe(accent);
    }
  });
});

describe('readDataOptions', () => {
  it('reads data-* and defaults api to the origin the script came from', () => {
    const script = document.createElement('script');
    script.src = 'https://chat.example.com/widget/wagechat.js';
    script.dataset.tenant = 'acme';
    script.dataset.position = 'bottom-left';
    script.dataset.open = '';
    script.dataset.accent = '#ffd400';
    script.dataset.greeting = 'Hello from Acme';
    expect(readDataOptions(script)).toMatchObject({
      tenant: 'acme',
      api: 'https://chat.example.com',
      position: 'bottom-left',
      open: true,
      accent: '#ffd400',
      greeting: 'Hello from Acme',
    });
  });

  it('lets data-api override the script origin', () => {
    const script = document.createElement('script');
    script.src = 'https://cdn.example.com/wagechat.js';
    script.dataset.api = 'https://api.example.com';
    expect(readDataOptions(script).api).toBe('https://api.example.com');
  });
});
