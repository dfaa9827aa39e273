/**
 * Phones: the open panel fills the screen (CSS, under 640 px). Here the two things CSS cannot
 * do: follow `visualViewport`, which shrinks when the on-screen keyboard opens (100dvh does
 * not), so the input stays above the keyboard; and stop the page behind from scrolling, with
 * the page's own overflow value restored on close.
 */
export function createViewportFit(root: HTMLElement) {
  const win = root.ownerDocument.defaultView;
  const page = root.ownerDocument.documentElement;
  let restore: (() => void) | null = null;

  function follow(): void {
    const viewport = win?.visualViewport;
    if (!viewport) return;
    root.style.setProperty('--wc-vh', `${viewport.height}px`);
    root.style.setProperty('--wc-vt', `${viewport.offsetTop}px`);
  }

  return {
    set(open: boolean): void {
      if (open && !restore && win?.matchMedia?.('(max-width: 639.98px)').matches) {
        const overflow = page.style.getPropertyValue('overflow');
        const priority = page.style.getPropertyPriority('overflow');
        page.style.setProperty('overflow', 'hidden', 'important');
        follow();
        win.visualViewport?.addEventListener('resize', follow);
        win.visualViewport?.addEventListener('scroll', follow);
        restore = () => {
          page.style.setProperty('overflow', overflow, priority);
          win.visualViewport?.removeEventListener('resize', follow);
          win.visualViewport?.removeEventListener('scroll', follow);
        };
      } else if (!open && restore) {
        restore();
        restore = null;
      }
    },
  };
}
