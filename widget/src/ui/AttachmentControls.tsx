import { signal } from '@preact/signals-core';
import { createRef } from 'preact';
import type { Attachment } from '../api/types';
import { formatBytes, type UploadHandle } from '../api/uploads';
import type { ChatModel } from '../state/chat-model';
import { Reactive } from './reactive';
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

interface AttachmentControlsProps {
  model: ChatModel;
  onTranscript: (text: string) => void;
}

/**
 * The paperclip (images and PDFs) and the mic, above the message field. Uploads show their
 * progress and can be cancelled; what is uploaded waits here and goes with the next message.
 * A voice note's transcript is put in the field for the person to check before sending.
 */
export class AttachmentControls extends Reactive<AttachmentControlsProps> {
  /** The upload under way (0..1), or null. */
  private progress = signal<number | null>(null);
  private notice = signal('');
  private recording = signal(false);
  private current: UploadHandle | null = null;
  private picker = createRef<HTMLInputElement>();

  /** Stops the upload under way, if any; its result is then ignored. */
  private cancel(): void {
    this.current?.abort();
    this.current = null;
    this.progress.value = null;
  }

  private async send(file: Blob, name: string, kind: 'file' | 'voice'): Promise<void> {
    const { model, onTranscript } = this.props;
    if (!model.upload) return;
    this.cancel();
    this.notice.value = '';
    this.progress.value = 0;
    const input = { file, name, kind, conversationId: model.conversationId.value };
    const handle = model.upload(input, (fraction) => {
      this.progress.value = fraction;
    });
    this.current = handle;
    const result = await handle.done;
    if (this.current !== handle) return; // cancelled or replaced
    this.current = null;
    this.progress.value = null;
    if (!result.ok) {
      this.notice.value = result.error.message;
      return;
    }
    const { attachment, transcript } = result.value;
    model.adopt(attachment.conversation_id);
    model.pending.value = [...model.pending.value, attachment];
    if (kind === 'file') return;
    if (transcript) onTranscript(transcript);
    this.notice.value = transcript
      ? 'Check the transcript, edit it if needed, then send.'
      : voiceKeptNotice;
  }

  view({ model }: AttachmentControlsProps) {
    if (!model.upload) return null;
    const progress = this.progress.value;
    const busy = progress !== null || this.recording.value;
    return (
      <div class="wc-attach">
        <div class="wc-tools">
          <button
            type="button"
            class="wc-tool"
            aria-label="Attach an image or PDF"
            disabled={busy}
            onClick={() => this.picker.current?.click()}
          >
            📎
          </button>
          <input
            ref={this.picker}
            type="file"
            accept={accepted}
            class="wc-sr"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void this.send(file, file.name, 'file');
            }}
          />
          <button
            type="button"
            class="wc-tool"
            aria-label="Record a voice note"
            disabled={busy}
            onClick={() => {
              this.notice.value = '';
              this.recording.value = true;
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
        {this.recording.value && (
          <VoiceRecorder
            onDone={(note) => {
              this.recording.value = false;
              const ext = /ogg|mp4/.exec(note.type)?.[0] ?? 'webm';
              void this.send(note, `voice-note.${ext === 'mp4' ? 'm4a' : ext}`, 'voice');
            }}
            onCancel={() => {
              this.recording.value = false;
            }}
            onError={(message) => {
              this.recording.value = false;
              this.notice.value = message;
            }}
          />
        )}
        {progress !== null && (
          <div class="wc-rec">
            <progress max={1} value={progress} aria-label="Uploading" />
            <button type="button" class="wc-chip-btn" onClick={() => this.cancel()}>
              Cancel upload
            </button>
          </div>
        )}
        {this.notice.value && (
          <p class="wc-notice" role="status">
            {this.notice.value}
          </p>
        )}
      </div>
    );
  }
}
