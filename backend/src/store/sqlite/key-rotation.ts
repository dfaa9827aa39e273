import type { Database } from 'better-sqlite3';
import { AppError } from '../../errors';
import type { FieldCrypto } from '../../security/field-crypto';
import type { KeyCensusRow, KeyRotationRepository, RotationCursor } from '../types';

/** A table whose columns hold encrypted values; `field` is each column's associated data. */
interface EncryptedTable {
  table: string;
  columns: Array<{ column: string; field: string }>;
}

/**
 * Every encrypted column. Citations' snippets are help-centre text, not PII: left plain.
 * `users` exists from migration 7 on, `feedback` from 10, `attachments` from 11; tables or
 * columns not there yet are skipped.
 */
export const ENCRYPTED_TABLES: EncryptedTable[] = [
  { table: 'messages', columns: [{ column: 'text', field: 'messages.text' }] },
  {
    table: 'users',
    columns: [
      { column: 'email', field: 'users.email' },
      { column: 'name', field: 'users.name' },
    ],
  },
  {
    table: 'attachments',
    columns: [
      { column: 'name', field: 'attachments.name' },
      { column: 'content', field: 'attachments.content' },
      { column: 'transcript', field: 'attachments.transcript' },
    ],
  },
  { table: 'feedback', columns: [{ column: 'comment', field: 'feedback.comment' }] },
];

const ENVELOPE = 'enc:v1:';

/**
 * Re-encryption under the active key for `wagechat keys rotate`. Each batch is one
 * transaction and rows are walked by rowid, so an interrupted run loses at most its open
 * batch and a rerun skips what is already on the active key. A row is rewritten only if it
 * still holds the value read (a concurrent writer wins).
 */
export function createSqliteKeyRotation(db: Database, crypto?: FieldCrypto): KeyRotationRepository {
  const present = (): EncryptedTable[] =>
    ENCRYPTED_TABLES.flatMap((spec) => {
      const names = new Set(
        db
          .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
          .all(spec.table)
          .map((c) => c.name),
      );
      const columns = spec.columns.filter((c) => names.has(c.column));
      return columns.length > 0 ? [{ table: spec.table, columns }] : [];
    });

  const census = (): KeyCensusRow[] =>
    present().flatMap(({ table, columns }) =>
      columns.flatMap(({ column, field }) =>
        db
          .prepare<[], { keyId: string | null; count: number }>(
            `SELECT CASE WHEN substr(${column}, 1, 7) = '${ENVELOPE}'
                      THEN substr(${column}, 8, instr(substr(${column}, 8), ':') - 1) END AS keyId,
                    COUNT(*) AS count
               FROM ${table} WHERE ${column} IS NOT NULL GROUP BY keyId ORDER BY keyId`,
          )
          .all()
          .map((row) => ({ field, keyId: row.keyId, count: row.count })),
      ),
    );

  const rotateBatch = (cursor: RotationCursor | null, limit: number) => {
    if (!crypto) throw new AppError('internal', 'The store was opened without field encryption.');
    const tables = present();
    let at = cursor ?? { table: tables[0]?.table ?? '', afterRowid: 0 };
    let index = tables.findIndex((t) => t.table === at.table);
    while (index >= 0 && index < tables.length) {
      const spec = tables[index] as EncryptedTable;
      const active = `${ENVELOPE}${crypto.activeKeyId}:`;
      const stale = spec.columns
        .map(
          ({ column }) =>
            `(${column} IS NOT NULL AND substr(${column}, 1, ${active.length}) <> @active)`,
        )
        .join(' OR ');
      const rows = db
        .prepare<
          { after: number; active: string; limit: number },
          Record<string, string | null> & { rowid: number }
        >(
          `SELECT rowid, ${spec.columns.map((c) => c.column).join(', ')} FROM ${spec.table}
            WHERE rowid > @after AND (${stale}) ORDER BY rowid LIMIT @limit`,
        )
        .all({ after: at.afterRowid, active, limit });
      if (rows.length === 0) {
        index += 1;
        at = { table: tables[index]?.table ?? '', afterRowid: 0 };
        continue;
      }
      const sets = spec.columns.map((c) => `${c.column} = ?`).join(', ');
      const same = spec.columns.map((c) => `${c.column} IS ?`).join(' AND ');
      const update = db.prepare(`UPDATE ${spec.table} SET ${sets} WHERE rowid = ? AND ${same}`);
      const rewrite = (value: string | null, field: string) =>
        value === null || value.startsWith(active)
          ? value
          : crypto.encrypt(crypto.decrypt(value, field), field);
      const rotated = db.transaction(() => {
        let changed = 0;
        for (const row of rows) {
          const before = spec.columns.map((c) => row[c.column] ?? null);
          const after = spec.columns.map((c, i) => rewrite(before[i] ?? null, c.field));
          changed += update.run(...after, row.rowid, ...before).changes;
        }
        return changed;
      })();
      const last = rows.at(-1)?.rowid ?? at.afterRowid;
      return { cursor: { table: spec.table, afterRowid: last }, rotated };
    }
    return { cursor: null, rotated: 0 };
  };

  return {
    activeKeyId: () => crypto?.activeKeyId ?? null,
    async census() {
      return census();
    },
    async rotateBatch(cursor, limit) {
      return rotateBatch(cursor, limit);
    },
  };
}
