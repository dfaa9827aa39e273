/** Turns text into vectors. The index is keyed by `model` and `dimension`. */
export interface Embedder {
  /** Stable identifier of the model, e.g. "text-embedding-3-small" or "hashing-v2-384". */
  readonly model: string;
  readonly dimension: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}
