/**
 * The agent as configuration asks for it, for deps.ts: connected (ChatOpenAI behind the model
 * gate's budget, breaker, call rate and timeout, with the answer cache) when an OpenAI key or
 * base URL is set; offline otherwise. Both are the same LangGraph workflow (create-agent.ts).
 */
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { AccountLookup } from '../integrations/accounts/types';
import type { Embedder } from '../knowledge/embedding/types';
import type { KnowledgeSearch } from '../knowledge/types';
import type { Store } from '../store/types';
import { createMemoryAnswerCache } from './cost/answer-cache';
import { createBudget } from './cost/budget';
import { knowledgeFingerprint } from './cost/knowledge-fingerprint';
import { createChatAgent } from './create-agent';
import { createModelGate, type ModelGate } from './guard/model-gate';
import { createChatModel } from './models';
import type { ChatAgent } from './types';

export interface ConfiguredAgentDeps {
  store: Pick<Store, 'usage' | 'audit' | 'documents' | 'tenants'>;
  knowledge: KnowledgeSearch;
  accounts: AccountLookup | null;
  /** The knowledge base's embedder: the answer cache's semantic match uses the same vectors. */
  embedder: Embedder;
  logger: Logger;
}

export interface ConfiguredAgent {
  agent: ChatAgent;
  /** The model gate in connected mode (its circuit state is worth reporting), else null. */
  gate: ModelGate | null;
}

/** @example const { agent } = createConfiguredAgent(config, { store, knowledge, accounts, embedder, logger }) */
export function createConfiguredAgent(
  config: Pick<
    Config,
    | 'openai'
    | 'confidenceThreshold'
    | 'topicThresholds'
    | 'breaker'
    | 'modelCallsPerMinute'
    | 'aiBudgetUsd'
    | 'answerCacheTtlMs'
  >,
  deps: ConfiguredAgentDeps,
): ConfiguredAgent {
  const settings = {
    confidenceThreshold: config.confidenceThreshold,
    topicThresholds: config.topicThresholds,
  };
  const common = { knowledge: deps.knowledge, accounts: deps.accounts, logger: deps.logger };
  if (!config.openai) {
    return { agent: createChatAgent({ ...common, model: null, config: settings }), gate: null };
  }
  const budget = createBudget({
    usage: deps.store.usage,
    audit: deps.store.audit,
    logger: deps.logger.child({ component: 'ai-budget' }),
    budgetFor: async (tenantId) =>
      (await deps.store.tenants.get(tenantId))?.aiBudgetUsd ?? config.aiBudgetUsd,
  });
  // Usage is metered per model call as it completes: the provider bills a call whether or not
  // the turn that made it commits. The turn's audit record repeats it, for explanation only.
  const gate = createModelGate({
    breaker: config.breaker,
    callsPerMinute: config.modelCallsPerMinute,
    timeoutMs: config.openai.timeoutMs,
    budget,
    usage: deps.store.usage,
    logger: deps.logger.child({ component: 'model-gate' }),
  });
  // A disabled cache is no cache at all: otherwise every turn would still read the tenant's
  // documents to fingerprint them for lookups that can never hit.
  const cache =
    config.answerCacheTtlMs > 0
      ? createMemoryAnswerCache({
          ttlMs: config.answerCacheTtlMs,
          // Only a real embedding model makes "same question, other words" meaningful.
          ...(deps.embedder.model.startsWith('hashing')
            ? {}
            : {
                embed: (text, tenantId) => gate.run(tenantId, () => deps.embedder.embedQuery(text)),
              }),
        })
      : null;
  const agent = createChatAgent({
    ...common,
    model: createChatModel(config.openai),
    gate,
    cache,
    fingerprint: (tenantId) => knowledgeFingerprint(deps.store.documents, tenantId),
    config: { ...settings, chatModel: config.openai.chatModel },
  });
  return { agent, gate };
}
