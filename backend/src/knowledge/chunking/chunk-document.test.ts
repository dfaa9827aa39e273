import { describe, expect, it } from 'vitest';
import type { ExtractedPage } from '../pdf/types';
import { chunkDocument } from './chunk-document';

const sentence = (i: number) => `Sentence number ${i} explains one more detail about tip payouts.`;
const paragraph = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => sentence(from + i)).join(' ');

const pages: ExtractedPage[] = [
  {
    number: 1,
    blocks: [
      { kind: 'heading', level: 1, text: 'Tip payouts' },
      { kind: 'paragraph', text: paragraph(0, 8) },
      { kind: 'paragraph', text: paragraph(8, 8) },
      { kind: 'heading', level: 2, text: 'Fees' },
      { kind: 'paragraph', text: 'Tip payouts are free.' },
    ],
  },
  {
    number: 2,
    blocks: [
      { kind: 'heading', level: 2, text: 'Common questions' },
      { kind: 'paragraph', text: 'Q: When do tips arrive?' },
      { kind: 'paragraph', text: 'A: The next morning.' },
      { kind: 'paragraph', text: 'Q: Is there a fee?' },
      { kind: 'paragraph', text: 'A: No.' },
    ],
  },
];

describe('chunkDocument', () => {
  const chunks = chunkDocument(pages, { targetChars: 600, maxChars: 900, overlapChars: 150 });

  it('gives each question and its answer a chunk of its own', () => {
    const qa = chunks.filter((c) => c.isQa);
    expect(qa.map((c) => c.text)).toEqual([
      'Q: When do tips arrive?\nA: The next morning.',
      'Q: Is there a fee?\nA: No.',
    ]);
    expect(qa[0]).toMatchObject({ page: 2, pageEnd: 2, section: 'Tip payouts > Common questions' });
  });

  it('never crosses a section boundary and keeps the heading path', () => {
    const fees = chunks.find((c) => c.text === 'Tip payouts are free.');
    expect(fees?.section).toBe('Tip payouts > Fees');
    expect(
      chunks.filter((c) => c.section === 'Tip payouts').every((c) => !c.text.includes('free')),
    ).toBe(true);
  });

  it('splits near the target size and repeats whole sentences as overlap', () => {
    const body = chunks.filter((c) => c.section === 'Tip payouts');
    expect(body.length).toBeGreaterThan(1);
    for (const chunk of body) expect(chunk.text.length).toBeLessThanOrEqual(900 + 150);
    const overlap = body[1]!.text.split('\n\n')[0]!;
    expect(overlap.length).toBeGreaterThan(0);
    expect(overlap.length).toBeLessThanOrEqual(150);
    expect(body[0]!.text.endsWith(overlap)).toBe(true);
    expect(overlap).toMatch(/^Sentence number \d+/);
  });

  it('numbers chunks in order with stable content hashes', () => {
    expect(chunks.map((c) => c.ordinal)).toEqual(chunks.map((_, i) => i));
    const again = chunkDocument(pages, { targetChars: 600, maxChars: 900, overlapChars: 150 });
    expect(again.map((c) => c.contentHash)).toEqual(chunks.map((c) => c.contentHash));
    expect(new Set(chunks.map((c) => c.contentHash)).size).toBe(chunks.length);
  });

  it('returns nothing for pages without text', () => {
    expect(chunkDocument([{ number: 1, blocks: [] }])).toEqual([]);
  });

  it('drops letter-spaced banners, as headings or paragraphs, and keeps real text', () => {
    const bannered = chunkDocument(
      [
        {
          number: 1,
          blocks: [
            { kind: 'heading', level: 1, text: 'K N O W L E D G E   A R T I C L E' },
            { kind: 'paragraph', text: 'D R A F T' },
            { kind: 'heading', level: 1, text: 'Overtime' },
            { kind: 'paragraph', text: 'Hours over 40 in a workweek are paid at 1.5 times.' },
            { kind: 'paragraph', text: 'A B' },
          ],
        },
      ],
      { targetChars: 600, maxChars: 900, overlapChars: 150 },
    );
    expect(bannered.map((c) => [c.section, c.text])).toEqual([
      ['Overtime', 'Hours over 40 in a workweek are paid at 1.5 times.\n\nA B'],
    ]);
  });
});
