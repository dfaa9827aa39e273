/**
 * The name an uploaded file is stored and shown under: the last path segment of what the
 * browser sent (so `../../etc/passwd.pdf` and `C:\\x\\y.pdf` are just `passwd.pdf`, `y.pdf`),
 * Unicode-normalised, without control characters (no CR/LF to smuggle into a header or a
 * log line) and never `.` or `..`. Null when nothing usable is left. The bytes are stored
 * under a generated key, never under this name (knowledge/blob-store.ts).
 * @example sanitizeUploadName('..\\\\..\\\\evil\r\n.pdf') // 'evil.pdf'
 */
export function sanitizeUploadName(raw: string, maxLength = 200): string | null {
  const name = (raw.normalize('NFC').split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim();
  if (!name || name === '.' || name === '..' || name.length > maxLength) return null;
  return name;
}
