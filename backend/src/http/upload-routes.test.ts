import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import type { UploadBody } from '../contract/v1';
import { createTestDeps, type Deps } from '../deps';
import { SAMPLE_PDF, SAMPLE_PNG, SAMPLE_WEBM } from './upload-samples.fixture';

let deps: Deps;
let app: ReturnType<typeof createApp>;

async function boot(env: Record<string, string> = {}) {
  deps = await createTestDeps(env);
  app = createApp(deps);
}
beforeEach(() => boot());
afterEach(async () => {
  await deps.close();
});

async function visitor() {
  return (await deps.tokens.issueVisitor('demo', null)).token;
}

function upload(
  bearer: string,
  fields: { file?: Blob; name?: string; kind?: string; conversation_id?: string },
) {
  const form = new FormData();
  if (fields.file) form.set('file', fields.file, fields.name ?? 'upload.bin');
  if (fields.kind) form.set('kind', fields.kind);
  if (fields.conversation_id) form.set('conversation_id', fields.conversation_id);
  return app.request('/api/v1/chat/upload', {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}` },
    body: form,
  });
}

const blob = (bytes: Buffer, type = 'application/octet-stream') =>
  new Blob([new Uint8Array(bytes)], { type });

async function uploaded(bearer: string, fields: Parameters<typeof upload>[1]) {
  const res = await upload(bearer, fields);
  expect(res.status).toBe(201);
  return (await res.json()) as UploadBody;
}

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

function sendMessage(bearer: string, body: Record<string, unknown>) {
  return app.request('/api/v1/chat/message', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${bearer}`,
      'content-type': 'application/json',
      accept: 'application/json',
    },
    body: JSON.stringify(body),
  });
}

