import { describe, expect, it } from 'vitest';
import { removeRunningLines } from './running-lines';
import type { RawPage } from './types';

const page = (number: number, body: string[]): RawPage => ({
  number,
  height: 800,
  lines: [
    { text: 'Brightwell Help Centre', size: 9, top: 30 },
    ...body.map((text, i) => ({ text, size: 11, top: 100 + i * 14 })),
    { text: `Page ${number} of 3`, size: 9, top: 770 },
  ],
});

describe('removeRunningLines', () => {
  it('drops lines repeated at the page edges, ignoring page numbers', () => {
    const pages = removeRunningLines([page(1, ['One']), page(2, ['Two']), page(3, ['Three'])]);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([['One'], ['Two'], ['Three']]);
  });

  it('keeps repeated body text that is not in the margins', () => {
    const pages = removeRunningLines([page(1, ['Same line']), page(2, ['Same line'])]);
    expect(pages[0]?.lines.map((l) => l.text)).toEqual(['Same line']);
  });

  it('leaves a single page alone', () => {
    expect(removeRunningLines([page(1, ['Only'])])[0]?.lines).toHaveLength(3);
  });
});
