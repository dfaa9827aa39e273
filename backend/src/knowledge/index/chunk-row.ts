import { Bool, Field, FixedSizeList, Float32, Int32, Schema, Utf8 } from 'apache-arrow';

/** One chunk as stored in LanceDB (snake_case, like the table's columns). */
export interface ChunkRow {
  /** `<document id>@<version>#<ordinal>` */
  id: string;
  tenant_id: string;
  document_id: string;
  version: number;
  /** `<document id>@<version>`: what the live-version filter matches on. */
  version_key: string;
  title: string;
  section: string;
  page: number;
  page_end: number;
  ordinal: number;
  is_qa: boolean;
  content_hash: string;
  /** Readable passage. */
  text: string;
  /** Title, section and text: what BM25 and the embedder see, so headings count as evidence. */
  search_text: string;
  vector: number[];
}

export const versionKey = (documentId: string, version: number) => `${documentId}@${version}`;

export function chunkSchema(dimension: number): Schema {
  const text = (name: string) => new Field(name, new Utf8(), false);
  const int = (name: string) => new Field(name, new Int32(), false);
  return new Schema([
    text('id'),
    text('tenant_id'),
    text('document_id'),
    int('version'),
    text('version_key'),
    text('title'),
    text('section'),
    int('page'),
    int('page_end'),
    int('ordinal'),
    new Field('is_qa', new Bool(), false),
    text('content_hash'),
    text('text'),
    text('search_text'),
    new Field(
      'vector',
      new FixedSizeList(dimension, new Field('item', new Float32(), true)),
      false,
    ),
  ]);
}
