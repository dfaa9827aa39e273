/**
 * Script-tag entry, built to dist/wagechat.js:
 * `<script src="https://chat.example.com/widget/wagechat.js" data-tenant="demo" async></script>`.
 * `document.currentScript` is only set while this file first runs, so it is read right here.
 */
import { bootEmbed, type EmbedWindow } from './embed-boot';

bootEmbed(
  window as EmbedWindow,
  document.currentScript instanceof HTMLScriptElement ? document.currentScript : null,
);
