import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { UploadBody } from '../contract/v1';
import { createTestDeps, type Deps } from '../deps';
import { createTranscriber } from '../integrations/transcription/create-transcriber';
import { type FakeOpenAI, startFakeOpenAI } from '../testing/fake-openai';
import { SAMPLE_WAV, SAMPLE_WEBM } from './upload-samples.fixture';

/** Connected mode: voice notes go to the fake OpenAI server through the real client. */
describe('voice note transcription in connected mode', () => {
  let deps: Deps;
  let fake: FakeOpenAI;
  let app: ReturnType<typeof createApp>;
  let heard: string;

  beforeEach(async () => {
    heard = 'My SSN is 123-45-6789, when are my tips paid?';
    fake = await startFakeOpenAI({ transcribe: () => heard });
    deps = await createTestDeps();
    const transcriber = createTranscriber(
      {
        openai: {
          apiKey: 'test',
          baseUrl: fake.url,
          chatModel: 'gpt-4o-mini',
          embeddingModel: 'text-embedding-3-small',
          temperature: 0,
          timeoutMs: 5_000,
        },
        transcription: { model: 'gpt-4o-mini-transcribe', timeoutMs: 2_000 },
      },
      pino({ level: 'silent' }),
    );
    app = createApp({ ...deps, transcriber });
  });
  afterEach(async () => {
    await deps.close();
    await fake.close();
  });

  async function uploadVoice(bytes: Buffer, name: string) {
    const form = new FormData();
    form.set('file', new Blob([new Uint8Array(bytes)], { type: 'audio/webm' }), name);
    form.set('kind', 'voice');
    const { token } = await deps.tokens.issueVisitor('demo', null);
    return app.request('/api/v1/chat/upload', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  }

  it('returns and stores the transcript with personal data redacted', async () => {
    const res = await uploadVoice(SAMPLE_WEBM, 'recording.webm');
    expect(res.status).toBe(201);
    const body = (await res.json()) as UploadBody;
    expect(body.transcription).toBe('done');
    expect(body.transcript).toBe('My SSN is [SSN], when are my tips paid?');
    // The provider got the configured model and a name whose extension is the real type.
    expect(fake.transcriptionRequests).toEqual([
      expect.objectContaining({ model: 'gpt-4o-mini-transcribe', filename: 'voice.webm' }),
    ]);
    const stored = await deps.store.attachments.get('demo', body.attachment.id);
    expect(stored?.transcript).toBe(body.transcript);
    const [audit] = await deps.store.audit.query({
      tenantId: 'demo',
      action: 'chat.attachment.upload',
      limit: 1,
    });
    expect(audit?.details).toMatchObject({ transcription: 'done', pii_redacted: { ssn: 1 } });
  });

  it('keeps the note, untranscribed, when the provider fails or hangs', async () => {
    fake.failNext(500, 1, { route: 'transcriptions' });
    const failed = (await (await uploadVoice(SAMPLE_WAV, 'n.wav')).json()) as UploadBody;
    expect(failed).toMatchObject({ transcription: 'unavailable', attachment: { kind: 'voice' } });
    expect(failed.transcript).toBeUndefined();

    fake.hangNext(1, { route: 'transcriptions' });
    const slow = await uploadVoice(SAMPLE_WEBM, 'n.webm');
    expect(slow.status).toBe(201);
    expect(((await slow.json()) as UploadBody).transcription).toBe('unavailable');
  });
});
