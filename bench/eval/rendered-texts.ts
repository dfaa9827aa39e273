/**
 * The text of every article of an eval help centre as its rendered PDF reads, for tests that
 * check each question's facts against what the PDFs really say. Renders into a temporary
 * folder before the file's tests and removes it after.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { readPdfPages } from '../../demo/scripts/read-pdf-pages';
import { normaliseText } from './grade';

/** @example const textByFile = useRenderedTexts('wagechat-eval-kb-', renderEvalKnowledgeBase) */
export function useRenderedTexts(
  prefix: string,
  render: (outDir: string) => Promise<ReadonlyArray<{ file: string; pdfPath: string }>>,
): Map<string, string> {
  const textByFile = new Map<string, string>();
  let outDir = '';
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), prefix));
    for (const article of await render(outDir)) {
      const pages = await readPdfPages(await readFile(article.pdfPath));
      textByFile.set(article.file, normaliseText(pages.join('\n')));
    }
  });
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });
  return textByFile;
}
