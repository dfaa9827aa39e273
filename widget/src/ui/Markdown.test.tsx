// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Markdown, plainText } from './Markdown';

function html(text: string): { root: HTMLElement; html: string } {
  const root = document.createElement('div');
  render(<Markdown text={text} />, root);
  return { root, html: root.innerHTML };
}

describe('Markdown', () => {
  it('renders paragraphs, bulleted and numbered lists, bold, italic and inline code', () => {
    const { html: out } = html(
      'Tips are paid **daily**.\n\n- *Instant Pay*: `$2.99`\n- Standard: free\n\n1. Open the app\n2. Tap **Cash out**',
    );
    expect(out).toBe(
      '<div class="wc-md"><p>Tips are paid <strong>daily</strong>.</p>' +
        '<ul><li><em>Instant Pay</em>: <code>$2.99</code></li><li>Standard: free</li></ul>' +
        '<ol><li>Open the app</li><li>Tap <strong>Cash out</strong></li></ol></div>',
    );
  });

  it('keeps a list directly after a paragraph line and continues wrapped list items', () => {
    const { root } = html('Fees:\n- one\n  more\n* two');
    expect(root.querySelector('p')?.textContent).toBe('Fees:');
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'one more',
      'two',
    ]);
  });

  it('renders http(s) and mailto links that open in a new tab without an opener', () => {
    const { root } = html('See [fees](https://help.example.com/fees) or [mail us](mailto:a@b.co).');
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['fees', 'https://help.example.com/fees'],
      ['mail us', 'mailto:a@b.co'],
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror="alert(1)">'],
    ['**<b onclick="alert(1)">x</b>**'],
    ['- <iframe src="javascript:alert(1)"></iframe>'],
  ])('shows HTML in %s as text, never as elements', (text) => {
    const { root } = html(text);
    expect(root.querySelector('script, img, b, iframe, [onerror], [onclick]')).toBeNull();
    expect(root.textContent).toContain('<');
    expect(root.textContent).toContain(text.replace(/^- |\*\*/g, '').slice(0, 8));
  });

  it.each([
    ['[click](javascript:alert(1))'],
    ['[click](JaVaScRiPt:alert(1))'],
    ['[click](data:text/html,<script>alert(1)</script>)'],
    ['[click](vbscript:msgbox)'],
    ['[click](//evil.example.com)'],
    ['[click](/relative)'],
  ])('does not link an unsafe or relative target: %s', (text) => {
    const { root } = html(text);
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('click');
  });

  it('does not let nested brackets smuggle a second link target', () => {
    const { root } = html(
      '[a [b](javascript:x) c](https://ok.example.com) [[x]](https://y.example.com)',
    );
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.every((h) => h?.startsWith('https://'))).toBe(true);
    expect(root.innerHTML).not.toContain('javascript:x"');
  });

  it('leaves unclosed marks and lone asterisks as typed', () => {
    expect(html('2 * 3 = 6 and **not bold').root.textContent).toBe('2 * 3 = 6 and **not bold');
    expect(html('2 * 3 = 6 and **not bold').root.querySelector('strong, em')).toBeNull();
  });

  it('gives a screen reader the words without the marks', () => {
    expect(
      plainText('**Yes**: see [the fee page](https://x.example) and `APR`.\n- *one* item\n2. two'),
    ).toBe('Yes: see the fee page and APR.\none item\ntwo');
    // What is shown as raw text (an unsafe link, a lone star) is read as it is shown.
    expect(plainText('[click](javascript:void0) 2 * 3')).toBe('[click](javascript:void0) 2 * 3');
  });
});
