/**
 * Citations for quoted passages: the document and page, and a snippet that starts where
 * the answer's words start so the reader sees the quoted text first.
 */
import type { SearchHit } from '../../knowledge/types';
import type { Citation } from '../types';

const SNIPPET_CHARS = 180;

/** The citation of one quoted hit; `answerText` positions the snippet on the quoted words. */
export function toCitation(hit: SearchHit, answerText: string): Citation {
  const quoted = hit.text.replace(/\s+/g, ' ').trim();
  const start = Math.max(0, quoted.indexOf(answerText.slice(0, 40)));
  const snippet = quoted.slice(start, start + SNIPPET_CHARS);
  return {
    document_id: hit.documentId,
    title: hit.title,
    page: hit.page,
    snippet: snippet.length < quoted.length - start ? `${snippet.trimEnd()}…` : snippet,
  };
}
