import type { Transcriber } from './types';

/**
 * Offline mode (no OpenAI key or base URL): nothing leaves the server, every voice note is
 * `unavailable` and the widget tells the person it was kept for whoever picks the chat up.
 * @example await createUnavailableTranscriber().transcribe(note) // { status: 'unavailable' }
 */
export function createUnavailableTranscriber(): Transcriber {
  return {
    mode: 'unavailable',
    async transcribe() {
      return { status: 'unavailable' };
    },
  };
}
