import type { Database } from 'better-sqlite3';
import type { WidgetConfig, WidgetConfigRepository } from '../types';

interface WidgetConfigRow {
  title: string | null;
  greeting: string | null;
  accent: string | null;
  logo_url: string | null;
  position: WidgetConfig['position'];
  suggestions: string | null;
  updated_at: string;
}

const toConfig = (r: WidgetConfigRow): WidgetConfig => ({
  title: r.title,
  greeting: r.greeting,
  accent: r.accent,
  logoUrl: r.logo_url,
  position: r.position,
  suggestions: r.suggestions === null ? null : (JSON.parse(r.suggestions) as string[]),
  updatedAt: r.updated_at,
});

/** Tenants' widget themes (migration 10); values are validated by the CLI before they get here. */
export function createSqliteWidgetConfigRepository(db: Database): WidgetConfigRepository {
  const select = db.prepare<[string], WidgetConfigRow>(
    'SELECT * FROM tenant_widget_config WHERE tenant_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO tenant_widget_config (tenant_id, title, greeting, accent, logo_url, position,
       suggestions, updated_at)
     VALUES (@tenant_id, @title, @greeting, @accent, @logo_url, @position, @suggestions, @now)
     ON CONFLICT (tenant_id) DO UPDATE SET title = excluded.title, greeting = excluded.greeting,
       accent = excluded.accent, logo_url = excluded.logo_url, position = excluded.position,
       suggestions = excluded.suggestions, updated_at = excluded.updated_at`,
  );
  // Read-merge-write in one transaction, so two updates cannot lose each other's fields.
  const update = db.transaction(
    (tenantId: string, patch: Partial<Omit<WidgetConfig, 'updatedAt'>>) => {
      const row = select.get(tenantId);
      const current = row ? toConfig(row) : null;
      const merged = { ...current, ...patch };
      upsert.run({
        tenant_id: tenantId,
        title: merged.title ?? null,
        greeting: merged.greeting ?? null,
        accent: merged.accent ?? null,
        logo_url: merged.logoUrl ?? null,
        position: merged.position ?? null,
        suggestions: merged.suggestions ? JSON.stringify(merged.suggestions) : null,
        now: new Date().toISOString(),
      });
      return toConfig(select.get(tenantId)!);
    },
  );
  return {
    async get(tenantId) {
      const row = select.get(tenantId);
      return row ? toConfig(row) : null;
    },
    async update(tenantId, patch) {
      return update(tenantId, patch);
    },
  };
}
