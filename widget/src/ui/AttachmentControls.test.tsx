// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveView } from '../../test/live-view';
import type { ApiClient } from '../api/client';
import type { ApiResult, Attachment, UploadBody } from '../api/types';
import type { UploadInput } from '../api/uploads';
import { createEmitter } from '../events';
import { createChatModel } from '../state/chat-model';
import { createConversationStore } from '../state/conversation-store';
import { AttachmentControls, voiceKeptNotice } from './AttachmentControls';

const until = (check: () => void) => vi.waitFor(check, { timeout: 2000, interval: 5 });
let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
  vi.unstubAllGlobals();
});

const stored = (kind: 'file' | 'voice', name: string): Attachment => ({
  id: `${kind}-1`,
  conversation_id: 'c1',
  kind,
  name,
  content_type: kind === 'file' ? 'image/png' : 'audio/webm',
  bytes: 2048,
  created_at: '2026-12-01T10:00:00.000Z',
});

/** The controls around a model whose uploads the test finishes (or fails) by hand. */
function setup() {
  const uploads: Array<{
    input: UploadInput;
    progress: (f: number) => void;
    finish: (r: ApiResult<UploadBody>) => void;
    aborted: boolean;
  }> = [];
  const client = {
    upload(input: UploadInput, progress: (f: number) => void) {
      let finish: (r: ApiResult<UploadBody>) => void = () => {};
      const done = new Promise<ApiResult<UploadBody>>((resolve) => {
        finish = resolve;
      });
      const entry = { input, progress, finish, aborted: false };
      uploads.push(entry);
      return {
        done,
        abort() {
          entry.aborted = true;
        },
      };
    },
  } as unknown as ApiClient;
  const model = createChatModel({
    client,
    conversations: createConversationStore(null, 'demo'),
    emit: createEmitter().emit,
  });
  const transcripts: string[] = [];
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <LiveView model={model}>
      {() => <AttachmentControls model={model} onTranscript={(t) => transcripts.push(t)} />}
    </LiveView>,
    root,
  );
  cleanup = () => {
    render(null, root);
    root.remove();
  };
  const $ = <T extends Element = HTMLElement>(s: string) => root.querySelector<T>(s);
  const button = (label: string) => $<HTMLButtonElement>(`button[aria-label="${label}"]`);
  return { model, uploads, transcripts, root, $, button };
}

function pick(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('AttachmentControls', () => {
  it('uploads a picked file with progress, then keeps it in the tray for the next message', async () => {
    const { model, uploads, $ } = setup();
    pick($<HTMLInputElement>('input[type=file]') as HTMLInputElement, new File(['x'], 'card.png'));
    await until(() => expect(uploads).toHaveLength(1));
    expect(uploads[0]?.input).toMatchObject({
      name: 'card.png',
      kind: 'file',
      conversationId: null,
    });
    uploads[0]?.progress(0.5);
    await until(() => expect($<HTMLProgressElement>('progress')?.value).toBe(0.5));
    uploads[0]?.finish({
      ok: true,
      value: { attachment: stored('file', 'card.png'), transcription: 'unavailable' },
    });
    await until(() => expect($('.wc-file')?.textContent).toContain('card.png, 2 KB'));
    expect($('progress')).toBeNull();
    expect(model.state.pending.map((a) => a.id)).toEqual(['file-1']);
    expect(model.state.conversationId).toBe('c1');
  });

  it('cancels an upload in flight and shows a refusal in plain words', async () => {
    const { model, uploads, $, root } = setup();
    const input = $<HTMLInputElement>('input[type=file]') as HTMLInputElement;
    pick(input, new File(['x'], 'a.png'));
    await until(() => expect($('progress')).not.toBeNull());
    const cancel = [...root.querySelectorAll('button')].find(
      (b) => b.textContent === 'Cancel upload',
    );
    cancel?.click();
    await until(() => expect($('progress')).toBeNull());
    expect(uploads[0]?.aborted).toBe(true);

    pick(input, new File(['x'], 'b.png'));
    await until(() => expect(uploads).toHaveLength(2));
    uploads[1]?.finish({
      ok: false,
      error: { code: 'unsupported_media_type', message: 'That file is not an image.' },
    });
    await until(() => expect($('[role=status]')?.textContent).toBe('That file is not an image.'));
    expect(model.state.pending).toEqual([]);
  });

  it('says plainly when the microphone is refused', async () => {
    vi.stubGlobal('navigator', {
      ...navigator,
      mediaDevices: {
        getUserMedia: () => Promise.reject(new DOMException('no', 'NotAllowedError')),
      },
    });
    const { button, $ } = setup();
    button('Record a voice note')?.click();
    await until(() =>
      expect($('[role=status]')?.textContent).toMatch(/Microphone access is blocked/),
    );
    expect(button('Record a voice note')?.disabled).toBe(false);
  });

  describe('with a recorder', () => {
    /** MediaRecorder and AudioContext as far as the recorder uses them. */
    function stubRecording() {
      const track = { stop: vi.fn() };
      vi.stubGlobal('navigator', {
        ...navigator,
        mediaDevices: { getUserMedia: async () => ({ getTracks: () => [track] }) },
      });
      vi.stubGlobal(
        'MediaRecorder',
        class {
          state = 'inactive';
          mimeType = 'audio/webm;codecs=opus';
          ondataavailable: ((e: { data: Blob }) => void) | null = null;
          onstop: (() => void) | null = null;
          start() {
            this.state = 'recording';
          }
          stop() {
            this.state = 'inactive';
            this.ondataavailable?.({ data: new Blob(['voice']) });
            this.onstop?.();
          }
        },
      );
      vi.stubGlobal(
        'AudioContext',
        class {
          createAnalyser = () => ({
            fftSize: 0,
            getByteTimeDomainData: (a: Uint8Array) => a.fill(160),
          });
          createMediaStreamSource = () => ({ connect() {} });
          close = async () => {};
        },
      );
      return track;
    }

    async function record(s: ReturnType<typeof setup>) {
      s.button('Record a voice note')?.click();
      const stop = () =>
        [...s.root.querySelectorAll('button')].find((b) => b.textContent === 'Stop and use');
      await until(() => expect(stop()?.disabled).toBe(false));
      stop()?.click();
      await until(() => expect(s.uploads).toHaveLength(1));
    }

    it('uploads the note as voice and puts the redacted transcript in the field', async () => {
      const track = stubRecording();
      const s = setup();
      await record(s);
      expect(s.uploads[0]?.input).toMatchObject({ kind: 'voice', name: 'voice-note.webm' });
      expect(track.stop).toHaveBeenCalled();
      s.uploads[0]?.finish({
        ok: true,
        value: {
          attachment: stored('voice', 'voice-note.webm'),
          transcript: 'My SSN is [SSN]',
          transcription: 'done',
        },
      });
      await until(() => expect(s.transcripts).toEqual(['My SSN is [SSN]']));
      expect(s.$('[role=status]')?.textContent).toMatch(/Check the transcript/);
    });

    it('tells the person the note is kept when it cannot be transcribed', async () => {
      stubRecording();
      const s = setup();
      await record(s);
      s.uploads[0]?.finish({
        ok: true,
        value: { attachment: stored('voice', 'voice-note.webm'), transcription: 'unavailable' },
      });
      await until(() => expect(s.$('[role=status]')?.textContent).toBe(voiceKeptNotice));
      expect(s.transcripts).toEqual([]);
      expect(s.$('.wc-file')?.textContent).toContain('Voice note, 2 KB');
    });
  });
});
