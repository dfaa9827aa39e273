/** WCAG 2.x relative luminance of a computed colour (`rgb(r, g, b)` or `rgba(…)`). */
export function luminance(computed: string): number {
  const [r = 0, g = 0, b = 0] = (computed.match(/[\d.]+/g) ?? []).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two luminances, 1 to 21. */
export function contrastRatio(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/**
 * Text colour for a tenant's accent background: black or white, whichever contrasts more.
 * One of the two always reaches at least 4.58:1, so any accent passes WCAG AA for text;
 * a too-light accent (say #ffd400) gets dark text.
 *
 * @example onAccentColour(getComputedStyle(button).backgroundColor) // '#fff' for #0b6e4f
 */
export function onAccentColour(computed: string): '#000' | '#fff' {
  const l = luminance(computed);
  return contrastRatio(l, 0) > contrastRatio(l, 1) ? '#000' : '#fff';
}