describe('POST /api/v1/chat/upload', () => {
  it('stores a PNG in a new conversation, typed by its content, and gives it back to its owner only', async () => {
    const owner = await visitor();
    const body = await uploaded(owner, {
      file: blob(SAMPLE_PNG, 'text/plain'),
      name: '../../payslip\r\n.png',
    });
    expect(body).toEqual({
      attachment: {
        id: expect.any(String),
        conversation_id: expect.any(String),
        kind: 'file',
        name: 'payslip.png',
        content_type: 'image/png',
        bytes: SAMPLE_PNG.length,
        created_at: expect.any(String),
      },
      transcription: 'unavailable',
    });

    const path = `/api/v1/chat/attachments/${body.attachment.id}`;
    const mine = await app.request(path, { headers: { authorization: `Bearer ${owner}` } });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-type')).toBe('image/png');
    expect(mine.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await mine.arrayBuffer()).equals(SAMPLE_PNG)).toBe(true);

    const stranger = await visitor();
    const theirs = await app.request(path, { headers: { authorization: `Bearer ${stranger}` } });
    expect(theirs.status).toBe(404);
    expect((await errorOf(theirs)).code).toBe('not_found');
    const denied = await deps.store.audit.query({
      tenantId: 'demo',
      action: 'chat.attachment.read_denied',
      limit: 5,
    });
    expect(denied).toHaveLength(1);
  });

  it('accepts a PDF into an existing conversation and audits the upload without its name', async () => {
    const owner = await visitor();
    const first = await uploaded(owner, { file: blob(SAMPLE_PNG), name: 'a.png' });
    const body = await uploaded(owner, {
      file: blob(SAMPLE_PDF),
      name: 'Maya Lopez statement.pdf',
      conversation_id: first.attachment.conversation_id,
    });
    expect(body.attachment).toMatchObject({
      conversation_id: first.attachment.conversation_id,
      content_type: 'application/pdf',
    });
    const [record] = await deps.store.audit.query({
      tenantId: 'demo',
      action: 'chat.attachment.upload',
      limit: 1,
    });
    expect(record?.resourceId).toBe(body.attachment.id);
    expect(record?.details).toMatchObject({ kind: 'file', content_type: 'application/pdf' });
    expect(JSON.stringify(record)).not.toContain('Maya');
  });

  it('keeps the bytes and the name encrypted at rest', async () => {
    const body = await uploaded(await visitor(), {
      file: blob(SAMPLE_PDF),
      name: 'maya-statement.pdf',
    });
    const db = new BetterSqlite3(join(deps.config.dataDir, 'wagechat.db'), { readonly: true });
    try {
      const row = db
        .prepare('SELECT name, content FROM attachments WHERE id = ?')
        .get(body.attachment.id) as { name: string; content: string };
      expect(row.name).toMatch(/^enc:v1:/);
      expect(row.content).toMatch(/^enc:v1:/);
      expect(row.content).not.toContain(SAMPLE_PDF.toString('base64').slice(0, 20));
    } finally {
      db.close();
    }
  });

  it('refuses a request without a file, an empty file and an unknown kind', async () => {
    const bearer = await visitor();
    const none = await upload(bearer, { kind: 'file' });
    expect(none.status).toBe(400);
    expect(await errorOf(none)).toMatchObject({ code: 'invalid_request' });
    const empty = await upload(bearer, { file: blob(Buffer.alloc(0)), name: 'x.png' });
    expect(empty.status).toBe(400);
    expect((await errorOf(empty)).message).toBe('The file is empty.');
    const kind = await upload(bearer, { file: blob(SAMPLE_PNG), kind: 'video' });
    expect(kind.status).toBe(400);
    expect((await errorOf(kind)).message).toContain('kind');
  });

  it('refuses a file whose content is not what its name and declared type claim', async () => {
    const bearer = await visitor();
    const res = await upload(bearer, {
      file: blob(Buffer.from('<script>alert(1)</script>'), 'image/png'),
      name: 'photo.png',
    });
    expect(res.status).toBe(415);
    const error = await errorOf(res);
    expect(error.code).toBe('unsupported_media_type');
    expect(error.message).toContain('PNG, JPEG, WebP or GIF image, or a PDF');
    // Refused before a conversation was opened for it: nothing is left behind.
    const { subject } = await deps.tokens.verify(bearer);
    expect(await deps.store.conversations.listBySubject('demo', subject, 5)).toEqual([]);
  });

  it('refuses an image sent as a voice note and audio sent as a file', async () => {
    const bearer = await visitor();
    expect((await upload(bearer, { file: blob(SAMPLE_PNG), kind: 'voice' })).status).toBe(415);
    expect((await upload(bearer, { file: blob(SAMPLE_WEBM), kind: 'file' })).status).toBe(415);
  });

  it('refuses a file over the limit with 413 too_large', async () => {
    await deps.close();
    await boot({ WAGECHAT_MAX_ATTACHMENT_MB: '0.001' });
    const res = await upload(await visitor(), {
      file: blob(Buffer.concat([SAMPLE_PNG, Buffer.alloc(2000)])),
    });
    expect(res.status).toBe(413);
    expect(await errorOf(res)).toMatchObject({ code: 'too_large' });
  });

  it("refuses someone else's conversation as missing", async () => {
    const theirs = await uploaded(await visitor(), { file: blob(SAMPLE_PNG) });
    const res = await upload(await visitor(), {
      file: blob(SAMPLE_PNG),
      conversation_id: theirs.attachment.conversation_id,
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
  });

  it('keeps an offline voice note with the conversation, untranscribed', async () => {
    const body = await uploaded(await visitor(), {
      file: blob(SAMPLE_WEBM, 'audio/webm'),
      name: 'voice.webm',
      kind: 'voice',
    });
    expect(body.transcription).toBe('unavailable');
    expect(body.transcript).toBeUndefined();
    expect(body.attachment).toMatchObject({ kind: 'voice', content_type: 'audio/webm' });
  });
});

describe('attachments on messages', () => {
  it("links the caller's uploads to the user's message and lists them in the history", async () => {
    const owner = await visitor();
    const { attachment } = await uploaded(owner, { file: blob(SAMPLE_PNG), name: 'card.png' });
    const conversationId = attachment.conversation_id;
    const sent = await sendMessage(owner, {
      message: 'Here is my pay card photo',
      conversation_id: conversationId,
      attachment_ids: [attachment.id],
    });
    expect(sent.status).toBe(200);

    const history = await app.request(`/api/v1/chat/history/${conversationId}`, {
      headers: { authorization: `Bearer ${owner}` },
    });
    const { messages } = (await history.json()) as {
      messages: Array<{ role: string; attachments?: unknown[] }>;
    };
    expect(messages[0]).toMatchObject({ role: 'user', attachments: [attachment] });
    expect(messages[1]?.attachments).toBeUndefined();

    const again = await sendMessage(owner, {
      message: 'And again',
      conversation_id: conversationId,
      attachment_ids: [attachment.id],
    });
    expect(again.status).toBe(409);
  });

  it("refuses someone else's attachment id as missing, before anything is stored", async () => {
    const theirs = await uploaded(await visitor(), { file: blob(SAMPLE_PNG) });
    const me = await visitor();
    const mine = await uploaded(me, { file: blob(SAMPLE_PNG) });
    const res = await sendMessage(me, {
      message: 'look',
      conversation_id: mine.attachment.conversation_id,
      attachment_ids: [theirs.attachment.id],
    });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe('not_found');
    expect(await deps.store.messages.list('demo', mine.attachment.conversation_id)).toHaveLength(0);
    const stored = await deps.store.attachments.get('demo', theirs.attachment.id);
    expect(stored?.messageId).toBeNull();
  });

  it('needs the conversation id with attachment ids, and well-formed ids', async () => {
    const me = await visitor();
    const { attachment } = await uploaded(me, { file: blob(SAMPLE_PNG) });
    const without = await sendMessage(me, { message: 'hi', attachment_ids: [attachment.id] });
    expect(without.status).toBe(400);
    expect((await errorOf(without)).message).toContain('conversation_id');
    const bad = await sendMessage(me, {
      message: 'hi',
      conversation_id: attachment.conversation_id,
      attachment_ids: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toContain('attachment_ids');
  });
});
