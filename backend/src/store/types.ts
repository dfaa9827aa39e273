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
  /** How the tenant's portal signs its users' tokens (security/customer-tokens.ts verifies). */
  auth: TenantAuth;
  /** Widget theme overrides, e.g. { accent: '#2f5d50' }. */
  theme: Record<string, string>;
  /** Monthly AI budget in USD; null uses the configured default (`config.aiBudgetUsd`). */
  aiBudgetUsd: number | null;
  createdAt: string;
}

/** A tenant's customer-token settings: an HS256 secret and/or a JWKS URL, checked with jose. */
export interface TenantAuth {
  hs256Secret: string | null;
  jwksUrl: string | null;
  issuer: string | null;
  audience: string | null;
  /** The only algorithms accepted; empty means customer tokens are not set up. */
  algorithms: Array<'HS256' | 'ES256' | 'RS256'>;
}

/** What `TenantRepository.upsert` takes: settings left out get their defaults. */
export type TenantInput = Omit<Tenant, 'createdAt' | 'auth' | 'theme' | 'aiBudgetUsd'> &
  Partial<Pick<Tenant, 'theme' | 'aiBudgetUsd'>> & { auth?: Partial<TenantAuth> };

/** What `TenantRepository.update` changes; `auth` fields merge into the current ones. */
export type TenantPatch = Partial<Omit<Tenant, 'id' | 'createdAt' | 'auth'>> & {
  auth?: Partial<TenantAuth>;
};

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

/** What an attachment is for: a file (image or PDF) or a recorded voice note. */
export type AttachmentKind = 'file' | 'voice';

/** A chat upload (store/sqlite/attachments.ts); the bytes are read separately, by `content`. */
export interface Attachment {
  id: string;
  tenantId: string;
  conversationId: string;
  /** The user message it was sent with; null until sent (a voice note kept offline stays so). */
  messageId: string | null;
  kind: AttachmentKind;
  /** Sanitised file name (http/upload-name.ts); personal, so encrypted at rest. */
  name: string;
  /** Decided from the bytes (file-type), never from the name or the declared type. */
  contentType: string;
  bytes: number;
  /** A voice note's redacted transcript; null offline or when transcription failed. */
  transcript: string | null;
  createdAt: string;
}

/** Chat uploads, bytes and names encrypted at rest (migration 11). */
export interface AttachmentRepository {
  create(
    input: Omit<Attachment, 'id' | 'createdAt' | 'messageId' | 'bytes'> & { content: Buffer },
  ): Promise<Attachment>;
  get(tenantId: string, id: string): Promise<Attachment | null>;
  /** The stored bytes, decrypted; null when there is no such attachment. */
  content(tenantId: string, id: string): Promise<Buffer | null>;
  /** Links attachments not yet sent to a user message; returns how many it linked. */
  link(tenantId: string, ids: string[], messageId: string): Promise<number>;
  /** Each message's attachments, for a thread's history (oldest first). */
  listByConversation(tenantId: string, conversationId: string): Promise<Attachment[]>;
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
  /** Every tenant, by id (few: one per customer company). */
  list(): Promise<Tenant[]>;
  upsert(tenant: TenantInput): Promise<Tenant>;
  /** Applies `patch`; null when there is no such tenant. */
  update(id: string, patch: TenantPatch): Promise<Tenant | null>;
}

export interface ConversationRepository {
  create(input: { tenantId: string; subject: string }): Promise<Conversation>;
  get(tenantId: string, id: string): Promise<Conversation | null>;
  /** The owner's threads, the most recently active first. */
  listBySubject(tenantId: string, subject: string, limit: number): Promise<Conversation[]>;
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
  /** Every edited, inserted and deleted record the chain reveals (store/sqlite/audit-verify.ts). */
  verifyAll(): Promise<AuditProblem[]>;
  /** Filtered records, newest first; `beforeId` is the cursor (the last id of the previous page). */
  query(filter: AuditQuery): Promise<AuditRecord[]>;
}

