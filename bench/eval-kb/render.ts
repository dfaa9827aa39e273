/**
 * Renders the unfamiliar help centre (bench/eval-kb/articles) to PDF in a layout of its own:
 * the demo's Markdown subset is reused (demo/scripts/kb-markdown.ts), the page look is not.
 * List items written `a | b | c` print as table rows. Only some files carry a PDF Title, so
 * citations of the others must come from the first page's heading or the file name.
 *
 *   tsx bench/eval-kb/render.ts [outDir]     (default: a fresh temporary folder)
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Article, type ArticleBlock, parseArticle } from '../../demo/scripts/kb-markdown';
import { EVAL_HELP_CENTRE, EVAL_PAGE_STYLES, type EvalPageStyle } from './styles';

// pdfkit is a dependency of the demo package, not of the repository root, so it is loaded from
// there: a bench-only package.json would mean a lockfile change for one script.
const PDFDocument = createRequire(new URL('../../demo/package.json', import.meta.url))(
  'pdfkit',
) as typeof import('pdfkit');

/** The unfamiliar articles; nothing in the product or its tuning should read this folder. */
export const EVAL_ARTICLES_DIR = fileURLToPath(new URL('./articles/', import.meta.url));

/** Articles whose PDF gets Title metadata; the rest rely on the heading or the file name. */
export const TITLED_ARTICLES: ReadonlySet<string> = new Set([
  'final-paycheck',
  'overtime-and-hours-worked',
  'paycard-fee-disclosures',
  'tip-credit-and-tip-pools',
  'w4-withholding',
]);

const CREATION_DATE = new Date('2026-03-02T08:00:00Z');
const MUTED = '#777777';
const INK = '#222222';

/** One rendered article: `file` is the PDF's name as ingested, e.g. `final-paycheck.pdf`. */
export interface RenderedEvalArticle {
  name: string;
  file: string;
  title: string;
  pdfPath: string;
}

/**
 * Renders one article with the given look. Deterministic bytes (fixed creation date).
 * @example await renderEvalArticlePdf(article, EVAL_PAGE_STYLES[0]!, true)
 */
