/**
 * Chat uploads and voice notes (api.md item 5): `POST /upload` and `GET /attachments/:id`,
 * mounted under /api/v1/chat behind the chat routes' auth, permission and rate limits.
 */
import { fileTypeFromBuffer } from 'file-type';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import type { Attachment as AttachmentJson, UploadBody } from '../contract/v1';
import { AppError } from '../errors';
import type { Transcriber } from '../integrations/transcription/types';
import { redactPii } from '../security/redact';
import type { Attachment, AttachmentKind, Store } from '../store/types';
import type { AppEnv } from './env';
import { auditCaller } from './middleware/audit';
import { sanitizeUploadName } from './upload-name';

export interface UploadRoutesDeps {
  store: Pick<Store, 'attachments' | 'conversations' | 'audit'>;
  transcriber: Transcriber;
  /** Largest image or PDF, and largest voice note, in bytes (config). */
  limits: { fileBytes: number; voiceBytes: number };
}

/**
 * What each kind accepts, by the type file-type reads from the bytes, mapped to the type we
 * store and serve. Containers file-type calls video (WebM from MediaRecorder, MP4 from Safari)
 * are audio here: a voice note is whatever the browser's recorder produced.
 */
const ACCEPTED: Record<AttachmentKind, Record<string, string>> = {
  file: {
    'image/png': 'image/png',
    'image/jpeg': 'image/jpeg',
    'image/webp': 'image/webp',
    'image/gif': 'image/gif',
    'application/pdf': 'application/pdf',
  },
  voice: {
    'audio/webm': 'audio/webm',
    'video/webm': 'audio/webm',
    'audio/ogg': 'audio/ogg',
    'audio/ogg; codecs=opus': 'audio/ogg',
    'application/ogg': 'audio/ogg',
    'audio/mp4': 'audio/mp4',
    'audio/x-m4a': 'audio/mp4',
    'video/mp4': 'audio/mp4',
    'audio/wav': 'audio/wav',
    'audio/mpeg': 'audio/mpeg',
  },
};
const ACCEPTED_WORDS: Record<AttachmentKind, string> = {
  file: 'a PNG, JPEG, WebP or GIF image, or a PDF',
  voice: 'WebM, Ogg, MP4/M4A, WAV or MP3 audio',
};

/** Room for the multipart framing and the small fields around the file. */
const MULTIPART_SLACK = 64 * 1024;

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The wire shape of a stored attachment (upload answer and history). */
export const attachmentJson = (a: Attachment): AttachmentJson => ({
  id: a.id,
  conversation_id: a.conversationId,
  kind: a.kind,
  name: a.name,
  content_type: a.contentType,
  bytes: a.bytes,
  created_at: a.createdAt,
});

/** An audit record of an attachment action by the caller; facts only, never names or bytes. */
const audit = (
  deps: UploadRoutesDeps,
  c: Context<AppEnv>,
  action: string,
  resource: { type: string; id: string | null },
  details: Record<string, unknown>,
) => auditCaller(deps.store.audit, c, action, resource, details);

const isUuid = (value: string) => z.uuid().safeParse(value).success;

