import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfPages, readPdfTitle } from '../../demo/scripts/read-pdf-pages';
import { type RenderedEvalArticle, renderEvalKnowledgeBase, TITLED_ARTICLES } from './render';

let outDir: string;
let rendered: RenderedEvalArticle[];

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'wagechat-eval-kb-'));
  rendered = await renderEvalKnowledgeBase(outDir);
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('renderEvalKnowledgeBase', () => {
  it('renders at least 12 articles, not in the demo help centre', async () => {
    expect(rendered.length).toBeGreaterThanOrEqual(12);
    for (const article of rendered) {
      const text = (await readPdfPages(await readFile(article.pdfPath))).join(' ');
      expect(text.replace(/\s+/g, ' ')).toContain(article.title);
      expect(text).not.toContain('Brightwell');
    }
  });

  it('sets PDF Title metadata on some files only, so the rest must be named another way', async () => {
    for (const article of rendered) {
      const title = await readPdfTitle(await readFile(article.pdfPath));
      expect({ name: article.name, title }).toEqual({
        name: article.name,
        title: TITLED_ARTICLES.has(article.name) ? article.title : undefined,
      });
    }
    const titled = rendered.filter((article) => TITLED_ARTICLES.has(article.name)).length;
    expect(titled).toBeGreaterThan(0);
    expect(titled).toBeLessThan(rendered.length);
  });

  it('prints list items written with pipes as table rows, cells in reading order', async () => {
    const fees = rendered.find((article) => article.name === 'paycard-fee-disclosures');
    const text = (await readPdfPages(await readFile(fees!.pdfPath))).join('\n');
    expect(text).toMatch(/ATM balance inquiry\s+\$0\.75/);
    expect(text).not.toContain(' | $0.75');
  });

  it('is byte-for-byte reproducible', async () => {
    const again = await renderEvalKnowledgeBase(join(outDir, 'again'));
    for (const [index, article] of rendered.entries()) {
      expect((await readFile(again[index]!.pdfPath)).equals(await readFile(article.pdfPath))).toBe(
        true,
      );
    }
  });
});
