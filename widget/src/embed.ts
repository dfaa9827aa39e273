/**
 * Script-tag entry, built to dist/wagechat.js (the small first script, no Preact):
 * `<script src="https://chat.example.com/widget/wagechat.js" data-tenant="demo" async></script>`.
 * `document.currentScript` is only set while this file first runs, so it is read right here.
 */
import { bootEmbed, type EmbedWindow } from './embed-boot';
import type { StartChat } from './shell/controller';

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;
// The hashed chat chunk sits next to this file; the build writes its name in (vite.config.ts).
// Resolved from our own src, so a versioned path or a CDN copy loads its own matching chunk.
const chunk = new URL(
  '__WAGECHAT_APP_CHUNK__',
  script?.src || new URL('/widget/', document.baseURI),
).href;

bootEmbed(window as EmbedWindow, script, {
  loadChat: () =>
    import(/* @vite-ignore */ chunk).then((m: { startChat: StartChat }) => m.startChat),
});
