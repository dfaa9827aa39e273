/**
 * The lazily loaded chunk of the script-tag install (dist/wagechat-app.<hash>.js): the loader
 * imports it when the person first opens the panel or the page is idle.
 */
export { startChat } from './start-chat';
