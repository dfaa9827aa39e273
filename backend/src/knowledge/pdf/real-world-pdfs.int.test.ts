/**
 * Titles and text of PDFs no one here wrote: LaTeX, Texinfo, DocBook and ReportLab manuals
 * from Debian's documentation packages, read at their installed paths through the real
 * worker pool. Expected titles were checked against each PDF's rendered first page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfExtractor } from './extract-pool';
import { titleFromFilename } from './file-name-title';
import type { ExtractedPdf } from './types';

/** The line CI runs to install them (also printed when they are missing). */
const APT_LINE =
  'apt-get install -y --no-install-recommends shared-mime-info fontconfig bzip2-doc libtasn1-doc nettle-dev zlib1g-dev camlidl-doc docbook-xsl-doc-pdf python-reportlab-doc';

interface RealPdf {
  path: string;
  /** What a citation should call it. */
  title: string;
  /** Layout debris the source shows and extraction must have removed. */
  debris?: RegExp;
  /** Text that must survive the clean-up. */
  keeps?: string[];
}

const TEXINFO_TAGS = /\[(Function|Constant|Context struct|Macro|Constant Struct|Meta struct)\]/;

const PDFS: RealPdf[] = [
  {
    path: '/usr/share/doc/shared-mime-info/shared-mime-info-spec.pdf',
    // Not "X Desktop Group (http://www.freedesktop.org) Thomas Leonard" (the author lines).
    title: 'Shared MIME-info Database',
    keeps: ['MIME system[MIME]'],
  },
  // A DocBook reference page: its name heading is all page 1 has.
  { path: '/usr/share/doc/fontconfig/fontconfig-user.pdf.gz', title: 'fonts-conf' },
  {
    path: '/usr/share/doc/bzip2/manual.pdf.gz',
    title: 'bzip2 and libbzip2, version 1.0.8',
    debris: /(\. ){5}/,
  },
  {
    path: '/usr/share/doc/libtasn1-doc/libtasn1.pdf',
    title: 'Libtasn1',
    debris: new RegExp(`${TEXINFO_TAGS.source}|\\$\\\\backslash\\$`),
    keeps: ['int asn1_parser2tree', 'value="\\x01\\x02\\x03"'],
  },
  {
    path: '/usr/share/doc/nettle-dev/nettle.pdf.gz',
    title: 'Nettle Manual',
    debris: new RegExp(`${TEXINFO_TAGS.source}|M¨oller|(\\. ){5}`),
    keeps: ['Niels Möller', 'Initialize the SHA256 state.', '[Randomness]'],
  },
  {
    path: '/usr/share/doc/zlib1g-dev/crc-doc.1.0.pdf.gz',
    title: 'Everything we know about CRC but afraid to forget',
    debris: /(\. ){5}/,
  },
  // "Version 1.04", set at the title's size on the next line, is not part of it.
  { path: '/usr/share/doc/camlidl/camlidl-1.04.doc.pdf', title: 'Camlidl user’s manual' },
  // Page 1 is a run-together table of contents at body size: no heading, so the file name.
  { path: '/usr/share/doc/docbook-xsl-doc-pdf/doc/reference.pdf.gz', title: 'Reference' },
  {
    path: '/usr/share/doc/python-reportlab-doc/reportlab-userguide.pdf',
    title: 'ReportLab PDF Generation User Guide',
  },
];

const present = PDFS.filter((pdf) => existsSync(pdf.path));
if (present.length < PDFS.length) {
  const missing = PDFS.filter((pdf) => !present.includes(pdf)).map((pdf) => pdf.path);
  console.warn(
    `real-world PDFs: SKIPPING ${missing.length} of ${PDFS.length} (not installed: ${missing.join(', ')}). Install them with: ${APT_LINE}`,
  );
}

const extractor = createPdfExtractor({ workers: 1 });
afterAll(() => extractor.close());

const fileName = (path: string) => path.split('/').pop()!.replace(/\.gz$/, '');
const read = (path: string) => {
  const bytes = readFileSync(path);
  return path.endsWith('.gz') ? gunzipSync(bytes) : bytes;
};
const textOf = (pdf: ExtractedPdf) =>
  pdf.pages.flatMap((page) => page.blocks.map((block) => block.text)).join('\n');

/** Lines that name a document wrongly: author, organisation URL, email, watermark. */
const NOT_A_TITLE = /https?:|www\.|@|\bat users\b|\bDRAFT\b|^by\b|Thomas Leonard|Desktop Group/i;

describe('real-world PDFs from Debian documentation packages', () => {
  for (const real of PDFS) {
    it.skipIf(!present.includes(real))(`${fileName(real.path)}: title and clean text`, async () => {
      const pdf = await extractor.extract(read(real.path));
      const title = pdf.title ?? titleFromFilename(fileName(real.path));
      expect(title).toBe(real.title);
      expect(title).not.toMatch(NOT_A_TITLE);
      const text = textOf(pdf);
      expect(text.length).toBeGreaterThan(5_000);
      if (real.debris) expect(text).not.toMatch(real.debris);
      for (const kept of real.keeps ?? []) expect(text).toContain(kept);
    });
  }
});
