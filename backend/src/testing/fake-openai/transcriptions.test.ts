import { OpenAIClient, toFile } from '@langchain/openai';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TRANSCRIPT, type FakeOpenAI, startFakeOpenAI } from './index';

describe('fake OpenAI audio transcriptions through the real OpenAI client', () => {
  let fake: FakeOpenAI;
  beforeEach(async () => {
    fake = await startFakeOpenAI({
      transcribe: (r) => (r.fields.language === 'es' ? '¿Cuándo me pagan?' : DEFAULT_TRANSCRIPT),
    });
  });
  afterEach(async () => {
    await fake.close();
  });

  const client = () => new OpenAIClient({ apiKey: 'test', baseURL: fake.url, maxRetries: 0 });
  const audio = Buffer.alloc(3000, 7);

  it('reads the multipart file and model and answers the scripted text', async () => {
    const result = await client().audio.transcriptions.create({
      file: await toFile(audio, 'note.webm', { type: 'audio/webm' }),
      model: 'whisper-1',
    });
    expect(result.text).toBe(DEFAULT_TRANSCRIPT);
    expect(fake.transcriptionRequests).toEqual([
      { model: 'whisper-1', filename: 'note.webm', bytes: 3000, fields: { model: 'whisper-1' } },
    ]);
  });

  it('passes the other form fields to the script', async () => {
    const result = await client().audio.transcriptions.create({
      file: await toFile(audio, 'nota.ogg'),
      model: 'gpt-4o-mini-transcribe',
      language: 'es',
    });
    expect(result.text).toBe('¿Cuándo me pagan?');
    expect(fake.transcriptionRequests[0]?.fields.language).toBe('es');
  });

  it('can fail a transcription like any other route', async () => {
    fake.failNext(503, 1, { route: 'transcriptions' });
    const file = await toFile(audio, 'note.webm');
    await expect(
      client().audio.transcriptions.create({ file, model: 'whisper-1' }),
    ).rejects.toMatchObject({
      status: 503,
    });
  });
});
