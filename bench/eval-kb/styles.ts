/**
 * Page styles for the unfamiliar help centre ("Northfield Payroll Help"). They differ from the
 * demo renderer on purpose (fonts, paper, margins, running text, where the title sits) so that
 * tuning on the demo PDFs cannot quietly fit their layout.
 */

/** One look for a rendered article. */
export interface EvalPageStyle {
  size: 'LETTER' | 'A4';
  margins: { top: number; bottom: number; left: number; right: number };
  fonts: { body: string; bold: string };
  sizes: { title: number; h2: number; h3: number; body: number; running: number };
  /** Printed at the top of each page (page 1 included unless `headerFromPage` is 2). */
  header: string;
  headerFromPage: 1 | 2;
  /** Footer text for page `page` of `pages`. */
  footer: (title: string, page: number, pages: number) => string;
  /** A small label printed above the title on page 1, as some help centres do. */
  kicker: string | null;
  accent: string;
}

/** Help-centre name used in running text. */
export const EVAL_HELP_CENTRE = 'Northfield Payroll Help';

/** Three looks, assigned to articles in turn (sorted by file name). */
export const EVAL_PAGE_STYLES: readonly EvalPageStyle[] = [
  {
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 60, right: 60 },
    fonts: { body: 'Times-Roman', bold: 'Times-Bold' },
    sizes: { title: 20, h2: 14, h3: 12, body: 11.5, running: 8 },
    header: `${EVAL_HELP_CENTRE} | Employee knowledge base`,
    headerFromPage: 1,
    footer: (_title, page, pages) => `Page ${page} of ${pages}`,
    kicker: null,
    accent: '#7a2e1f',
  },
  {
    size: 'LETTER',
    margins: { top: 90, bottom: 80, left: 90, right: 90 },
    fonts: { body: 'Helvetica', bold: 'Helvetica-Bold' },
    sizes: { title: 17, h2: 12.5, h3: 11, body: 9.5, running: 7.5 },
    header: 'NORTHFIELD PAYROLL HELP',
    headerFromPage: 2,
    footer: (title, page) => `${page} | ${title} | northfield-payroll.example/help`,
    kicker: 'Knowledge article',
    accent: '#1d4f91',
  },
  {
    size: 'LETTER',
    margins: { top: 70, bottom: 70, left: 66, right: 66 },
    fonts: { body: 'Courier', bold: 'Courier-Bold' },
    sizes: { title: 18, h2: 13, h3: 11.5, body: 9.5, running: 8 },
    header: `${EVAL_HELP_CENTRE}  -  for employees of Northfield clients`,
    headerFromPage: 1,
    footer: (_title, page) => `rev. 2026-03   -   ${page}`,
    kicker: null,
    accent: '#333333',
  },
];
