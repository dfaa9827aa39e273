import { useRef, useState } from 'preact/hooks';
import type { Attachment } from '../api/types';
import { formatBytes, type UploadHandle } from '../api/uploads';
import type { ChatModel } from '../state/chat-model';
import { VoiceRecorder } from './VoiceRecorder';

/** Said when a voice note cannot be transcribed (offline mode, or the provider failed). */
export const voiceKeptNotice =
  "We can't transcribe voice notes right now. Your note is saved with this conversation for the person who picks it up.";

const accepted = 'image/png,image/jpeg,image/webp,image/gif,application/pdf';
const label = (a: Attachment) =>
  `${a.kind === 'voice' ? 'Voice note' : a.name}, ${formatBytes(a.bytes)}`;

/** Names and sizes of a message's attachments (message list and the tray). */
export function AttachmentChips({
  attachments,
  onRemove,
}: {
  attachments: Attachment[] | undefined;
  onRemove?: (id: string) => void;
}) {
  if (!attachments?.length) return null;
  return (
    <ul class="wc-files" aria-label="Attachments">
      {attachments.map((a) => (
        <li key={a.id} class="wc-file">
          {label(a)}
          {onRemove && (
            <button
              type="button"
              class="wc-chip-btn"
              aria-label={`Remove ${label(a)}`}
              onClick={() => onRemove(a.id)}
            >
              ×
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * The paperclip (images and PDFs) and the mic, above the message field. Uploads show their
 * progress and can be cancelled; what is uploaded waits here and goes with the next message.
 * A voice note's transcript is put in the field for the person to check before sending.
 */
export function AttachmentControls({
  model,
  onTranscript,
}: {
  model: ChatModel;
  onTranscript: (text: string) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  const [recording, setRecording] = useState(false);
  const current = useRef<UploadHandle | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const upload = model.upload;
  if (!upload) return null;

  async function send(file: Blob, name: string, kind: 'file' | 'voice') {
    current.current?.abort();
    setNotice('');
    setProgress(0);
    const handle = upload?.(
      { file, name, kind, conversationId: model.conversationId.value },
      setProgress,
    );
    if (!handle) return;
    current.current = handle;
    const result = await handle.done;
    if (current.current !== handle) return; // cancelled or replaced
    current.current = null;
    setProgress(null);
    if (!result.ok) return setNotice(result.error.message);
    const { attachment, transcript } = result.value;
    model.adopt(attachment.conversation_id);
    model.pending.value = [...model.pending.value, attachment];
    if (kind === 'file') return;
    if (transcript) {
      onTranscript(transcript);
      setNotice('Check the transcript, edit it if needed, then send.');
    } else setNotice(voiceKeptNotice);
  }

  const busy = progress !== null || recording;
  return (
    <div class="wc-attach">
      <div class="wc-tools">
        <button
          type="button"
          class="wc-tool"
          aria-label="Attach an image or PDF"
          disabled={busy}
          onClick={() => picker.current?.click()}
        >
          📎
        </button>
        <input
          ref={picker}
          type="file"
          accept={accepted}
          class="wc-sr"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void send(file, file.name, 'file');
          }}
        />
        <button
          type="button"
          class="wc-tool"
          aria-label="Record a voice note"
          disabled={busy}
          onClick={() => {
            setNotice('');
            setRecording(true);
          }}
        >
          🎤
        </button>
        <AttachmentChips
          attachments={model.pending.value}
          onRemove={(id) => {
            model.pending.value = model.pending.value.filter((a) => a.id !== id);
          }}
        />
      </div>
      {recording && (
        <VoiceRecorder
          onDone={(note) => {
            setRecording(false);
            const ext = /ogg|mp4/.exec(note.type)?.[0] ?? 'webm';
            void send(note, `voice-note.${ext === 'mp4' ? 'm4a' : ext}`, 'voice');
          }}
          onCancel={() => setRecording(false)}
          onError={(message) => {
            setRecording(false);
            setNotice(message);
          }}
        />
      )}
      {progress !== null && (
        <div class="wc-rec">
          <progress max={1} value={progress} aria-label="Uploading" />
          <button
            type="button"
            class="wc-chip-btn"
            onClick={() => {
              current.current?.abort();
              current.current = null;
              setProgress(null);
            }}
          >
            Cancel upload
          </button>
        </div>
      )}
      {notice && (
        <p class="wc-notice" role="status">
          {notice}
        </p>
      )}
    </div>
  );
}
