import { describe, expect, it } from 'vitest';
import type { ApiResult } from './types';
import { formatBytes, uploadAttachment } from './uploads';

/** Just enough of XMLHttpRequest to script an upload; records what was sent. */
class FakeXhr {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  aborted = false;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const token = async (): Promise<ApiResult<string>> => ({ ok: true, value: 'tok' });
const attachment = {
  id: 'a1',
  conversation_id: 'c1',
  kind: 'file',
  name: 'card.png',
  content_type: 'image/png',
  bytes: 4,
  created_at: '2026-12-01T10:00:00.000Z',
};

function start(conversationId: string | null = 'c1') {
  const xhr = new FakeXhr();
  const progress: number[] = [];
  const handle = uploadAttachment(
    'https://chat.example.com',
    token,
    { file: new Blob(['abcd']), name: 'card.png', kind: 'file', conversationId },
    (f) => progress.push(f),
    () => xhr as unknown as XMLHttpRequest,
  );
  // The token resolves first; then the request is open.
  const sent = () => new Promise((r) => setTimeout(r, 0));
  return { xhr, progress, handle, sent };
}

describe('uploadAttachment', () => {
  it('posts the multipart form with the bearer, reports progress and resolves with the body', async () => {
    const { xhr, progress, handle, sent } = start();
    await sent();
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('https://chat.example.com/api/v1/chat/upload');
    expect(xhr.headers.Authorization).toBe('Bearer tok');
    expect(xhr.body?.get('kind')).toBe('file');
    expect(xhr.body?.get('conversation_id')).toBe('c1');
    expect((xhr.body?.get('file') as File | undefined)?.name).toBe('card.png');
    xhr.progress(2, 4);
    xhr.answer(201, { attachment, transcription: 'unavailable' });
    expect(await handle.done).toEqual({
      ok: true,
      value: { attachment, transcription: 'unavailable' },
    });
    expect(progress).toEqual([0.5]);
  });

  it("reads the server's refusal as a failure with its code and message", async () => {
    const { xhr, handle, sent } = start(null);
    await sent();
    expect(xhr.body?.has('conversation_id')).toBe(false);
    xhr.answer(415, { error: { code: 'unsupported_media_type', message: 'Not an image.' } });
    expect(await handle.done).toMatchObject({
      ok: false,
      error: { code: 'unsupported_media_type', message: 'Not an image.', status: 415 },
    });
  });

  it('stops the request on abort and never rejects', async () => {
    const { xhr, handle, sent } = start();
    await sent();
    handle.abort();
    expect(xhr.aborted).toBe(true);
    expect(await handle.done).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});

describe('formatBytes', () => {
  it('shows kilobytes under a megabyte, else megabytes with one decimal', () => {
    expect(formatBytes(100)).toBe('1 KB');
    expect(formatBytes(20_480)).toBe('20 KB');
    expect(formatBytes(1_468_006)).toBe('1.4 MB');
  });
});
