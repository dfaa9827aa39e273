import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSCRIPT, type FakeOpenAI, startFakeOpenAI } from '../../testing/fake-openai';
import { createTranscriber } from './create-transcriber';
import { createOpenAITranscriber } from './openai-transcriber';

const note = { bytes: Buffer.alloc(2048, 3), name: 'note.webm', contentType: 'audio/webm' };
const logger = pino({ level: 'silent' });

describe('OpenAI transcriber against the fake server', () => {
  let fake: FakeOpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI();
  });
  afterEach(async () => {
    await fake.close();
  });

  const transcriber = (timeoutMs = 5_000) =>
    createOpenAITranscriber({
      apiKey: 'test',
      baseUrl: fake.url,
      model: 'gpt-4o-mini-transcribe',
      timeoutMs,
      logger,
    });

  it('sends the audio with the configured model and returns the text', async () => {
    expect(await transcriber().transcribe(note)).toEqual({
      status: 'done',
      text: DEFAULT_TRANSCRIPT,
    });
    expect(fake.transcriptionRequests).toEqual([
      expect.objectContaining({
        model: 'gpt-4o-mini-transcribe',
        filename: 'note.webm',
        bytes: 2048,
      }),
    ]);
  });

  it('is unavailable, not a thrown error, when the provider fails', async () => {
    fake.failNext(503, 1, { route: 'transcriptions' });
    expect(await transcriber().transcribe(note)).toEqual({ status: 'unavailable' });
  });

  it('gives up at the timeout', async () => {
    fake.hangNext(1, { route: 'transcriptions' });
    const started = Date.now();
    expect(await transcriber(300).transcribe(note)).toEqual({ status: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('createTranscriber', () => {
  it('is offline without OpenAI settings', async () => {
    const offline = createTranscriber(
      { openai: null, transcription: { model: 'whisper-1', timeoutMs: 1000 } },
      logger,
    );
    expect(offline.mode).toBe('unavailable');
    expect(await offline.transcribe(note)).toEqual({ status: 'unavailable' });
  });
});
