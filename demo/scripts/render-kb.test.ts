import { mkdtemp, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticle } from './kb-markdown';
import { RUNNING_HEADER, renderArticlePdf, runningFooter } from './kb-pdf';
import { readPdfPages, readPdfTitle } from './read-pdf-pages';
import { type RenderedArticle, renderKnowledgeBase } from './render-kb';

// Pinned on purpose: the retrieval eval set names pages, so a layout change that moves
// text between pages should be a visible, deliberate edit here.
const EXPECTED_PAGES: Record<string, number> = {
  'account-security': 3,
  'direct-deposit': 3,
  'disputes-and-errors': 3,
  'getting-started': 3,
  'instant-pay': 3,
  'pay-card': 3,
  'taxes-and-w2': 3,
  'tip-payouts': 3,
};

const squash = (text: string) => text.replace(/-\n/g, '-').replace(/\s+/g, ' ');

let outDir: string;
let results: RenderedArticle[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'wagechat-kb-'));
  results = await renderKnowledgeBase(outDir);
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('renderKnowledgeBase', () => {
  it('writes one PDF per article, each with its pinned page count', async () => {
    expect((await readdir(outDir)).sort()).toEqual(
      Object.keys(EXPECTED_PAGES).map((name) => `${name}.pdf`),
    );
    for (const result of results) {
      const pages = await readPdfPages(await readFile(result.pdfPath));
      expect({ [result.name]: pages.length }).toEqual({
        [result.name]: EXPECTED_PAGES[result.name],
      });
    }
  });

  it('stores the article title as PDF metadata and prints header and footer on every page', async () => {
    for (const result of results) {
      const bytes = await readFile(result.pdfPath);
      expect(await readPdfTitle(bytes)).toBe(result.title);
      const pages = await readPdfPages(bytes);
      pages.forEach((page, index) => {
        expect(page).toContain(RUNNING_HEADER);
        expect(page).toContain(runningFooter(result.title, index + 1));
      });
    }
  });

  it('extracts back every question and answer of the source article', async () => {
    const source = await readFile(
      new URL('../kb/articles/instant-pay.md', import.meta.url),
      'utf8',
    );
    const article = parseArticle('instant-pay', source);
    const pdf = results.find((result) => result.name === 'instant-pay');
    const text = squash((await readPdfPages(await readFile(pdf!.pdfPath))).join('\n'));
    const pairs = article.blocks.filter((block) => block.kind === 'question');
    expect(pairs.length).toBeGreaterThanOrEqual(5);
    for (const pair of pairs) {
      expect(text).toContain(squash(`Q: ${pair.question}`));
      expect(text).toContain(squash(`A: ${pair.answer}`));
    }
  });

  it('skips PDFs newer than their sources and re-renders stale or forced ones', async () => {
    const stale = join(outDir, 'pay-card.pdf');
    await utimes(stale, new Date('2001-01-01'), new Date('2001-01-01'));
    const again = await renderKnowledgeBase(outDir);
    expect(again.filter((result) => result.rendered).map((result) => result.name)).toEqual([
      'pay-card',
    ]);
    expect((await stat(stale)).mtimeMs).toBeGreaterThan(new Date('2001-01-02').getTime());

    const forced = await renderKnowledgeBase(outDir, { force: true });
    expect(forced.every((result) => result.rendered)).toBe(true);
  });

  it('fails clearly when the articles folder holds no articles', async () => {
    await expect(renderKnowledgeBase(outDir, { articlesDir: outDir })).rejects.toThrow(
      /No \*\.md articles/,
    );
  });
});

describe('renderArticlePdf', () => {
  it('is byte-for-byte deterministic', async () => {
    const article = parseArticle('tiny', '# Tiny\n\nOne paragraph.\n');
    const [first, second] = await Promise.all([
      renderArticlePdf(article),
      renderArticlePdf(article),
    ]);
    expect(first.equals(second)).toBe(true);
  });

  it('moves to a new page when content overflows, stamping every page', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Paragraph ${i} about payouts.`).join(
      '\n\n',
    );
    const pages = await readPdfPages(
      await renderArticlePdf(parseArticle('long', `# Long\n\n${long}`)),
    );
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.at(-1)).toContain(runningFooter('Long', pages.length));
    expect(squash(pages.join('\n'))).toContain('Paragraph 119 about payouts.');
  });
});
