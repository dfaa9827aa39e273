import { OpenAIClient, toFile } from '@langchain/openai';
import type { Logger } from 'pino';
import type { Transcriber } from './types';

export interface OpenAITranscriberOptions {
  apiKey?: string | undefined;
  /** Any OpenAI-compatible server, e.g. "http://127.0.0.1:4010/v1". */
  baseUrl?: string | undefined;
  /** "whisper-1" or "gpt-4o-mini-transcribe". */
  model: string;
  /** Per call, including upload of the audio; past it the note is `unavailable`. */
  timeoutMs: number;
  logger: Logger;
}

/**
 * Transcription through `POST /v1/audio/transcriptions` with the OpenAI client LangChain
 * ships (the same one the embeddings and chat model use, so no second SDK). No retries: the
 * person is waiting on the upload, and a failed note is still kept, so one attempt within
 * the timeout is the better trade. Failures are logged by status only, never the audio or text.
 * @example createOpenAITranscriber({ apiKey, model: 'whisper-1', timeoutMs: 30_000, logger })
 */
export function createOpenAITranscriber(options: OpenAITranscriberOptions): Transcriber {
  const client = new OpenAIClient({
    // The SDK insists on a key even for keyless local servers.
    apiKey: options.apiKey ?? 'not-needed',
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
    timeout: options.timeoutMs,
    maxRetries: 0,
  });
  return {
    mode: 'openai',
    async transcribe(note) {
      try {
        const result = await client.audio.transcriptions.create({
          file: await toFile(note.bytes, note.name, { type: note.contentType }),
          model: options.model,
        });
        return { status: 'done', text: result.text.trim() };
      } catch (error) {
        const status = (error as { status?: unknown }).status;
        options.logger.warn(
          { status: typeof status === 'number' ? status : null, model: options.model },
          'voice note transcription failed',
        );
        return { status: 'unavailable' };
      }
    },
  };
}
