import { failed, offline, readFailure, readJson, unreadable } from './failure';
import type { ApiResult, UploadBody } from './types';

/** One file or voice note to upload. */
export interface UploadInput {
  file: Blob;
  name: string;
  kind: 'file' | 'voice';
  /** The thread it belongs to; none creates one (its id comes back in the attachment). */
  conversationId: string | null;
}

/** An upload under way: its result (never a rejection) and a way to stop it. */
export interface UploadHandle {
  done: Promise<ApiResult<UploadBody>>;
  abort(): void;
}

/** What the chat model calls; the API client provides it (`client.upload`). */
export type Uploader = (input: UploadInput, onProgress: (fraction: number) => void) => UploadHandle;

const cancelled = failed('network', 'The upload was cancelled.');

/**
 * `POST {api}/api/v1/chat/upload` as multipart. XHR, not fetch: fetch reports no upload
 * progress. Resolves with the server's body or a failure, like every client call.
 * @example const { done, abort } = uploadAttachment(api, tokens.get, { file, name, kind: 'file', conversationId }, show)
 */
export function uploadAttachment(
  api: string,
  token: () => Promise<ApiResult<string>>,
  input: UploadInput,
  onProgress: (fraction: number) => void,
  createXhr: () => XMLHttpRequest = () => new XMLHttpRequest(),
): UploadHandle {
  let xhr: XMLHttpRequest | null = null;
  let stopped = false;
  const done = token().then((bearer): ApiResult<UploadBody> | Promise<ApiResult<UploadBody>> => {
    if (!bearer.ok) return bearer;
    if (stopped) return cancelled;
    return new Promise((resolve) => {
      const x = createXhr();
      xhr = x;
      x.open('POST', `${api}/api/v1/chat/upload`);
      x.setRequestHeader('Authorization', `Bearer ${bearer.value}`);
      x.setRequestHeader('Wagechat-Protocol', '2');
      x.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      x.onerror = () => resolve(offline());
      x.onabort = () => resolve(cancelled);
      x.onload = async () => {
        const response = new Response(x.responseText, { status: x.status });
        if (x.status !== 201) return resolve({ ok: false, error: await readFailure(response) });
        const body = (await readJson(response)) as UploadBody | null;
        resolve(body?.attachment?.id ? { ok: true, value: body } : unreadable());
      };
      const form = new FormData();
      form.set('file', input.file, input.name);
      form.set('kind', input.kind);
      if (input.conversationId) form.set('conversation_id', input.conversationId);
      x.send(form);
    });
  });
  return {
    done,
    abort() {
      stopped = true;
      xhr?.abort();
    },
  };
}

/** "12 KB", "1.4 MB": sizes as the attachment chips show them. */
export const formatBytes = (n: number): string =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1048576).toFixed(1)} MB`;
