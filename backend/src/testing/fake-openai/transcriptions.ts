import type { IncomingMessage, ServerResponse } from 'node:http';
import { send, sendError } from './http';
import type { FakeTranscriptionRequest } from './types';

/** What the fake hears in every voice note unless a test says otherwise. */
export const DEFAULT_TRANSCRIPT = 'When will my tips be paid out?';

/**
 * POST /v1/audio/transcriptions: multipart/form-data with `file` and `model` (plus optional
 * fields such as `language`), answered as `{ text }`, the SDK's default `json` format.
 */
export function answerTranscription(
  req: IncomingMessage,
  body: Buffer,
  res: ServerResponse,
  transcribe: (request: FakeTranscriptionRequest) => string,
  log: FakeTranscriptionRequest[],
) {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(req.headers['content-type'] ?? '');
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return sendError(res, 400, 'Expected multipart/form-data');
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: number } | undefined;
  for (const part of splitParts(body, `--${marker}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const head = part.subarray(0, split).toString('utf8');
    // Every part ends with the CRLF that precedes the next boundary.
    const content = part.subarray(split + 4, part.length - 2);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (name === 'file' && filename !== undefined) file = { filename, bytes: content.length };
    else if (name) fields[name] = content.toString('utf8');
  }
  if (!file || !fields.model) return sendError(res, 400, 'Expected a file and a model');
  const request = { model: fields.model, filename: file.filename, bytes: file.bytes, fields };
  log.push(request);
  send(res, 200, { text: transcribe(request) });
}

function splitParts(body: Buffer, delimiter: string): Buffer[] {
  const parts: Buffer[] = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const from = start + delimiter.length + 2; // skip the CRLF after the delimiter
    const end = body.indexOf(delimiter, from);
    if (end < 0) break;
    parts.push(body.subarray(from, end));
    start = end;
  }
  return parts;
}
