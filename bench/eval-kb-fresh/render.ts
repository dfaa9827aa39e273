/**
 * Renders the third evaluation help centre, "Harbor Lane Payroll" (bench/eval-kb-fresh/articles),
 * with the unfamiliar set's PDF writer but looks of its own, so that tuning on it cannot fit
 * either of the other two layouts. Title metadata on only some files, as in bench/eval-kb.
 *
 *   tsx bench/eval-kb-fresh/render.ts [outDir]     (default: a fresh temporary folder)
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type RenderedEvalArticle, renderEvalKnowledgeBase } from '../eval-kb/render';
import type { EvalPageStyle } from '../eval-kb/styles';

/** The Harbor Lane articles: a tuning set written after the unfamiliar set's holdout gap. */
export const FRESH_ARTICLES_DIR = fileURLToPath(new URL('./articles/', import.meta.url));

/** Help-centre name used in running text. */
export const FRESH_HELP_CENTRE = 'Harbor Lane Payroll';

/** Articles whose PDF gets Title metadata; the rest rely on the heading or the file name. */
export const FRESH_TITLED_ARTICLES: ReadonlySet<string> = new Set([
  'cobra-health-coverage',
  'holiday-pay',
  'retirement-401k',
  'workers-compensation',
]);

/** Two looks, assigned in turn by sorted file name. */
export const FRESH_PAGE_STYLES: readonly EvalPageStyle[] = [
  {
    size: 'LETTER',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    fonts: { body: 'Helvetica', bold: 'Helvetica-Bold' },
    sizes: { title: 22, h2: 13, h3: 11, body: 10.5, running: 7 },
    header: `${FRESH_HELP_CENTRE} - Worker Help Centre`,
    headerFromPage: 1,
    footer: (title, page, pages) => `${title} - ${page}/${pages}`,
    kicker: 'Help article',
    accent: '#0b6e69',
  },
  {
    size: 'A4',
    margins: { top: 56, bottom: 60, left: 80, right: 56 },
    fonts: { body: 'Times-Roman', bold: 'Helvetica-Bold' },
    sizes: { title: 16, h2: 12, h3: 11, body: 10.5, running: 7.5 },
    header: 'HARBOR LANE  |  help.harborlane.example',
    headerFromPage: 2,
    footer: (_title, page) => `Updated May 2026 . ${page}`,
    kicker: null,
    accent: '#5a3d8a',
  },
];

/**
 * Renders every article to `<outDir>/<name>.pdf`.
 * @example const rendered = await renderFreshKnowledgeBase(await mkdtemp(...))
 */
export function renderFreshKnowledgeBase(
  outDir: string,
  articlesDir: string = FRESH_ARTICLES_DIR,
): Promise<RenderedEvalArticle[]> {
  return renderEvalKnowledgeBase(outDir, articlesDir, {
    styles: FRESH_PAGE_STYLES,
    titled: FRESH_TITLED_ARTICLES,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'wagechat-eval-fresh-')));
  for (const article of await renderFreshKnowledgeBase(outDir)) console.log(article.pdfPath);
}
