import { useEffect, useRef, useState } from 'preact/hooks';

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

/**
 * Records from the microphone with MediaRecorder while mounted, with a level meter (an
 * AnalyserNode) and a timer. Unmounting stops the tracks, so the browser's recording
 * indicator goes off with it.
 */
export function VoiceRecorder({ onDone, onCancel, onError }: VoiceRecorderProps) {
  const [level, setLevel] = useState(0);
  const [seconds, setSeconds] = useState(0);
  const [live, setLive] = useState(false);
  const stop = useRef<(keep: boolean) => void>(() => {});

  useEffect(() => {
    let mounted = true;
    let keep = false;
    let frame = 0;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stream: MediaStream | undefined;
    let audio: AudioContext | undefined;
    let recorder: MediaRecorder | undefined;
    const release = () => {
      cancelAnimationFrame(frame);
      clearInterval(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
      audio?.close().catch(() => {});
      audio = undefined;
    };
    stop.current = (k) => {
      keep = k;
      if (recorder?.state === 'recording') recorder.stop();
      else release();
    };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (error) {
        const name = (error as Error | undefined)?.name;
        if (mounted)
          onError(name === 'NotAllowedError' || name === 'SecurityError' ? denied : unsupported);
        return;
      }
      if (!mounted) return release();
      const chunks: Blob[] = [];
      const rec = new MediaRecorder(stream);
      recorder = rec;
      rec.ondataavailable = (e) => chunks.push(e.data);
      rec.onstop = () => {
        release();
        if (keep) onDone(new Blob(chunks, { type: rec.mimeType || 'audio/webm' }));
      };
      rec.start(250);
      setLive(true);
      audio = new AudioContext();
      const analyser = audio.createAnalyser();
      analyser.fftSize = 256;
      audio.createMediaStreamSource(stream).connect(analyser);
      const samples = new Uint8Array(analyser.fftSize);
      const tick = () => {
        analyser.getByteTimeDomainData(samples);
        let peak = 0;
        for (const v of samples) peak = Math.max(peak, Math.abs(v - 128));
        setLevel(peak / 128);
        frame = requestAnimationFrame(tick);
      };
      tick();
      const started = Date.now();
      timer = setInterval(() => {
        const s = Math.floor((Date.now() - started) / 1000);
        setSeconds(s);
        if (s >= maxVoiceSeconds) stop.current(true);
      }, 250);
    })().catch(() => onError(unsupported));
    return () => {
      mounted = false;
      stop.current(false);
    };
  }, []);

  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return (
    <div class="wc-rec">
      <span class="wc-meter" aria-hidden="true">
        <span style={{ transform: `scaleX(${Math.min(1, level * 2)})` }} />
      </span>
      <span role="timer">{clock}</span>
      <button type="button" class="wc-chip-btn" disabled={!live} onClick={() => stop.current(true)}>
        Stop and use
      </button>
      <button
        type="button"
        class="wc-chip-btn"
        onClick={() => {
          stop.current(false);
          onCancel();
        }}
      >
        Cancel
      </button>
    </div>
  );
}
