// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as widget from './index';

// No test here may reach a real network: mount() asks for the tenant's theme at once.
const requested: string[] = [];
beforeEach(() => {
  requested.length = 0;
  vi.stubGlobal('fetch', async (url: string) => {
    requested.push(String(url));
    return new Response('{}', { status: 404 });
  });
});
afterEach(() => vi.unstubAllGlobals());

// The npm API is exactly this list; growing it is a deliberate, reviewed change.
describe('@wagechat/widget exports', () => {
  it('exports mount and nothing else at runtime', () => {
    expect(Object.keys(widget).sort()).toEqual(['mount']);
  });

  it('gives each mount exactly these controls', () => {
    const element = document.createElement('div');
    document.body.append(element);
    const handle = widget.mount(element, { tenant: 'demo', api: 'https://chat.example.com' });
    expect(Object.keys(handle).sort()).toEqual([
      'close',
      'identify',
      'off',
      'on',
      'open',
      'signOut',
      'unmount',
    ]);
    expect(requested).toEqual(['https://chat.example.com/api/v1/widget/config?tenant=demo']);
    handle.unmount();
  });

  it('rejects a missing element with a clear message', () => {
    expect(() => widget.mount(null as never, { tenant: 'demo' })).toThrow(/needs a DOM element/);
  });

  it('returns the same handle when the same element is mounted twice', () => {
    const element = document.createElement('div');
    document.body.append(element);
    const first = widget.mount(element, { tenant: 'demo', api: 'https://chat.example.com' });
    expect(widget.mount(element, { tenant: 'demo', api: 'https://chat.example.com' })).toBe(first);
    expect(element.querySelectorAll('[data-wagechat]')).toHaveLength(1);
    first.unmount();
    expect(element.querySelectorAll('[data-wagechat]')).toHaveLength(0);
  });
});
