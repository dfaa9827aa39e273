import { describe, expect, it } from 'vitest';
import { extractPdf } from './extract-pdf';
import { titleFromFilename } from './file-name-title';
import { createTestPdf, type TestPageItem } from './test-pdfs';

const body: TestPageItem[] = [
  {
    p: 'Tip payouts reach your card the morning after each shift, once your employer has approved them.',
  },
  { h2: 'Fees' },
  { p: 'Tip payouts are free. Instant Pay costs $2.99 per transfer.' },
];
const later: TestPageItem[][] = [
  [{ h2: 'Timing' }, { p: 'Payouts run daily at 6 am Eastern time, weekends included.' }],
  [{ h2: 'Help' }, { p: 'Write to the help centre from the app if a payout is missing.' }],
];

/** Extracts in-process (the worker runs this same function) and returns the chosen title. */
const titleOf = async (options: Parameters<typeof createTestPdf>[0]) => {
  const pdf = await extractPdf(new Uint8Array(await createTestPdf(options)));
  return { title: pdf.title, source: pdf.titleSource, pdf };
};

describe('the document title', () => {
  it('takes the Title metadata when it is a real title', async () => {
    const result = await titleOf({
      title: 'Brightwell Tip Payouts Guide',
      pages: [[{ h1: 'Tip payouts' }, ...body], ...later],
    });
    expect(result).toMatchObject({ title: 'Brightwell Tip Payouts Guide', source: 'metadata' });
  });

  it('cleans an office title and skips a junk one for the heading', async () => {
    const office = await titleOf({
      title: 'Microsoft Word - tip_payouts_v2.docx',
      pages: [[{ h1: 'Tip payouts' }, ...body]],
    });
    expect(office).toMatchObject({ title: 'Tip payouts v2', source: 'metadata' });
    const junk = await titleOf({
      title: 'Untitled',
      info: { Producer: 'Acme Writer' },
      pages: [[{ h1: 'Tip payouts' }, ...body]],
    });
    expect(junk).toMatchObject({ title: 'Tip payouts', source: 'heading' });
    const producer = await titleOf({
      title: 'Acme Writer',
      info: { Producer: 'Acme Writer' },
      pages: [[{ h1: 'Tip payouts' }, ...body]],
    });
    expect(producer.title).toBe('Tip payouts');
  });

  it('takes the biggest heading, not the author, URL or date lines around it', async () => {
    const result = await titleOf({
      pages: [
        [
          // Bigger than the heading or as big: only what they say rules them out.
          { line: 'Brightwell Payments (https://brightwell.example.com)', size: 24 },
          { line: 'By Dana Whitfield', size: 20 },
          { h1: 'Getting Your Tips Paid' },
          { line: 'dana@brightwell.example.com', size: 20 },
          { line: 'March 3, 2025', size: 24 },
          ...body,
        ],
        ...later,
      ],
    });
    expect(result).toMatchObject({ title: 'Getting Your Tips Paid', source: 'heading' });
  });

  it('never names the document after a watermark, diagonal or repeated', async () => {
    const diagonal = await titleOf({
      watermark: 'DRAFT',
      pages: [[{ h1: 'Tip payouts' }, ...body], ...later],
    });
    expect(diagonal.title).toBe('Tip payouts');
    const text = diagonal.pdf.pages.flatMap((p) => p.blocks.map((b) => b.text)).join('\n');
    expect(text).not.toContain('DRAFT');

    const stamp: TestPageItem = { line: 'Internal Review Copy', size: 30 };
    const repeated = await titleOf({
      pages: [
        [stamp, { h1: 'Tip payouts' }, ...body],
        [stamp, ...(later[0] ?? [])],
        [stamp, ...(later[1] ?? [])],
      ],
    });
    expect(repeated.title).toBe('Tip payouts');
  });

  it('joins a heading wrapped over two lines, and stops at a version line', async () => {
    const result = await titleOf({
      pages: [
        [
          { h1: 'Everything you wanted to know about tip pools' },
          { h1: 'and were afraid to ask' },
          { h1: 'Version 2.1' },
          ...body,
        ],
        ...later,
      ],
    });
    expect(result.title).toBe(
      'Everything you wanted to know about tip pools and were afraid to ask',
    );
  });

  it('has no title when nothing stands out, so the file name is used', async () => {
    const result = await titleOf({ pages: [body.filter((item) => 'p' in item)] });
    expect(result).toMatchObject({ title: null, source: null });
    expect(titleFromFilename('tip-payouts_v2.pdf')).toBe('Tip payouts v2');
    expect(titleFromFilename('C:\\docs\\pay%20card.PDF')).toBe('Pay card');
    expect(titleFromFilename('.pdf')).toBe('Untitled document');
  });
});
