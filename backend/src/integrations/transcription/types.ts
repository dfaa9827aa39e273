/** A recorded voice note as the upload route received it (type decided from the bytes). */
export interface VoiceNote {
  bytes: Buffer;
  /** Sanitised file name; the provider reads its extension to pick a decoder. */
  name: string;
  contentType: string;
}

/** `done` with the provider's text (not yet redacted), or `unavailable` offline or on failure. */
export type TranscriptionResult = { status: 'done'; text: string } | { status: 'unavailable' };

/**
 * Speech to text for voice notes. Never throws: a provider that fails or is too slow is
 * `unavailable`, and the note is kept with the conversation for the person who takes it over.
 */
export interface Transcriber {
  /** 'openai' in connected mode, 'unavailable' offline. */
  readonly mode: 'openai' | 'unavailable';
  transcribe(note: VoiceNote): Promise<TranscriptionResult>;
}
