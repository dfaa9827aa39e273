import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations';

/**
 * Runs every migration the database has not recorded, in version order, each in its own
 * transaction, so a failure leaves the schema at the last good version. "Not recorded" rather
 * than "newer than the highest": a database that took a later version first (two branches
 * developed side by side) still gets the earlier one.
 * @returns the versions applied now
 */
export function applyMigrations(db: Database, migrations: readonly Migration[]): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as Array<{ version: number }>).map(
      (r) => r.version,
    ),
  );
  const pending = [...migrations]
    .sort((a, b) => a.version - b.version)
    .filter((m) => !applied.has(m.version));
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of pending) {
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
  return pending.map((m) => m.version);
}
