import type { DocumentRepository } from '../store/documents';
import { versionKey } from './index/chunk-row';
import { sqlString } from './index/chunk-table';

/** What one tenant may search right now. */
export interface TenantView {
  /** LanceDB predicate: this tenant's chunks of live versions only. */
  filter: string;
  /** Document title by document id. */
  titles: Map<string, string>;
}

/**
 * The live (document, version) pairs, cached from the repository, plus a record of
 * searches in flight. A version swap commits in SQLite, then `refresh()` points new
 * searches at the new version; the old version's chunks are deleted only after
 * `drain()`, when every search that could still be reading them has finished.
 */
export interface LiveSet {
  view(tenantId: string): TenantView | null;
  refresh(): Promise<void>;
  /** Every live version key across tenants (for orphan clean-up). */
  allKeys(): string[];
  track<T>(read: Promise<T>): Promise<T>;
  drain(): Promise<void>;
}

export async function createLiveSet(documents: DocumentRepository): Promise<LiveSet> {
  let views = new Map<string, TenantView>();
  let keys: string[] = [];
  const inFlight = new Set<Promise<unknown>>();

  const refresh = async () => {
    const live = await documents.listLive();
    const byTenant = new Map<string, typeof live>();
    for (const entry of live) {
      const list = byTenant.get(entry.tenantId) ?? [];
      list.push(entry);
      byTenant.set(entry.tenantId, list);
    }
    const next = new Map<string, TenantView>();
    for (const [tenantId, entries] of byTenant) {
      const list = entries.map((e) => sqlString(versionKey(e.documentId, e.version))).join(', ');
      next.set(tenantId, {
        filter: `tenant_id = ${sqlString(tenantId)} AND version_key IN (${list})`,
        titles: new Map(entries.map((e) => [e.documentId, e.title])),
      });
    }
    views = next;
    keys = live.map((e) => versionKey(e.documentId, e.version));
  };
  await refresh();

  return {
    view: (tenantId) => views.get(tenantId) ?? null,
    refresh,
    allKeys: () => [...keys],
    track(read) {
      inFlight.add(read);
      const forget = () => inFlight.delete(read);
      read.then(forget, forget);
      return read;
    },
    async drain() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
