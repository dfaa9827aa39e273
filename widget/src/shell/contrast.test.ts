import { describe, expect, it } from 'vitest';
import { contrastRatio, luminance, onAccentColour } from './contrast';

describe('onAccentColour', () => {
  it.each([
    ['rgb(11, 110, 79)', '#fff'], // the default green
    ['rgb(255, 212, 0)', '#000'], // a too-light yellow gets dark text
    ['rgb(255, 255, 255)', '#000'],
    ['rgba(0, 0, 0, 1)', '#fff'],
    ['rgb(120, 120, 120)', '#000'],
  ])('picks %s -> %s', (accent, text) => {
    expect(onAccentColour(accent)).toBe(text);
  });

  it('always reaches WCAG AA (4.5:1) for text on any accent', () => {
    for (let v = 0; v <= 255; v += 5) {
      for (const colour of [`rgb(${v}, ${v}, ${v})`, `rgb(${v}, 255, 0)`, `rgb(0, ${v}, 255)`]) {
        const text = onAccentColour(colour) === '#000' ? 0 : 1;
        expect(contrastRatio(luminance(colour), text)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
