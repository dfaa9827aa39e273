import type { WagechatOptions } from './options';
import { createController, type WagechatHandle, type WidgetDeps } from './shell/controller';
import { startChat } from './shell/start-chat';

export type { WagechatHandle, WidgetDeps } from './shell/controller';

/**
 * Builds the whole widget inside `element` at once (the npm build, one file): the shell with
 * the chat already bundled. Options layers merge left to right over the defaults.
 */
export function createWidget(
  element: Element,
  layers: ReadonlyArray<Partial<WagechatOptions> | undefined>,
  deps: WidgetDeps = {},
): WagechatHandle {
  return createController(element, layers, () => Promise.resolve(startChat), deps);
}
