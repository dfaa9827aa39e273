import { describe, expect, it } from 'vitest';
import { itemsToLines, type PositionedText } from './text-lines';

/** A horizontal item at (x, baseline y) on an 800 pt page, 10 pt, 5 pt per character. */
const at = (str: string, x: number, y: number, transform?: number[]): PositionedText => ({
  str,
  transform: transform ?? [10, 0, 0, 10, x, y],
  width: str.length * 5,
});

describe('itemsToLines', () => {
  it('drops a flush-right category tag, but not a bracketed word inside the text', () => {
    const lines = itemsToLines(
      [
        at('void sha256_init (struct sha256_ctx *ctx)', 90, 700),
        at('[Function]', 474, 700),
        at('Uses the MIME system', 90, 680),
        at('[MIME]', 191, 680),
        at('to name types.', 225, 680),
        at('See', 90, 660),
        at('[Randomness]', 112, 660),
      ],
      800,
    );
    expect(lines.map((l) => l.text)).toEqual([
      'void sha256_init (struct sha256_ctx *ctx)',
      'Uses the MIME system[MIME] to name types.',
      'See [Randomness]',
    ]);
  });

  it('drops diagonal text and keeps vertical text as its own rotated line', () => {
    const lines = itemsToLines(
      [
        at('Accra', 90, 700),
        at('DRAFT', 200, 700, [50, 50, -50, 50, 200, 700]),
        at('Addis Abeba', 300, 700),
        at('arXiv:2401.00001', 20, 400, [0, 10, -10, 0, 20, 400]),
      ],
      800,
    );
    expect(lines).toEqual([
      { text: 'Accra Addis Abeba', size: 10, top: 100 },
      { text: 'arXiv:2401.00001', size: 10, top: 400, rotated: true },
    ]);
  });
});
