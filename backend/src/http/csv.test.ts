import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('quotes every cell and doubles quotes; commas and newlines stay inside the cell', () => {
    expect(csvCell('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(42)).toBe('"42"');
  });

  it('keeps formula-looking cells as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvCell(`${start}HYPERLINK("http://evil.example")`)).toBe(
        `"'${start}HYPERLINK(""http://evil.example"")"`,
      );
    }
    expect(csvCell('a=b')).toBe('"a=b"');
  });

  it('writes a header row and CRLF line ends', () => {
    expect(toCsv(['id', 'action'], [[1, 'chat.message']])).toBe(
      '"id","action"\r\n"1","chat.message"\r\n',
    );
  });
});
