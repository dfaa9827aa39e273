/**
 * createChatAgent: the ChatAgent of both modes, one LangGraph workflow (graph.ts). With a model
 * it answers connected and falls back to offline per turn when a call fails; with `model: null`
 * it is offline mode, the product's no-key default. Events leave through LangGraph's `custom`
 * stream as the nodes write them (tokens as the model produces them), the record node's `done`
 * with the confidence and the trace last.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AccountLookup } from '../integrations/accounts/types';
import type { KnowledgeSearch } from '../knowledge/types';
import { createAnswerDrafts } from './answer-drafts';
import type { AnswerCache } from './cost/answer-cache';
import { createAgentGraph } from './graph';
import { type AgentDeps, PASSTHROUGH_GATE } from './graph-deps';
import type { ModelGate } from './guard/model-gate';
import { createHeadStarts } from './head-starts';
import { type ChatModel, modelNameOf } from './models';
import { createClassifier } from './nodes/classify';
import { createPrefetchingSearch } from './search-prefetch';
import { DEFAULT_RUN_SETTINGS, type RunSettings } from './state';
import type { AgentEvent, ChatAgent } from './types';

/** What createChatAgent takes. */
export interface ChatAgentOptions {
  knowledge: KnowledgeSearch;
  /** The payout system (demo SQLite or HTTP); null sends account questions to a person. */
  accounts?: AccountLookup | null;
  /** Budget, breaker, call rate and timeout for every model call (default: none of them). */
  gate?: ModelGate;
  /** The per-tenant answer cache; omitted or null disables it. */
  cache?: AnswerCache | null;
  /**
   * The tenant's live documents as one string (`knowledgeFingerprint` in cost/); any change
   * misses the cache. Without it the cache stays off rather than serve stale answers.
   */
  fingerprint?: (tenantId: string) => Promise<string>;
  /** ChatOpenAI (createChatModel) or a fake; null or omitted is offline mode. */
  model?: ChatModel | null;
  config: Pick<RunSettings, 'confidenceThreshold' | 'topicThresholds'> &
    Partial<Pick<RunSettings, 'searchLimit' | 'maxToolSteps'>> & {
      /** The model's name for pricing and the trace (default: what the model reports). */
      chatModel?: string;
    };
  logger: Logger;
}

/**
 * @example const agent = createChatAgent({ knowledge, accounts, gate, cache, model: createChatModel(config.openai),
 *   config: { confidenceThreshold: 0.4, topicThresholds: { tax: 0.55 } }, logger })
 */
export function createChatAgent(options: ChatAgentOptions): ChatAgent {
  const model = options.model ?? null;
  const fingerprint = options.fingerprint ?? null;
  const deps: AgentDeps = {
    knowledge: model ? createPrefetchingSearch(options.knowledge) : options.knowledge,
    drafts: model ? createAnswerDrafts() : null,
    headStarts: model ? { classification: createHeadStarts(), judgment: createHeadStarts() } : null,
    accounts: options.accounts ?? null,
    model,
    modelName: model ? (options.config.chatModel ?? modelNameOf(model)) : null,
    gate: options.gate ?? PASSTHROUGH_GATE,
    cache: fingerprint ? (options.cache ?? null) : null,
    fingerprint: fingerprint ?? (async () => ''),
    logger: options.logger,
  };
  const settings: RunSettings = { ...DEFAULT_RUN_SETTINGS, ...options.config };
  const classifyTurn = createClassifier(deps);
  const graph = createAgentGraph(deps, classifyTurn);

  return {
    async *respond(input) {
      const run = {
        tenantId: input.tenantId,
        turnId: randomUUID(),
        message: input.message,
        history: input.history,
        principal: input.principal,
        mode: model ? ('connected' as const) : ('offline' as const),
      };
      // Connected, the classification call leaves now, while the graph starts up.
      deps.headStarts?.classification.start(
        run.turnId,
        (signal) => classifyTurn({ ...run, classification: null }, settings, signal),
        input.signal,
      );
      try {
        // Only the nodes' own events: the record node ends every run with `done`, so the
        // state after each step (streamMode 'values', about 0.1 ms a step) is never needed.
        const stream = await graph.stream(run, {
          streamMode: 'custom',
          context: settings,
          ...(input.signal ? { signal: input.signal } : {}),
        });
        let done = false;
        for await (const chunk of stream) {
          const event = chunk as AgentEvent;
          done ||= event.type === 'done';
          yield event;
        }
        if (!done) throw new Error('The agent graph finished without its done event.');
      } finally {
        deps.headStarts?.classification.drop(run.turnId);
        deps.headStarts?.judgment.drop(run.turnId);
      }
    },
  };
}
