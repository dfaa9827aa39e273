import type { Citation } from '../api/types';
import type { ChatModel } from '../state/chat-model';

/** One citation per document page, in the order the server ranked them. */
function distinctSources(citations: Citation[]): Citation[] {
  const seen = new Set<string>();
  return citations.filter((c) => {
    const key = `${c.document_id}\u0000${c.page}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * "Title, p. N" chips that open the source PDF at the page in a new tab. A fresh link is
 * plain navigation; an expired or missing one is renewed first, in a tab opened during the
 * click itself so popup blockers allow it, with its opener cut (what `noopener` would do).
 */
export function CitationChips({ citations, model }: { citations: Citation[]; model: ChatModel }) {
  const sources = distinctSources(citations);
  if (!sources.length) return null;
  return (
    <ul class="wc-sources" aria-label="Sources">
      {sources.map((c) => (
        <li key={`${c.document_id}-${c.page}`}>
          <a
            class="wc-chip"
            href={model.sourceHref(c) ?? '#'}
            target="_blank"
            rel="noopener noreferrer"
            title={c.snippet}
            onClick={(event) => {
              if (model.sourceHref(c)) return;
              event.preventDefault();
              const tab = window.open('', '_blank');
              if (tab) tab.opener = null;
              void model.freshSourceHref(c).then((link) => {
                if (link.ok && tab) tab.location.href = link.value;
                else tab?.close();
              });
            }}
          >
            {`${c.title}, p. ${c.page}`}
          </a>
        </li>
      ))}
    </ul>
  );
}
