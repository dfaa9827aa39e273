import { describe, expect, it } from 'vitest';
import { cleanLineText, isContentsPage } from './clean-text';
import { cleanMetadataTitle } from './metadata-title';

describe('cleanLineText', () => {
  it('puts TeX accents back on their letters, only where such a letter exists', () => {
    expect(cleanLineText('Niels M¨oller and Fran¸cois')).toBe('Niels Möller and François');
    expect(cleanLineText('don´t')).toBe('don´t');
  });

  it('turns literal LaTeX escapes into the characters they stand for', () => {
    expect(cleanLineText('value="$\\backslash$x01$\\backslash$x02"')).toBe('value="\\x01\\x02"');
    expect(cleanLineText('a $<$ b and c $>$ d')).toBe('a < b and c > d');
    // Real dollar amounts and backslashes are text.
    expect(cleanLineText('Instant Pay costs $2.99, C:\\Users')).toBe(
      'Instant Pay costs $2.99, C:\\Users',
    );
  });

  it('collapses dot leaders but keeps an ellipsis', () => {
    expect(cleanLineText('3.1 Fees . . . . . . . . . 4')).toBe('3.1 Fees … 4');
    expect(cleanLineText('Fees..........4')).toBe('Fees … 4');
    expect(cleanLineText('Wait... then pay')).toBe('Wait... then pay');
  });
});

describe('isContentsPage', () => {
  const lines = (texts: string[]) => texts.map((text) => ({ text }));
  it('recognises a page of leader entries with ascending page numbers', () => {
    const toc = [
      'Contents',
      ...[1, 3, 4, 7, 9, 12].map((n, i) => `${i + 1} Chapter . . . . . ${n}`),
    ];
    expect(isContentsPage(lines(toc))).toBe(true);
  });
  it('leaves prose and price lists alone', () => {
    const prices = ['Fees', ...[5, 3, 9, 1, 2, 4].map((n) => `Transfer . . . . . . ${n}`)];
    expect(isContentsPage(lines(prices))).toBe(false);
    const dollars = ['Fees', ...[1, 2, 3, 4, 5, 6].map((n) => `Transfer . . . . . . $${n}.99`)];
    expect(isContentsPage(lines(dollars))).toBe(false);
    expect(isContentsPage(lines(['One . . . . 1', 'prose', 'more prose']))).toBe(false);
  });
});

describe('cleanMetadataTitle', () => {
  it('keeps real titles and drops junk ones', () => {
    expect(cleanMetadataTitle('  Valgrind   Documentation ')).toBe('Valgrind Documentation');
    expect(cleanMetadataTitle('Microsoft Word - Tip payouts.docx')).toBe('Tip payouts');
    expect(cleanMetadataTitle('tip-payouts_v2.pdf')).toBe('Tip payouts v2');
    for (const junk of [
      '',
      'untitled',
      'Untitled-3',
      'Document1',
      'DRAFT',
      'RPT_0042',
      '/home/ci/out/manual.pdf',
      'C:\\work\\guide',
      '—',
      42,
    ]) {
      expect(cleanMetadataTitle(junk)).toBeNull();
    }
    expect(cleanMetadataTitle('pdfTeX-1.40.22', { producer: 'pdfTeX-1.40.22' })).toBeNull();
    expect(cleanMetadataTitle(['Guide des pourboires'])).toBe('Guide des pourboires');
  });
});
