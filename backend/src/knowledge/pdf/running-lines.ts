import type { RawPage } from './types';

/** How many lines at the top and at the bottom of a page can be a running header or footer. */
const EDGE_LINES = 3;
/** Fraction of the page height at the top and at the bottom that counts as margin. */
const EDGE_ZONE = 0.12;

/** Page numbers and dates change from page to page; the rest of a running line does not. */
function signature(text: string): string {
  return text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Removes running headers and footers: lines near the top or bottom edge whose text (digits
 * ignored) repeats on at least half of the pages. Needs two pages or more to tell.
 */
export function removeRunningLines(pages: readonly RawPage[]): RawPage[] {
  if (pages.length < 2) return pages.map((page) => ({ ...page, lines: [...page.lines] }));
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(edgeLines(page).map((line) => signature(line.text)));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2));
  const running = new Set([...counts].filter(([, n]) => n >= threshold).map(([key]) => key));
  return pages.map((page) => {
    const edges = new Set(edgeLines(page));
    return {
      ...page,
      lines: page.lines.filter((line) => !(edges.has(line) && running.has(signature(line.text)))),
    };
  });
}

/** Running lines sit in the page margins: among the first or last few lines, near the edge. */
function edgeLines(page: RawPage) {
  const { lines, height } = page;
  const candidates =
    lines.length <= EDGE_LINES * 2
      ? lines
      : [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  return candidates.filter(
    (line) => line.top < height * EDGE_ZONE || line.top > height * (1 - EDGE_ZONE),
  );
}
