import { describe, expect, it } from 'vitest';
import { parseArticle } from './kb-markdown';

describe('parseArticle', () => {
  it('reads the title, headings, joined paragraphs, lists and Q/A pairs in order', () => {
    const article = parseArticle(
      'sample',
      [
        '# Sample Title',
        '',
        'First line',
        'second line.',
        '',
        '## Section',
        '### Sub',
        '- one',
        '- two',
        'After the list.',
        '',
        'Q: Does it work?',
        'A: Yes, $2.99.',
      ].join('\r\n'),
    );
    expect(article).toEqual({
      name: 'sample',
      title: 'Sample Title',
      blocks: [
        { kind: 'paragraph', text: 'First line second line.' },
        { kind: 'heading', level: 2, text: 'Section' },
        { kind: 'heading', level: 3, text: 'Sub' },
        { kind: 'list', items: ['one', 'two'] },
        { kind: 'paragraph', text: 'After the list.' },
        { kind: 'question', question: 'Does it work?', answer: 'Yes, $2.99.' },
      ],
    });
  });

  it.each([
    ['no title', 'Just text\n', /must start with a "# " title/],
    ['an empty file', '', /has no "# " title/],
    ['a second title', '# One\n\n# Two\n', /line 3: the "# " title must come first/],
    ['a fourth-level heading', '# T\n\n#### Deep\n', /line 3: unsupported heading/],
    [
      'a question without an answer',
      '# T\n\nQ: Why?\n\nMore text\n',
      /line 3: .*followed directly/,
    ],
    ['a question at the end', '# T\n\nQ: Why?', /line 3: .*(followed directly|no answer)/],
    ['an answer without a question', '# T\n\nA: Because.\n', /line 3: an "A:" line needs/],
  ])('rejects %s with the file and line', (_case, markdown, message) => {
    expect(() => parseArticle('bad', markdown)).toThrow(message);
    expect(() => parseArticle('bad', markdown)).toThrow(/^bad\.md line \d+/);
  });
});
