import { afterAll, describe, expect, it } from 'vitest';
import { createPdfExtractor } from './extract-pool';
import { joinLines } from './page-blocks';
import { sniffPdf } from './sniff-pdf';
import { createImageOnlyPdf, createTestPdf } from './test-pdfs';

const prose =
  'Tip payouts reach your card the morning after each shift. Your employer approves the tips first, and then we send them in one daily batch.';

const extractor = createPdfExtractor({ workers: 1 });
afterAll(() => extractor.close());

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { reason?: string }) => error.reason,
  );

// The first extraction starts a worker thread (and tsx in it): slow on a busy machine.
describe('PDF extraction in a worker thread', { timeout: 30_000 }, () => {
  it('returns headings and paragraphs per page without the running header and footer', async () => {
    const pdf = await createTestPdf({
      title: 'Tip payouts',
      header: 'Brightwell Help Centre',
      footer: 'Questions? Call 1-800-555-0100',
      pages: [
        [
          { h1: 'Tip payouts' },
          { p: prose },
          { h2: 'Timing' },
          { p: 'Payouts run daily at 6 am.' },
        ],
        [{ h2: 'Fees' }, { p: 'Tip payouts are free.' }],
        [{ h2: 'Questions' }, { p: 'Q: When do tips arrive?' }, { p: 'A: The next morning.' }],
      ],
    });
    const result = await extractor.extract(pdf);
    expect(result.pageCount).toBe(3);
    expect(result.title).toBe('Tip payouts');
    const all = result.pages.flatMap((p) => p.blocks.map((b) => b.text)).join('\n');
    expect(all).not.toContain('Brightwell Help Centre');
    expect(all).not.toContain('1-800-555-0100');
    expect(result.pages[0]?.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Tip payouts' });
    expect(result.pages[0]?.blocks[1]).toEqual({ kind: 'paragraph', text: prose });
    expect(result.pages[1]?.blocks[0]).toEqual({ kind: 'heading', level: 2, text: 'Fees' });
    expect(result.pages[2]?.blocks.map((b) => b.text)).toEqual([
      'Questions',
      'Q: When do tips arrive?',
      'A: The next morning.',
    ]);
  });

  it('does not detach the caller bytes', async () => {
    const pdf = await createTestPdf({ pages: [[{ p: prose }]] });
    await extractor.extract(pdf);
    expect(pdf.byteLength).toBeGreaterThan(100);
  });

  it('names the reason for each unusable file', async () => {
    const good = await createTestPdf({ pages: [[{ p: prose }]] });
    const encrypted = await createTestPdf({ userPassword: 'secret', pages: [[{ p: prose }]] });
    expect(await reasonOf(extractor.extract(encrypted))).toBe('pdf_encrypted');
    expect(await reasonOf(extractor.extract(await createImageOnlyPdf()))).toBe('pdf_no_text');
    const corrupt = Buffer.from(good);
    corrupt.fill(0x41, 20, corrupt.length - 20);
    expect(await reasonOf(extractor.extract(corrupt))).toBe('pdf_invalid');
    // The pool keeps working after failures.
    expect((await extractor.extract(good)).pageCount).toBe(1);
  });
});

describe('sniffPdf', () => {
  it('checks content, not names, and catches truncation', async () => {
    const good = await createTestPdf({ pages: [[{ p: prose }]] });
    expect(sniffPdf(good)).toBeNull();
    expect(sniffPdf(Buffer.from('PK\u0003\u0004 a zip file renamed to .pdf'))).toBe('not_pdf');
    expect(sniffPdf(new Uint8Array())).toBe('not_pdf');
    expect(sniffPdf(good.subarray(0, Math.floor(good.length * 0.6)))).toBe('pdf_truncated');
  });
});

describe('joinLines', () => {
  it('undoes end-of-line hyphenation and joins wrapped lines with a space', () => {
    expect(joinLines(['You can with-', 'draw up to half', 'of your pay.'])).toBe(
      'You can withdraw up to half of your pay.',
    );
    expect(joinLines(['Call 1-800-', '555-0100'])).toBe('Call 1-800- 555-0100');
  });
});