export function renderEvalArticlePdf(
  article: Article,
  style: EvalPageStyle,
  withTitle: boolean,
): Promise<Buffer> {
  const doc = new PDFDocument({
    size: style.size,
    margins: style.margins,
    bufferPages: true,
    info: {
      ...(withTitle ? { Title: article.title } : {}),
      Producer: EVAL_HELP_CENTRE,
      CreationDate: CREATION_DATE,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = style.margins.left;
  const width = doc.page.width - left - style.margins.right;
  if (style.kicker) {
    doc.font(style.fonts.body).fontSize(style.sizes.running).fillColor(MUTED);
    doc.text(style.kicker.toUpperCase(), left, doc.y, { width, characterSpacing: 1 });
    doc.moveDown(0.4);
  }
  doc.font(style.fonts.bold).fontSize(style.sizes.title).fillColor(style.accent);
  doc.text(article.title, left, doc.y, { width });
  doc.moveDown(0.8);
  for (const block of article.blocks) drawBlock(doc, block, style, width);
  stampRunningText(doc, style, article.title);
  doc.end();
  return done;
}

function body(doc: PDFKit.PDFDocument, style: EvalPageStyle): PDFKit.PDFDocument {
  return doc.font(style.fonts.body).fontSize(style.sizes.body).fillColor(INK);
}

function keepRoom(doc: PDFKit.PDFDocument, style: EvalPageStyle, points: number): void {
  if (doc.y + points > doc.page.height - style.margins.bottom) doc.addPage();
}

function drawBlock(
  doc: PDFKit.PDFDocument,
  block: ArticleBlock,
  style: EvalPageStyle,
  width: number,
): void {
  const left = style.margins.left;
  switch (block.kind) {
    case 'heading': {
      const size = block.level === 2 ? style.sizes.h2 : style.sizes.h3;
      keepRoom(doc, style, size * 5);
      doc.moveDown(0.6);
      doc.font(style.fonts.bold).fontSize(size).fillColor(INK).text(block.text, left, doc.y, {
        width,
      });
      doc.moveDown(0.25);
      return;
    }
    case 'paragraph':
      body(doc, style).text(block.text, left, doc.y, { width, lineGap: 1.5, paragraphGap: 6 });
      return;
    case 'list':
      if (block.items.every((item) => item.includes(' | '))) drawTable(doc, block.items, style);
      else {
        body(doc, style).list(block.items, left + 10, doc.y, {
          width: width - 10,
          lineGap: 1.5,
          paragraphGap: 2,
          bulletRadius: 1.6,
          textIndent: 10,
        });
        doc.moveDown(0.5);
      }
      return;
    case 'question':
      keepRoom(doc, style, style.sizes.body * 4);
      doc.font(style.fonts.bold).fontSize(style.sizes.body).fillColor(INK);
      doc.text(block.question, left, doc.y, { width, lineGap: 1.5 });
      body(doc, style).text(block.answer, left + 12, doc.y + 1, {
        width: width - 12,
        lineGap: 1.5,
        paragraphGap: 8,
      });
      return;
  }
}

/** Rows of `a | b | c`: the first column gets the widest share, the rest split what is left. */
function drawTable(doc: PDFKit.PDFDocument, items: string[], style: EvalPageStyle): void {
  const left = style.margins.left;
  const width = doc.page.width - left - style.margins.right;
  const rows = items.map((item) => item.split(' | ').map((cell) => cell.trim()));
  const columns = Math.max(...rows.map((row) => row.length));
  const first = columns === 2 ? width * 0.55 : width * 0.3;
  const rest = (width - first) / Math.max(1, columns - 1);
  const gap = 8;
  for (const row of rows) {
    body(doc, style);
    const widths = row.map((_, index) => (index === 0 ? first : rest) - gap);
    const height = Math.max(
      ...row.map((cell, index) => doc.heightOfString(cell, { width: widths[index] })),
    );
    keepRoom(doc, style, height + 6);
    const top = doc.y;
    let x = left;
    row.forEach((cell, index) => {
      doc.text(cell, x, top, { width: widths[index], lineGap: 1 });
      x += index === 0 ? first : rest;
    });
    doc.y = top + height + 4;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + width, doc.y - 2)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
  }
  doc.x = left;
  doc.moveDown(0.6);
}

function stampRunningText(doc: PDFKit.PDFDocument, style: EvalPageStyle, title: string): void {
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    const { width, height } = doc.page;
    const inner = width - style.margins.left - style.margins.right;
    // Text inside the bottom margin would open a new page unless the margin is lifted first.
    doc.page.margins.bottom = 0;
    doc.font(style.fonts.body).fontSize(style.sizes.running).fillColor(MUTED);
    if (index + 1 >= style.headerFromPage) {
      doc.text(style.header, style.margins.left, style.margins.top / 2, {
        width: inner,
        align: 'right',
      });
    }
    doc.text(
      style.footer(title, index + 1, count),
      style.margins.left,
      height - style.margins.bottom / 2,
      {
        width: inner,
        align: index % 2 === 0 ? 'left' : 'right',
      },
    );
    doc.page.margins.bottom = style.margins.bottom;
  }
}

/** Which articles a help centre renders, in which looks, and which get Title metadata. */
export interface EvalHelpCentre {
  articlesDir: string;
  styles: readonly EvalPageStyle[];
  titled: ReadonlySet<string>;
}

/**
 * Renders every article of a help centre to `<outDir>/<name>.pdf`, styles assigned in turn by
 * sorted file name (default: this unfamiliar set).
 * @example const rendered = await renderEvalKnowledgeBase(await mkdtemp(...))
 */
export async function renderEvalKnowledgeBase(
  outDir: string,
  articlesDir: string = EVAL_ARTICLES_DIR,
  centre: Omit<EvalHelpCentre, 'articlesDir'> = {
    styles: EVAL_PAGE_STYLES,
    titled: TITLED_ARTICLES,
  },
): Promise<RenderedEvalArticle[]> {
  const files = (await readdir(articlesDir)).filter((file) => file.endsWith('.md')).sort();
  if (files.length === 0) throw new Error(`No *.md articles in ${articlesDir}`);
  await mkdir(outDir, { recursive: true });
  const rendered: RenderedEvalArticle[] = [];
  for (const [index, file] of files.entries()) {
    const name = basename(file, '.md');
    const article = parseArticle(name, await readFile(join(articlesDir, file), 'utf8'));
    const style = centre.styles[index % centre.styles.length]!;
    const pdfPath = join(outDir, `${name}.pdf`);
    await writeFile(pdfPath, await renderEvalArticlePdf(article, style, centre.titled.has(name)));
    rendered.push({ name, file: `${name}.pdf`, title: article.title, pdfPath });
  }
  return rendered;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'wagechat-eval-kb-')));
  for (const article of await renderEvalKnowledgeBase(outDir)) console.log(article.pdfPath);
}
