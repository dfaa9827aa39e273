/**
 * The npm API of @wagechat/widget: exactly what this file exports (a test pins the list).
 *
 * @example
 * import { mount } from '@wagechat/widget';
 * const chat = mount(document.getElementById('support')!, { tenant: 'demo', api: 'https://chat.example.com' });
 * chat.on('escalation', (e) => console.log('handed over', e.ticket_id));
 */
import type { WagechatOptions } from './options';
import { createWidget, type WagechatHandle } from './widget';

export type {
  ApiErrorCode as WagechatErrorCode,
  ApiFailure as WagechatError,
  Citation,
  Escalation,
} from './api/types';
export type { WagechatEventMap, WagechatEventName, WagechatListener } from './events';
export type { WagechatOptions, WagechatPosition } from './options';
export type { WagechatHandle } from './widget';

const mounted = new WeakMap<Element, WagechatHandle>();

/**
 * Mounts the chat launcher and panel into `element` and returns its controls. Bad options throw
 * a TypeError naming the option; later failures (network, server) show in the panel instead.
 * Mounting the same element twice returns the first handle.
 */
export function mount(element: Element, options: WagechatOptions): WagechatHandle {
  if (typeof Element === 'undefined' || !(element instanceof Element)) {
    throw new TypeError(
      'Wagechat: mount(element, options) needs a DOM element as its first argument.',
    );
  }
  const existing = mounted.get(element);
  if (existing) return existing;
  const widget = createWidget(element, [options]);
  const handle: WagechatHandle = {
    ...widget,
    unmount() {
      mounted.delete(element);
      widget.unmount();
    },
  };
  mounted.set(element, handle);
  return handle;
}
