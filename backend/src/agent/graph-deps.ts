/**
 * What the graph's nodes are built from: the collaborators, chosen once by createChatAgent.
 * Per-run settings travel separately as LangGraph `context` (state.ts, RunSettings).
 */
import type { AIMessage } from '@langchain/core/messages';
import type { Logger } from 'pino';
import type { AccountLookup } from '../integrations/accounts/types';
import type { KnowledgeSearch, SearchHit, SearchQuery } from '../knowledge/types';
import type { AnswerDrafts } from './answer-drafts';
import type { AnswerCache } from './cost/answer-cache';
import type { ModelGate } from './guard/model-gate';
import type { HeadStarts } from './head-starts';
import { type ChatModel, usageOf } from './models';
import type { Judged } from './nodes/check-confidence';
import type { AgentStateUpdate } from './state';
import type { ModelUsage } from './types';

/** The collaborators every node factory takes. */
export interface AgentDeps {
  /** Searches; `prefetch` (search-prefetch.ts) lets classify start retrieve's search early. */
  knowledge: KnowledgeSearch & {
    prefetch?: (query: SearchQuery) => void;
    peek?: (query: SearchQuery) => Promise<SearchHit[]> | undefined;
  };
  /** Answers drafted while classify waits (connected mode); null: none are drafted. */
  drafts: AnswerDrafts | null;
  /**
   * Model calls started before their node runs (connected mode, head-starts.ts); null: each
   * node makes its own call when it runs.
   */
  headStarts: {
    classification: HeadStarts<AgentStateUpdate>;
    judgment: HeadStarts<Judged>;
  } | null;
  /** Null when no account system is wired: account questions then go to a person. */
  accounts: AccountLookup | null;
  /** Null is offline mode, the product's no-key default. */
  model: ChatModel | null;
  /** The model's name, for pricing and the trace (null offline). */
  modelName: string | null;
  gate: ModelGate;
  /** Null disables the answer cache. */
  cache: AnswerCache | null;
  /** The tenant's live document versions in one string: any document change misses the cache. */
  fingerprint: (tenantId: string) => Promise<string>;
  logger: Logger;
}

/**
 * A gate that only runs the call: for tests and for callers (the eval) that want no breaker,
 * rate limit or budget. The model's own timeout still applies.
 */
export const PASSTHROUGH_GATE: ModelGate = {
  run: (_tenantId, call, options) => call(options?.signal ?? new AbortController().signal),
  record: async () => {},
  state: () => ({ circuit: 'closed' }),
};

/**
 * Runs one model call through the gate, also aborted when the run is (the visitor left), and
 * records its usage. Throws whatever the gate or the provider threw: the node falls back.
 */
export async function callModel<T>(
  deps: AgentDeps,
  tenantId: string,
  runSignal: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
  usageMessage: (result: T) => Pick<AIMessage, 'usage_metadata'> | undefined,
): Promise<{ result: T; usage: ModelUsage[] }> {
  const result = await deps.gate.run(tenantId, call, runSignal ? { signal: runSignal } : {});
  const message = usageMessage(result);
  if (!message) return { result, usage: [] };
  const usage = usageOf(deps.modelName ?? 'unknown', message);
  await deps.gate.record(tenantId, usage);
  return { result, usage: [usage] };
}
