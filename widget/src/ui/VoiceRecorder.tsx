import { Component } from 'preact';

/** Longest voice note, in seconds; recording stops and keeps the note there. */
export const maxVoiceSeconds = 60;

const denied = 'Microphone access is blocked. Allow it to record, or type your question.';
const unsupported = 'Voice notes do not work in this browser. Please type your question.';

export interface VoiceRecorderProps {
  /** The recorded note (Stop, or the time limit). */
  onDone(note: Blob): void;
  /** Cancelled: nothing was kept. */
  onCancel(): void;
  /** No microphone, or permission refused: a plain sentence to show. */
  onError(message: string): void;
}

interface VoiceRecorderState {
  /** The input's peak, 0..1, for the meter. */
  level: number;
  seconds: number;
  /** Recording has started (the browser granted the microphone). */
  live: boolean;
}

/**
 * Records from the microphone with MediaRecorder while mounted, with a level meter (an
 * AnalyserNode) and a timer. Unmounting stops the tracks, so the browser's recording
 * indicator goes off with it.
 */
export class VoiceRecorder extends Component<VoiceRecorderProps, VoiceRecorderState> {
  override state: VoiceRecorderState = { level: 0, seconds: 0, live: false };
  private mounted = true;
  /** Ends the recording; the note goes to `onDone` only when `keep`. */
  private stop: (keep: boolean) => void = () => {};

  override componentDidMount(): void {
    void this.record().catch(() => this.fail(unsupported));
  }

  override componentWillUnmount(): void {
    this.mounted = false;
    this.stop(false);
  }

  private fail(message: string): void {
    if (this.mounted) this.props.onError(message);
  }

  private async record(): Promise<void> {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      const name = (error as Error | undefined)?.name;
      return this.fail(
        name === 'NotAllowedError' || name === 'SecurityError' ? denied : unsupported,
      );
    }
    let keep = false;
    let frame = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    let audio: AudioContext | undefined;
    const release = () => {
      cancelAnimationFrame(frame);
      clearInterval(timer);
      for (const track of stream.getTracks()) track.stop();
      audio?.close().catch(() => {});
      audio = undefined;
    };
    if (!this.mounted) return release();
    const chunks: Blob[] = [];
    const recorder = new MediaRecorder(stream);
    this.stop = (k) => {
      keep = k;
      if (recorder.state === 'recording') recorder.stop();
      else release();
    };
    recorder.ondataavailable = (e) => chunks.push(e.data);
    recorder.onstop = () => {
      release();
      if (keep) this.props.onDone(new Blob(chunks, { type: recorder.mimeType || 'audio/webm' }));
    };
    recorder.start(250);
    this.setState({ live: true });
    audio = new AudioContext();
    const analyser = audio.createAnalyser();
    analyser.fftSize = 256;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    const tick = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const v of samples) peak = Math.max(peak, Math.abs(v - 128));
      this.setState({ level: peak / 128 });
      frame = requestAnimationFrame(tick);
    };
    tick();
    const started = Date.now();
    timer = setInterval(() => {
      const s = Math.floor((Date.now() - started) / 1000);
      this.setState({ seconds: s });
      if (s >= maxVoiceSeconds) this.stop(true);
    }, 250);
  }

  override render({ onCancel }: VoiceRecorderProps, { level, seconds, live }: VoiceRecorderState) {
    return (
      <div class="wc-rec">
        <span class="wc-meter" aria-hidden="true">
          <span style={{ transform: `scaleX(${Math.min(1, level * 2)})` }} />
        </span>
        <span role="timer">{`${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`}</span>
        <button type="button" class="wc-chip-btn" disabled={!live} onClick={() => this.stop(true)}>
          Stop and use
        </button>
        <button
          type="button"
          class="wc-chip-btn"
          onClick={() => {
            this.stop(false);
            onCancel();
          }}
        >
          Cancel
        </button>
      </div>
    );
  }
}
