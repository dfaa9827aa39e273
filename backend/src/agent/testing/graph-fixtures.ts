/**
 * Doubles and builders for the agent's node and graph tests: a fixed knowledge base, an account
 * lookup that records whose account was read, a full state from a few fields, and a writer
 * that collects what a node streamed. Doubles sit at the edges only (knowledge search, the
 * payout system); every agent module under test is the real one.
 */
import pino from 'pino';
import type { AccountLookup, AccountRef, AccountSnapshot } from '../../integrations/accounts/types';
import type { KnowledgeSearch, SearchHit } from '../../knowledge/types';
import type { Principal } from '../../security/session-tokens';
import { type AgentDeps, PASSTHROUGH_GATE } from '../graph-deps';
import type { AgentStateValue, NodeRuntime } from '../state';
import type { AgentEvent } from '../types';

/** A search hit with sensible defaults. */
export const hit = (over: Partial<SearchHit> = {}): SearchHit => ({
  chunkId: over.chunkId ?? `c-${Math.random().toString(36).slice(2, 8)}`,
  documentId: 'doc-instant',
  documentVersion: 1,
  title: 'Instant Pay',
  page: 2,
  pageEnd: 2,
  section: 'Instant Pay > Fees',
  text: '',
  score: 0.03,
  vectorSimilarity: 0.5,
  textScore: 7,
  ...over,
});

/** The Instant Pay fee passage most tests ask about. */
export const FEE_HIT = hit({
  chunkId: 'fee',
  text: 'Instant Pay costs a flat $2.99 per transfer. The fee is shown before you confirm. Transfers to a Brightwell Card are free.',
});

/** A knowledge base that answers every search with the same hits, and remembers the queries. */
export function fixedKnowledge(hits: SearchHit[]): KnowledgeSearch & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(q) {
      queries.push(q.text);
      return hits;
    },
    // Every word equally common: evidence then rests on plain coverage.
    async corpusStats() {
      return { passages: 100, documentFrequency: () => 10, correction: () => null };
    },
  };
}

/** An account system with one snapshot for everyone, recording whose account each call read. */
export function recordingAccounts(
  snapshot: AccountSnapshot,
): AccountLookup & { reads: AccountRef[] } {
  const reads: AccountRef[] = [];
  return {
    reads,
    async recentPayouts(ref) {
      reads.push(ref);
      return snapshot.payouts;
    },
    async payCard(ref) {
      reads.push(ref);
      return snapshot.payCard;
    },
    async directDeposit(ref) {
      reads.push(ref);
      return snapshot.directDeposit;
    },
  };
}

/** A customer's snapshot: one paid tip payout and an active card. */
export const SNAPSHOT: AccountSnapshot = {
  payouts: [
    {
      id: 'p1',
      amountCents: 8420,
      currency: 'USD',
      kind: 'tips',
      status: 'scheduled',
      scheduledFor: '2026-12-02',
      paidAt: null,
      destination: 'pay_card',
      failureReason: null,
    },
  ],
  payCard: { last4: '4821', status: 'active', shippedAt: null },
  directDeposit: null,
};

/** An anonymous visitor of the demo tenant. */
export const VISITOR: Principal = {
  role: 'visitor',
  tenantId: 'demo',
  subject: 'v1',
  origin: null,
};
/** A signed-in customer of the demo tenant (account cust-1). */
export const CUSTOMER: Principal = {
  role: 'customer',
  tenantId: 'demo',
  subject: 'cust-1',
  origin: null,
};

/** A complete graph state from the fields a test cares about. */
export function stateOf(over: Partial<AgentStateValue> = {}): AgentStateValue {
  return {
    tenantId: 'demo',
    turnId: 'turn-1',
    message: 'How much is the Instant Pay fee?',
    history: [],
    principal: VISITOR,
    mode: 'offline',
    fallback: null,
    classification: null,
    threshold: 0.4,
    searchText: '',
    hits: [],
    account: null,
    toolResults: [],
    reply: null,
    grounding: null,
    usage: [],
    cached: false,
    cachedTrace: null,
    trace: null,
    ...over,
  };
}

/** Collaborators for a node: offline, no cache, the given knowledge. */
export function depsOf(over: Partial<AgentDeps> = {}): AgentDeps {
  return {
    knowledge: fixedKnowledge([FEE_HIT]),
    drafts: null,
    headStarts: null,
    accounts: null,
    model: null,
    modelName: null,
    gate: PASSTHROUGH_GATE,
    cache: null,
    fingerprint: async () => 'fp-1',
    logger: pino({ level: 'silent' }),
    ...over,
  };
}

/** A runtime whose writer collects the events a node streamed. */
export function collectingRuntime(context: NodeRuntime['context'] = {}) {
  const events: AgentEvent[] = [];
  const runtime: NodeRuntime = { writer: (e) => events.push(e as AgentEvent), context };
  const text = () => events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
  return { runtime, events, text };
}
