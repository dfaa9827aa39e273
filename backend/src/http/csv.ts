/**
 * RFC 4180 CSV for exports people open in spreadsheets. Every cell is quoted (quotes doubled),
 * and a cell a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return that some apps strip first) is prefixed with an apostrophe so it stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null and undefined are empty, everything else its string form. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * A header row and the rows, CRLF line ends.
 * @example toCsv(['id', 'action'], [[1, 'chat.message']]) // '"id","action"\r\n"1","chat.message"\r\n'
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return [header, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
