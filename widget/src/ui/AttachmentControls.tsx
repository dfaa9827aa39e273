import { Component, createRef } from 'preact';
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

interface AttachmentControlsState {
  /** The upload under way (0..1), or null. */
  progress: number | null;
  notice: string;
  recording: boolean;
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
export class AttachmentControls extends Component<
  AttachmentControlsProps,
  AttachmentControlsState
> {
  override state: AttachmentControlsState = { progress: null, notice: '', recording: false };
  private current: UploadHandle | null = null;
  private picker = createRef<HTMLInputElement>();

  /** Stops the upload under way, if any; its result is then ignored. */
  private cancel(): void {
    this.current?.abort();
    this.current = null;
    this.setState({ progress: null });
  }

  private async send(file: Blob, name: string, kind: 'file' | 'voice'): Promise<void> {
    const { model, onTranscript } = this.props;
    if (!model.upload) return;
    this.cancel();
    this.setState({ notice: '', progress: 0 });
    const input = { file, name, kind, conversationId: model.state.conversationId };
    const handle = model.upload(input, (progress) => this.setState({ progress }));
    this.current = handle;
    const result = await handle.done;
    if (this.current !== handle) return; // cancelled or replaced
    this.current = null;
    this.setState({ progress: null });
    if (!result.ok) {
      this.setState({ notice: result.error.message });
      return;
    }
    const { attachment, transcript } = result.value;
    model.attach(attachment);
    if (kind === 'file') return;
    if (transcript) onTranscript(transcript);
    this.setState({
      notice: transcript ? 'Check the transcript, edit it if needed, then send.' : voiceKeptNotice,
    });
  }

  override render(
    { model }: AttachmentControlsProps,
    { progress, notice, recording }: AttachmentControlsState,
  ) {
    if (!model.upload) return null;
    const busy = progress !== null || recording;
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
            onClick={() => this.setState({ notice: '', recording: true })}
          >
            🎤
          </button>
          <AttachmentChips attachments={model.state.pending} onRemove={(id) => model.detach(id)} />
        </div>
        {recording && (
          <VoiceRecorder
            onDone={(note) => {
              this.setState({ recording: false });
              const ext = /ogg|mp4/.exec(note.type)?.[0] ?? 'webm';
              void this.send(note, `voice-note.${ext === 'mp4' ? 'm4a' : ext}`, 'voice');
            }}
            onCancel={() => this.setState({ recording: false })}
            onError={(message) => this.setState({ recording: false, notice: message })}
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
        {notice && (
          <p class="wc-notice" role="status">
            {notice}
          </p>
        )}
      </div>
    );
  }
}