/** `POST /upload` (multipart `file`, `kind`, `conversation_id`) and `GET /attachments/:id`. */
export function createUploadRoutes(deps: UploadRoutesDeps) {
  const largest = Math.max(deps.limits.fileBytes, deps.limits.voiceBytes);
  const tooLarge = (limit: number) => () => {
    throw new AppError('too_large', `The file is too large; the limit is ${mb(limit)}.`, {
      details: { max_bytes: limit },
    });
  };

  return new Hono<AppEnv>()
    .post(
      '/upload',
      bodyLimit({ maxSize: largest + MULTIPART_SLACK, onError: tooLarge(largest) }),
      async (c) => {
        const principal = c.get('principal');
        let form: Record<string, string | File | (string | File)[]>;
        try {
          form = await c.req.parseBody();
        } catch (cause) {
          throw new AppError('invalid_request', 'Send the file as multipart/form-data.', { cause });
        }
        const file = form.file;
        if (!(file instanceof File)) {
          throw new AppError('invalid_request', 'Attach the file in the multipart field "file".');
        }
        const kindField = form.kind ?? 'file';
        if (kindField !== 'file' && kindField !== 'voice') {
          throw new AppError('invalid_request', 'kind: must be "file" or "voice".');
        }
        const kind: AttachmentKind = kindField;
        const limit = kind === 'voice' ? deps.limits.voiceBytes : deps.limits.fileBytes;
        if (file.size === 0) throw new AppError('invalid_request', 'The file is empty.');
        if (file.size > limit) tooLarge(limit)();

        // Checked before any conversation is created for it: a refused file leaves nothing behind.
        const bytes = Buffer.from(await file.arrayBuffer());
        const detected = (await fileTypeFromBuffer(bytes))?.mime;
        const contentType = detected ? ACCEPTED[kind][detected] : undefined;
        if (!contentType) {
          throw new AppError(
            'unsupported_media_type',
            `That file is not ${ACCEPTED_WORDS[kind]}. Its content decides, not its name.`,
          );
        }
        const requested = typeof form.conversation_id === 'string' ? form.conversation_id : '';
        const conversation = requested
          ? isUuid(requested)
            ? await deps.store.conversations.get(principal.tenantId, requested)
            : null
          : await deps.store.conversations.create({
              tenantId: principal.tenantId,
              subject: principal.subject,
            });
        // Someone else's thread looks exactly like a missing one, and the attempt is recorded.
        if (!conversation || conversation.subject !== principal.subject) {
          const id = isUuid(requested) ? requested : null;
          await audit(
            deps,
            c,
            'conversation.write_denied',
            { type: 'conversation', id },
            {
              status: 404,
              via: 'upload',
            },
          );
          throw new AppError('not_found', 'No conversation with that id.');
        }

        const ext = contentType.split('/')[1] ?? 'bin';
        const name =
          sanitizeUploadName(file.name) ?? `${kind === 'voice' ? 'voice-note' : 'file'}.${ext}`;

        let transcript: string | null = null;
        let found = {};
        if (kind === 'voice') {
          // The provider picks its decoder by extension: name the audio by what it really is.
          const heard = await deps.transcriber.transcribe({
            bytes,
            name: `voice.${ext}`,
            contentType,
          });
          if (heard.status === 'done') ({ text: transcript, found } = redactPii(heard.text));
        }
        const attachment = await deps.store.attachments.create({
          tenantId: principal.tenantId,
          conversationId: conversation.id,
          kind,
          name,
          contentType,
          transcript,
          content: bytes,
        });
        await audit(
          deps,
          c,
          'chat.attachment.upload',
          { type: 'attachment', id: attachment.id },
          {
            conversation_id: conversation.id,
            kind,
            content_type: contentType,
            bytes: attachment.bytes,
            transcription: transcript === null ? 'unavailable' : 'done',
            pii_redacted: found,
          },
        );
        const body: UploadBody = {
          attachment: attachmentJson(attachment),
          ...(transcript === null ? {} : { transcript }),
          transcription: transcript === null ? 'unavailable' : 'done',
        };
        return c.json(body, 201);
      },
    )
    .get('/attachments/:id', async (c) => {
      const principal = c.get('principal');
      const id = c.req.param('id');
      const attachment = isUuid(id)
        ? await deps.store.attachments.get(principal.tenantId, id)
        : null;
      const conversation = attachment
        ? await deps.store.conversations.get(principal.tenantId, attachment.conversationId)
        : null;
      const content =
        attachment && conversation?.subject === principal.subject
          ? await deps.store.attachments.content(principal.tenantId, attachment.id)
          : null;
      if (!attachment || !content) {
        await audit(
          deps,
          c,
          'chat.attachment.read_denied',
          {
            type: 'attachment',
            id: isUuid(id) ? id : null,
          },
          { status: 404 },
        );
        throw new AppError('not_found', 'No attachment with that id.');
      }
      await audit(
        deps,
        c,
        'chat.attachment.read',
        { type: 'attachment', id },
        {
          conversation_id: attachment.conversationId,
        },
      );
      return c.body(new Uint8Array(content), 200, {
        'Content-Type': attachment.contentType,
        'Content-Length': String(content.length),
        // Always a download, never rendered on the API's origin.
        'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.name)}`,
        'Cache-Control': 'private, no-store',
      });
    });
}
