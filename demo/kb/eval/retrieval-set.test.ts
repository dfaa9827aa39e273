import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdfPages } from '../../scripts/read-pdf-pages';
import { renderKnowledgeBase } from '../../scripts/render-kb';
import retrievalSet from './retrieval.json' with { type: 'json' };

// The eval set names pages of the *rendered* PDFs. Rendering afresh and reading every page back
// means an edit to an article or to the layout that moves an answer fails here, not silently
// in the recall numbers.

interface RetrievalCase {
  question: string;
  document: string;
  page: number;
  evidence: string;
}

// pdfkit may break a line after a hyphen ("6-" / "digit"); joining those keeps phrases whole.
const normalise = (text: string) => text.replace(/-\n/g, '-').replace(/\s+/g, ' ').trim();

const cases: RetrievalCase[] = retrievalSet;
let pagesByDocument: Map<string, string[]>;
let outDir: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'wagechat-eval-'));
  const rendered = await renderKnowledgeBase(outDir);
  pagesByDocument = new Map();
  for (const article of rendered) {
    const pages = await readPdfPages(await readFile(article.pdfPath));
    pagesByDocument.set(`${article.name}.pdf`, pages.map(normalise));
  }
});
afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('retrieval eval set', () => {
  it('has at least 45 distinct questions spread over every article and past page 1', () => {
    expect(cases.length).toBeGreaterThanOrEqual(45);
    expect(new Set(cases.map((entry) => entry.question.toLowerCase())).size).toBe(cases.length);
    expect(new Set(cases.map((entry) => entry.document))).toEqual(new Set(pagesByDocument.keys()));
    for (const document of pagesByDocument.keys()) {
      const pages = new Set(
        cases.filter((entry) => entry.document === document).map((e) => e.page),
      );
      expect({ document, spansPages: pages.size > 1 }).toEqual({ document, spansPages: true });
    }
  });

  it('has well-formed entries whose question is not a copy of its evidence', () => {
    for (const entry of cases) {
      expect(Object.keys(entry).sort()).toEqual(['document', 'evidence', 'page', 'question']);
      expect(entry.question.trim().length).toBeGreaterThan(8);
      expect(entry.evidence.trim().length).toBeGreaterThan(5);
      expect(Number.isInteger(entry.page)).toBe(true);
      expect(normalise(entry.question).toLowerCase()).not.toContain(
        normalise(entry.evidence).toLowerCase(),
      );
    }
  });

  it.each(cases)('finds "$evidence" on $document page $page', (entry) => {
    const pages = pagesByDocument.get(entry.document);
    expect(pages, `${entry.document} is not a rendered article`).toBeDefined();
    expect(entry.page).toBeGreaterThanOrEqual(1);
    expect(entry.page).toBeLessThanOrEqual(pages!.length);
    const onPages = pages!.flatMap((text, index) =>
      text.includes(normalise(entry.evidence)) ? [index + 1] : [],
    );
    expect(onPages).toContain(entry.page);
  });
});
