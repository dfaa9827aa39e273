/**
 * Adds `css` to a shadow root as a constructable stylesheet. A portal with a strict CSP
 * (`style-src 'self'`, no 'unsafe-inline') blocks a <style> element but not CSSOM, so this is
 * the only way styles survive there; the <style> fallback is for browsers without
 * `adoptedStyleSheets` (Safari before 16.4), whose portals then need 'unsafe-inline'.
 */
export function adoptStyles(shadow: ShadowRoot, css: string): void {
  const Sheet = shadow.ownerDocument.defaultView?.CSSStyleSheet;
  if (Sheet && 'replaceSync' in Sheet.prototype && 'adoptedStyleSheets' in shadow) {
    try {
      const sheet = new Sheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      return;
    } catch {
      // A partial implementation: fall back below.
    }
  }
  const style = shadow.ownerDocument.createElement('style');
  style.textContent = css;
  shadow.append(style);
}
