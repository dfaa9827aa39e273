/**
 * The launcher button in plain DOM: it ships in the small first script, so it must not need
 * Preact. Icons are built with createElementNS, never innerHTML (Trusted Types portals).
 */
const svgNs = 'http://www.w3.org/2000/svg';
const chatIcon = 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z';
const closeIcon = 'M6 6l12 12M18 6L6 18';

export interface Launcher {
  button: HTMLButtonElement;
  /** Shows the open/closed icon and label, and the unread badge (hidden at 0). */
  update(open: boolean, unread: number): void;
}

export function createLauncher(doc: Document, onToggle: () => void): Launcher {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'wc-launcher';
  const svg = doc.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  const path = doc.createElementNS(svgNs, 'path');
  svg.append(path);
  const badge = doc.createElement('span');
  badge.className = 'wc-badge';
  badge.setAttribute('aria-hidden', 'true');
  button.append(svg, badge);
  button.addEventListener('click', onToggle);

  function update(open: boolean, unread: number): void {
    path.setAttribute('d', open ? closeIcon : chatIcon);
    svg.setAttribute('class', open ? 'wc-x' : '');
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute(
      'aria-label',
      open
        ? 'Close support chat'
        : `Open support chat${unread ? `, ${unread} new ${unread === 1 ? 'answer' : 'answers'}` : ''}`,
    );
    badge.textContent = unread > 9 ? '9+' : String(unread);
    badge.hidden = unread === 0;
  }
  update(false, 0);
  return { button, update };
}
