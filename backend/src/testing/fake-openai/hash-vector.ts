import { createHash } from 'node:crypto';

/** A deterministic unit vector per text, so tests can compare what arrived with what was sent. */
export function hashVector(text: string, dimension: number): number[] {
  const out: number[] = [];
  let block = createHash('sha256').update(text).digest();
  for (let i = 0; out.length < dimension; i++) {
    if (i * 4 >= block.length) {
      block = createHash('sha256').update(block).digest();
      i = 0;
    }
    out.push(block.readInt32LE(i * 4) / 2 ** 31);
  }
  const norm = Math.hypot(...out);
  // Float32 round trip, exactly as the base64 encoding carries it.
  return Array.from(new Float32Array(out.map((v) => v / norm)));
}
