import { describe, expect, it } from 'vitest';
import { buildChunkRows, reuseKey } from './build-chunk-rows';
import { createHashingEmbedder } from './embedding/hashing-embedder';
import type { Embedder } from './embedding/types';
import type { ExtractedPdf } from './pdf/types';

const pdf: ExtractedPdf = {
  pageCount: 2,
  title: 'Tips',
  titleSource: 'heading',
  pages: [
    {
      number: 1,
      blocks: [
        { kind: 'heading', level: 1, text: 'Tips' },
        { kind: 'heading', level: 2, text: 'Payouts' },
        { kind: 'paragraph', text: 'Tip payouts arrive the next morning once tips are approved.' },
      ],
    },
    {
      number: 2,
      blocks: [
        { kind: 'heading', level: 2, text: 'Disputes' },
        { kind: 'paragraph', text: 'Ask your manager to correct a tip that looks wrong.' },
      ],
    },
  ],
};

/** The offline embedder, counting how many texts it was asked to embed. */
const counting = (): Embedder & { embedded: number } => {
  const inner = createHashingEmbedder({ dimension: 32 });
  const counter = {
    ...inner,
    embedded: 0,
    async embedDocuments(texts: string[]) {
      counter.embedded += texts.length;
      return inner.embedDocuments(texts);
    },
  };
  return counter;
};

describe('buildChunkRows', () => {
  const input = { tenantId: 't1', documentId: 'd1', version: 3, title: 'Tips', pdf };

  it('gives every chunk its tenant, document version, pages, section path, hash and vector', async () => {
    const embedder = counting();
    const rows = await buildChunkRows({ ...input, embedder });
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const [i, row] of rows.entries()) {
      expect(row).toMatchObject({
        id: `d1@3#${i}`,
        tenant_id: 't1',
        document_id: 'd1',
        version: 3,
        version_key: 'd1@3',
        ordinal: i,
      });
      expect(row.content_hash).toMatch(/^[0-9a-f]{16,}$/);
      expect(row.page_end).toBeGreaterThanOrEqual(row.page);
      expect(row.vector).toHaveLength(32);
      // Headings are searchable evidence too.
      expect(row.search_text.startsWith('Tips\n')).toBe(true);
    }
    const disputes = rows.find((r) => r.text.includes('manager'));
    expect(disputes).toMatchObject({ page: 2, section: 'Tips > Disputes' });
    expect(embedder.embedded).toBe(rows.length);
  });

  it('reuses the vectors of unchanged passages instead of embedding them again', async () => {
    const first = await buildChunkRows({ ...input, embedder: counting() });
    const kept = first[0]!;
    const previousVectors = new Map([[reuseKey('Tips', kept.content_hash), kept.vector]]);
    const embedder = counting();
    const rows = await buildChunkRows({ ...input, version: 4, embedder, previousVectors });
    expect(rows[0]?.vector).toBe(kept.vector);
    expect(embedder.embedded).toBe(rows.length - 1);
  });
});
