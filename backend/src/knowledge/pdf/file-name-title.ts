/**
 * The last-resort title: the uploaded file name turned into words
 * ("tip-payouts_v2.pdf" -> "Tip payouts v2").
 */
export function titleFromFilename(filename: string): string {
  const base = filename
    .replace(/^.*[\\/]/, '')
    .replace(/(\.pdf)?(\.gz)?$/i, '')
    .replace(/%20/g, ' ')
    .replace(/[-_+]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return base ? base[0]!.toUpperCase() + base.slice(1) : 'Untitled document';
}
