import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArticle } from './kb-markdown';
import { renderArticlePdf } from './kb-pdf';

const ARTICLES_DIR = fileURLToPath(new URL('../kb/articles/', import.meta.url));
const DEFAULT_OUT_DIR = fileURLToPath(new URL('../kb/pdf/', import.meta.url));
// A layout change must re-render every PDF, so the renderer counts as a source too.
const RENDERER_SOURCES = ['./kb-pdf.ts', './kb-markdown.ts'].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

export interface RenderKnowledgeBaseOptions {
  /** Folder of `*.md` articles; defaults to demo/kb/articles. */
  articlesDir?: string;
  /** Re-render even when every PDF is newer than its sources. */
  force?: boolean;
}

/** What happened to one article: `rendered` is false when its PDF was already up to date. */
export interface RenderedArticle {
  name: string;
  title: string;
  pdfPath: string;
  rendered: boolean;
}

/**
 * Renders every demo help-centre article to `<outDir>/<name>.pdf` (default demo/kb/pdf),
 * skipping PDFs that are newer than their article and the renderer.
 *
 * @example await renderKnowledgeBase(); // demo/kb/pdf/instant-pay.pdf, ...
 */
export async function renderKnowledgeBase(
  outDir: string = DEFAULT_OUT_DIR,
  options: RenderKnowledgeBaseOptions = {},
): Promise<RenderedArticle[]> {
  const articlesDir = options.articlesDir ?? ARTICLES_DIR;
  const files = (await readdir(articlesDir)).filter((file) => file.endsWith('.md')).sort();
  if (files.length === 0) throw new Error(`No *.md articles found in ${articlesDir}`);
  await mkdir(outDir, { recursive: true });
  const rendererTime = Math.max(...(await Promise.all(RENDERER_SOURCES.map(modifiedAt))));

  const results: RenderedArticle[] = [];
  for (const file of files) {
    const sourcePath = join(articlesDir, file);
    const name = basename(file, '.md');
    const pdfPath = join(outDir, `${name}.pdf`);
    const article = parseArticle(name, await readFile(sourcePath, 'utf8'));
    const sourceTime = Math.max(rendererTime, await modifiedAt(sourcePath));
    const upToDate = !options.force && (await modifiedAt(pdfPath)) > sourceTime;
    if (!upToDate) await writeFile(pdfPath, await renderArticlePdf(article));
    results.push({ name, title: article.title, pdfPath, rendered: !upToDate });
  }
  return results;
}

async function modifiedAt(path: string): Promise<number> {
  try {
    return (await stat(path)).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

async function main(argv: string[]): Promise<void> {
  const force = argv.includes('--force');
  const outDir = argv.find((arg) => !arg.startsWith('--'));
  const results = await renderKnowledgeBase(outDir, { force });
  const rendered = results.filter((result) => result.rendered).length;
  for (const result of results) {
    console.log(`${result.rendered ? 'rendered  ' : 'up to date'}  ${result.pdfPath}`);
  }
  console.log(`${results.length} articles, ${rendered} rendered`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
