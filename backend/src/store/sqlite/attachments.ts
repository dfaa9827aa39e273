import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { FieldCipher, FieldCrypto } from '../../security/field-crypto';
import type { Attachment, AttachmentKind, AttachmentRepository } from '../types';

/** The encrypted columns' field names (GCM associated data); key-rotation.ts lists them too. */
export const ATTACHMENT_FIELDS = {
  name: 'attachments.name',
  content: 'attachments.content',
  transcript: 'attachments.transcript',
} as const;

const PLAIN: FieldCipher = { encrypt: (text) => text, decrypt: (stored) => stored };

interface AttachmentRow {
  id: string;
  tenant_id: string;
  conversation_id: string;
  message_id: string | null;
  kind: AttachmentKind;
  name: string;
  content_type: string;
  bytes: number;
  transcript: string | null;
  created_at: string;
}

/** Every column but `content`: listing a thread never reads (or decrypts) the bytes. */
const COLUMNS =
  'id, tenant_id, conversation_id, message_id, kind, name, content_type, bytes, transcript, created_at';

/**
 * Chat uploads in SQLite. The bytes go through the same field encryption as message text, as
 * base64 (the cipher is text in, text out): about 1.8x the file on disk, which the 10 MB file
 * and 5 MB voice limits keep small. Without `crypto` (other modules' unit tests) values are plain.
 */
export function createSqliteAttachmentRepository(
  db: Database,
  crypto?: FieldCrypto,
): AttachmentRepository {
  const cipher = (field: string) => (crypto ? crypto.forField(field) : PLAIN);
  const name = cipher(ATTACHMENT_FIELDS.name);
  const content = cipher(ATTACHMENT_FIELDS.content);
  const transcript = cipher(ATTACHMENT_FIELDS.transcript);
  const toAttachment = (r: AttachmentRow): Attachment => ({
    id: r.id,
    tenantId: r.tenant_id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    kind: r.kind,
    name: name.decrypt(r.name),
    contentType: r.content_type,
    bytes: r.bytes,
    transcript: r.transcript === null ? null : transcript.decrypt(r.transcript),
    createdAt: r.created_at,
  });

  const insert = db.prepare(
    `INSERT INTO attachments (id, tenant_id, conversation_id, message_id, kind, name, content_type, bytes, content, transcript, created_at)
     VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = db.prepare<[string, string], AttachmentRow>(
    `SELECT ${COLUMNS} FROM attachments WHERE tenant_id = ? AND id = ?`,
  );
  const selectContent = db.prepare<[string, string], { content: string }>(
    'SELECT content FROM attachments WHERE tenant_id = ? AND id = ?',
  );
  const linkOne = db.prepare(
    'UPDATE attachments SET message_id = ? WHERE tenant_id = ? AND id = ? AND message_id IS NULL',
  );
  const selectThread = db.prepare<[string, string], AttachmentRow>(
    `SELECT ${COLUMNS} FROM attachments WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at, rowid`,
  );
  const linkAll = db.transaction((tenantId: string, ids: string[], messageId: string) =>
    ids.reduce((n, id) => n + linkOne.run(messageId, tenantId, id).changes, 0),
  );

  return {
    async create(input) {
      const row = {
        ...input,
        id: randomUUID(),
        messageId: null,
        bytes: input.content.length,
        createdAt: new Date().toISOString(),
      };
      insert.run(
        row.id,
        row.tenantId,
        row.conversationId,
        row.kind,
        name.encrypt(row.name),
        row.contentType,
        row.bytes,
        content.encrypt(input.content.toString('base64')),
        row.transcript === null ? null : transcript.encrypt(row.transcript),
        row.createdAt,
      );
      const { content: _bytes, ...attachment } = row;
      return attachment;
    },
    async get(tenantId, id) {
      const row = select.get(tenantId, id);
      return row ? toAttachment(row) : null;
    },
    async content(tenantId, id) {
      const row = selectContent.get(tenantId, id);
      return row ? Buffer.from(content.decrypt(row.content), 'base64') : null;
    },
    async link(tenantId, ids, messageId) {
      return linkAll(tenantId, ids, messageId);
    },
    async listByConversation(tenantId, conversationId) {
      return selectThread.all(tenantId, conversationId).map(toAttachment);
    },
  };
}
