/**
 * The storage seam. SQLite implements it in the embedded default (store/sqlite); a Postgres
 * implementation will satisfy the same interfaces when scaled out. Methods are async even
 * where SQLite is synchronous so both can share callers.
 */
import type { ModelUsage } from '../agent/types';
import type { DemoAccountStore } from '../integrations/accounts/types';
import type { DocumentRepository } from './documents';

export interface Tenant {
  id: string;
  name: string;
  /** Exact portal origins allowed to embed the widget, e.g. "https://portal.example.com". */
  allowedOrigins: string[];
  /** Also accept any http://localhost or http://127.0.0.1 origin (the built-in demo tenant). */
  allowLocalhost: boolean;
  createdAt: string;
}

export type ConversationStatus = 'active' | 'escalation_pending' | 'closed';

export interface Conversation {
  id: string;
  tenantId: string;
  /** Who owns the thread: the visitor session id or the customer's user id. */
  subject: string;
  status: ConversationStatus;
  createdAt: string;
  updatedAt: string;
}

export interface StoredCitation {
  document_id: string;
  title: string;
  page: number;
  snippet: string;
}

export type MessageRole = 'user' | 'assistant';

export interface Message {
  id: string;
  conversationId: string;
  tenantId: string;
  role: MessageRole;
  text: string;
  citations: StoredCitation[];
  confidence: number | null;
  responseTimeMs: number | null;
  createdAt: string;
}

export interface AuditEvent {
  tenantId: string;
  actorType: 'visitor' | 'customer' | 'admin' | 'system';
  actorId: string;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  /** Facts about the event; never message text or other PII. */
  details: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditRecord extends AuditEvent {
  id: number;
  prevHash: string;
  hash: string;
  createdAt: string;
}

export interface TenantRepository {
  get(id: string): Promise<Tenant | null>;
  upsert(tenant: Omit<Tenant, 'createdAt'>): Promise<Tenant>;
}

export interface ConversationRepository {
  create(input: { tenantId: string; subject: string }): Promise<Conversation>;
  get(tenantId: string, id: string): Promise<Conversation | null>;
  setStatus(tenantId: string, id: string, status: ConversationStatus): Promise<void>;
}

export interface MessageRepository {
  /** Stores a message; pass `id` to use one announced earlier (the stream's `meta` event). */
  append(input: Omit<Message, 'id' | 'createdAt'> & { id?: string }): Promise<Message>;
  /** Oldest first; `limit` keeps the newest N. */
  list(tenantId: string, conversationId: string, limit?: number): Promise<Message[]>;
}

export interface AuditRepository {
  /** Appends to the hash chain: each record's hash covers the previous record's hash. */
  append(event: AuditEvent): Promise<AuditRecord>;
  list(tenantId: string, limit?: number): Promise<AuditRecord[]>;
  /** Recomputes the chain; returns the id of the first record that does not match, or null. */
  verify(): Promise<number | null>;
}

/**
 * What model calls cost, per tenant and UTC month ('YYYY-MM', i.e. `at.toISOString().slice(0, 7)`).
 * Read by the monthly AI budget (agent/cost/budget.ts).
 */
export interface UsageRepository {
  /** Adds one call's tokens and cost to the tenant's month (the month of `at`, UTC). */
  add(tenantId: string, usage: ModelUsage, at: Date): Promise<void>;
  /** The same write, synchronous, for `TurnRecord.extraWrites` (joins the turn's transaction). */
  write(tenantId: string, usage: ModelUsage, at: Date): () => void;
  /** USD spent by the tenant in the UTC month of `at`, all models. */
  monthToDate(tenantId: string, at: Date): Promise<number>;
  /** Records that the `level` (percent) alert went out for the month; false if it already had. */
  markAlert(tenantId: string, month: string, level: number): Promise<boolean>;
}

/** Everything one chat turn writes once the answer is known; committed as one unit. */
export interface TurnRecord {
  answer: Omit<Message, 'id' | 'createdAt'> & { id?: string };
  /** The thread's new status, when the turn changes it (a hand-over). */
  status: ConversationStatus | null;
  audit: AuditEvent;
  /**
   * Further synchronous writes of the same store that must join the transaction (model usage;
   * the escalation outbox). Each comes from a repository of this store.
   */
  extraWrites?: Array<() => void>;
}

export interface TurnRepository {
  /** Writes the answer, the status change and the audit record in one transaction. */
  record(turn: TurnRecord): Promise<Message>;
}

/** Everything persistent, chosen by configuration in deps.ts. */
export interface Store {
  tenants: TenantRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  documents: DocumentRepository;
  audit: AuditRepository;
  /** Sample account data for the demo tenant's AccountLookup (migration 3). */
  demoAccounts: DemoAccountStore;
  /** Model tokens and cost per tenant and month, the AI budget's meter (migration 4). */
  usage: UsageRepository;
  /** A chat turn's writes as one transaction. */
  turns: TurnRepository;
  /** Throws when the database cannot answer (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