/** What `AuditRepository.query` filters on; every field narrows, none widens. */
export interface AuditQuery {
  /** null: every tenant (a platform admin). */
  tenantId: string | null;
  action?: string;
  actorId?: string;
  actorType?: AuditEvent['actorType'];
  resourceType?: string;
  resourceId?: string;
  /** ISO times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  beforeId?: number;
  limit: number;
}

/** One thing wrong with the audit chain. `id`..`throughId` names the records (a range when deleted). */
export interface AuditProblem {
  kind: 'edited' | 'inserted' | 'deleted';
  id: number;
  throughId: number;
  /** The record's tenant, when the record is still there to say. */
  tenantId: string | null;
  message: string;
}

/** Deletes what is older than the retention cutoff, a batch at a time (store/sqlite/retention.ts). */
export interface RetentionRepository {
  /**
   * Deletes up to `limit` messages created before `cutoff` (ISO), then the conversations left
   * empty and not touched since the cutoff; counts per tenant. Knowledge-base documents are
   * never touched: they are the tenant's content, not chat data.
   */
  purgeBatch(
    cutoff: string,
    limit: number,
  ): Promise<Record<string, { messages: number; conversations: number }>>;
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

/** A customer we have seen: the portal's `sub`, and its optional email/name claims. No passwords. */
export interface User {
  tenantId: string;
  subject: string;
  email: string | null;
  name: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
}

/** The users table (store/sqlite/users.ts); email and name are PII: never log them. */
export interface UserRepository {
  /** Records a verified sign-in: creates the user or refreshes last-seen (and email/name when sent). */
  upsertSeen(input: {
    tenantId: string;
    subject: string;
    email: string | null;
    name: string | null;
  }): Promise<User>;
  get(tenantId: string, subject: string): Promise<User | null>;
}

/** How many values of an encrypted column are on each key id (null: plain, written before encryption). */
export interface KeyCensusRow {
  field: string;
  keyId: string | null;
  count: number;
}

/** Where a key rotation stopped: the table and the last row it looked at. */
export interface RotationCursor {
  table: string;
  afterRowid: number;
}

/** Re-encryption of stored fields under the active key, in resumable batches. */
export interface KeyRotationRepository {
  /** The key id new values get; null when the store was opened without encryption. */
  activeKeyId(): string | null;
  census(): Promise<KeyCensusRow[]>;
  /**
   * Re-encrypts up to `limit` rows not on the active key after `cursor`, in one transaction.
   * `cursor: null` in the answer means every encrypted column has been walked.
   */
  rotateBatch(
    cursor: RotationCursor | null,
    limit: number,
  ): Promise<{ cursor: RotationCursor | null; rotated: number }>;
}

/** Thumbs on one answer, or a 1-5 rating of the whole conversation (migration 10). */
export interface Feedback {
  id: string;
  tenantId: string;
  conversationId: string;
  /** The assistant message the thumbs are for; null for a conversation rating. */
  messageId: string | null;
  /** Who gave it: the conversation's owner. */
  subject: string;
  thumbs: 'up' | 'down' | null;
  rating: 1 | 2 | 3 | 4 | 5 | null;
  /** Already redacted; PII-free but still the person's words: never log it. */
  comment: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FeedbackRepository {
  /** Stores the feedback, replacing any earlier one for the same message (or conversation). */
  save(input: Omit<Feedback, 'id' | 'createdAt' | 'updatedAt'>): Promise<Feedback>;
  /** Every feedback of a conversation, oldest first. */
  list(tenantId: string, conversationId: string): Promise<Feedback[]>;
}

/** A tenant's widget theme (migration 10); null fields take the widget's defaults. */
export interface WidgetConfig {
  title: string | null;
  greeting: string | null;
  /** `#rrggbb`. */
  accent: string | null;
  /** https URL, or a path on the API's origin. */
  logoUrl: string | null;
  position: 'bottom-right' | 'bottom-left' | null;
  suggestions: string[] | null;
  updatedAt: string;
}

export interface WidgetConfigRepository {
  get(tenantId: string): Promise<WidgetConfig | null>;
  /** Merges `patch` into the stored config (null clears a field). */
  update(tenantId: string, patch: Partial<Omit<WidgetConfig, 'updatedAt'>>): Promise<WidgetConfig>;
}

/** Everything persistent, chosen by configuration in deps.ts. */
export interface Store {
  tenants: TenantRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
  documents: DocumentRepository;
  audit: AuditRepository;
  /** Deletes chat data past the retention period (security/retention.ts runs it). */
  retention: RetentionRepository;
  /** Sample account data for the demo tenant's AccountLookup (migration 3). */
  demoAccounts: DemoAccountStore;
  /** Model tokens and cost per tenant and month, the AI budget's meter (migration 4). */
  usage: UsageRepository;
  /** A chat turn's writes as one transaction. */
  turns: TurnRepository;
  /** Customers whose portal token verified, per tenant (migration 7). */
  users: UserRepository;
  /** Thumbs and ratings from the widget (migration 10). */
  feedback: FeedbackRepository;
  /** Each tenant's widget theme (migration 10). */
  widgetConfigs: WidgetConfigRepository;
  /** Moves encrypted columns to the active key (`wagechat keys rotate`). */
  keyRotation: KeyRotationRepository;
  /** Chat uploads and voice notes, encrypted at rest (migration 11). */
  attachments: AttachmentRepository;
  /** Throws when the database cannot answer (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
