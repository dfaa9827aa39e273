import { titleFromFilename } from './file-name-title';

/** What a PDF says about itself: the Info dictionary and the XMP packet, as pdfjs reads them. */
export interface PdfMetadata {
  /** Info dictionary `Title`. */
  title?: unknown;
  /** XMP `dc:title`. */
  xmpTitle?: unknown;
  producer?: unknown;
  creator?: unknown;
}

/** Office tools name the file being printed: "Microsoft Word - tip-payouts.docx". */
const APP_PREFIX =
  /^(microsoft\s+(word|excel|powerpoint|publisher|visio)|powerpoint|word|excel|libreoffice|openoffice)\s*-\s*/i;
const FILE_EXTENSION =
  /\.(docx?|dotx?|odt|rtf|pages|pptx?|odp|key|xlsx?|ods|indd|tex|dvi|ps|pdf|txt|md|html?)$/i;
/** Placeholder titles that tools fill in when the author set none. */
const PLACEHOLDER =
  /^(untitled|no title|title|document\s*\d*|doc\d*|presentation\d*|powerpoint presentation|slide \d+|layout \d+|new document|blank|none|unknown|draft|print|default)(\s*[-_ ]?\d+)?$/i;

const asText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  // XMP alternatives can arrive as a list of language variants.
  if (Array.isArray(value)) return value.find((v): v is string => typeof v === 'string') ?? '';
  return '';
};

/**
 * A metadata title as people would call the document, or null when it is junk: empty,
 * a placeholder ("Untitled"), a file path, the producing program's name, or all-caps noise.
 * "Microsoft Word - tip_payouts.docx" loses the prefix and the extension.
 */
export function cleanMetadataTitle(raw: unknown, meta: PdfMetadata = {}): string | null {
  let title = asText(raw)
    .replace(/[\p{Cc}\ufeff]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const hadPrefix = APP_PREFIX.test(title);
  title = title.replace(APP_PREFIX, '').trim();
  const hadExtension = FILE_EXTENSION.test(title);
  title = title.replace(FILE_EXTENSION, '').trim();
  if (!title || PLACEHOLDER.test(title)) return null;
  // A path, not a name: "C:\Users\ana\report", "/home/build/out/manual".
  if (/^([a-z]:)?[\\/~]|[\\/][^\s\\/]+[\\/]/i.test(title)) return null;
  const program = [meta.producer, meta.creator].map((v) => asText(v).trim().toLowerCase());
  if (program.includes(title.toLowerCase())) return null;
  const letters = title.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return null;
  // All-caps noise: one upper-case token such as "DRAFT" or "RPT_0042_FINAL".
  if (!/\p{Ll}/u.test(title) && !/\s/.test(title)) return null;
  // A file name left as the title ("tip_payouts_v2") reads better as words.
  if ((hadPrefix || hadExtension) && !/\s/.test(title) && /[-_]/.test(title)) {
    return titleFromFilename(title);
  }
  return title;
}

/** The first usable title among the Info dictionary's and the XMP packet's. */
export function metadataTitle(meta: PdfMetadata): string | null {
  return cleanMetadataTitle(meta.title, meta) ?? cleanMetadataTitle(meta.xmpTitle, meta);
}
