// The help-centre articles use a deliberately tiny subset of Markdown, parsed line by line,
// so the PDF layout is fully ours and the format stays easy to write by hand:
//   # Title            (first line, exactly once)
//   ## Section / ### Sub-section
//   - bullet item      (one line per item)
//   Q: question        (must be followed by an `A:` line; the chunker keeps each pair whole)
//   A: answer
//   anything else      (a paragraph; consecutive lines join, a blank line ends it)

/** One renderable piece of an article, in reading order. */
export type ArticleBlock =
  | { kind: 'heading'; level: 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'question'; question: string; answer: string };

/** A parsed help-centre article. `name` is the file stem, e.g. `instant-pay`. */
export interface Article {
  name: string;
  title: string;
  blocks: ArticleBlock[];
}

/**
 * Parses one article. Throws with the article name and line number on anything outside the
 * subset, so a typo fails the build instead of rendering as a stray paragraph.
 *
 * @example parseArticle('instant-pay', '# Instant Pay\n\nGet paid early.\n')
 */
export function parseArticle(name: string, markdown: string): Article {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: ArticleBlock[] = [];
  let title: string | undefined;
  let paragraph: string[] = [];
  let list: string[] | undefined;
  let pendingQuestion: { text: string; line: number } | undefined;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    if (list) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = undefined;
  };

  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    const at = index + 1;
    if (pendingQuestion && !line.startsWith('A: ')) {
      fail(name, pendingQuestion.line, 'a "Q:" line must be followed directly by an "A:" line');
    }
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      flush();
      const match = /^(#{1,3}) (\S.*)$/.exec(line);
      if (!match) fail(name, at, `unsupported heading "${line}" (use #, ## or ###)`);
      const [, hashes = '', text = ''] = match;
      if (hashes.length === 1) {
        if (title !== undefined || blocks.length > 0)
          fail(name, at, 'the "# " title must come first');
        title = text;
        continue;
      }
      blocks.push({ kind: 'heading', level: hashes.length === 2 ? 2 : 3, text });
      continue;
    }
    if (title === undefined) fail(name, at, 'the article must start with a "# " title');
    if (line.startsWith('- ')) {
      if (paragraph.length > 0) flush();
      list ??= [];
      list.push(line.slice(2).trim());
      continue;
    }
    if (line.startsWith('Q: ')) {
      flush();
      pendingQuestion = { text: line.slice(3).trim(), line: at };
      continue;
    }
    if (line.startsWith('A: ')) {
      if (!pendingQuestion) fail(name, at, 'an "A:" line needs a "Q:" line just before it');
      blocks.push({
        kind: 'question',
        question: pendingQuestion.text,
        answer: line.slice(3).trim(),
      });
      pendingQuestion = undefined;
      continue;
    }
    if (list) flush();
    paragraph.push(line);
  }

  if (pendingQuestion) fail(name, pendingQuestion.line, 'a "Q:" line has no answer');
  flush();
  if (title === undefined) fail(name, 1, 'the article has no "# " title');
  return { name, title, blocks };
}

function fail(name: string, line: number, message: string): never {
  throw new Error(`${name}.md line ${line}: ${message}`);
}
