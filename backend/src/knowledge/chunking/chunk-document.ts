import { createHash } from 'node:crypto';
import type { ExtractedPage } from '../pdf/types';
import { type Chunk, type ChunkingOptions, DEFAULT_CHUNKING } from './types';
import { pagesToUnits, type Unit } from './units';

/**
 * Semantic chunking (§3.3.2 of the design document): a question with its answer is a
 * chunk of its own; other text is packed paragraph by paragraph up to the target size,
 * never across a section boundary, and each size-driven break repeats the previous
 * chunk's last sentences so a fact split between two chunks is whole in one of them.
 */
export function chunkDocument(
  pages: readonly ExtractedPage[],
  options: Partial<ChunkingOptions> = {},
): Chunk[] {
  const settings = { ...DEFAULT_CHUNKING, ...options };
  const chunks: Omit<Chunk, 'ordinal' | 'contentHash'>[] = [];
  let open: Unit | undefined;
  const emit = () => {
    if (open) chunks.push({ ...open });
    open = undefined;
  };
  for (const unit of pagesToUnits(pages).flatMap((u) => splitLong(u, settings.maxChars))) {
    if (unit.isQa) {
      emit();
      chunks.push(unit);
      continue;
    }
    const current = open as Unit | undefined;
    if (current && current.section === unit.section) {
      if (current.text.length + unit.text.length + 2 <= settings.targetChars) {
        current.text = `${current.text}\n\n${unit.text}`;
        current.pageEnd = unit.pageEnd;
        continue;
      }
      emit();
      const overlap = tail(current.text, settings.overlapChars);
      open = overlap
        ? { ...unit, page: current.pageEnd, text: `${overlap}\n\n${unit.text}` }
        : { ...unit };
      continue;
    }
    emit();
    open = { ...unit };
  }
  emit();
  return chunks.map((chunk, ordinal) => ({
    ...chunk,
    ordinal,
    contentHash: createHash('sha256').update(`${chunk.section}\n${chunk.text}`).digest('hex'),
  }));
}

/** Sentences, keeping their end punctuation; good enough for help-centre prose. */
function sentences(text: string): string[] {
  return (
    text
      .match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g)
      ?.map((s) => s.trim())
      .filter(Boolean) ?? [text]
  );
}

/** Whole sentences from the end of `text`, at most `limit` characters (none when one is longer). */
function tail(text: string, limit: number): string {
  if (limit <= 0) return '';
  const parts = sentences(text.split('\n\n').at(-1) ?? '');
  let out = '';
  for (let i = parts.length - 1; i >= 0; i--) {
    const next = out ? `${parts[i]} ${out}` : (parts[i] ?? '');
    if (next.length > limit) break;
    out = next;
  }
  return out;
}

/** Splits a paragraph longer than `max` at sentence ends (and hard-wraps a run-on sentence). */
function splitLong(unit: Unit, max: number): Unit[] {
  if (unit.text.length <= max || unit.isQa) return [unit];
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences(unit.text)) {
    for (let start = 0; start < sentence.length; start += max) {
      const part = sentence.slice(start, start + max);
      if (current && current.length + part.length + 1 > max) {
        pieces.push(current);
        current = part;
      } else {
        current = current ? `${current} ${part}` : part;
      }
    }
  }
  if (current) pieces.push(current);
  return pieces.map((text) => ({ ...unit, text }));
}
