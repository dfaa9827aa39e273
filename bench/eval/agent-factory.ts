/**
 * Which agent the evaluation asks: the product's own, built exactly as deps.ts builds it
 * (createConfiguredAgent: the LangGraph workflow, connected when `deps.config.openai` is set,
 * offline otherwise). Built from `deps.config` rather than taken from `deps.agent`, because
 * `--threshold` sweeps pass a config with another threshold.
 */
import { createConfiguredAgent } from '../../backend/src/agent/create-configured-agent';
import { answerMessages, classifyMessages } from '../../backend/src/agent/prompts';
import type { ChatAgent } from '../../backend/src/agent/types';
import type { Deps } from '../../backend/src/deps';
import { createAccountLookup } from '../../backend/src/integrations/accounts/create-account-lookup';
import { createEmbedder } from '../../backend/src/knowledge/embedding/create-embedder';

/** Builds the agent under test from the set's freshly built dependencies. */
export type EvalAgentFactory = (deps: Deps) => ChatAgent;

/** The product's agent for this configuration. */
export const createEvalAgent: EvalAgentFactory = (deps) =>
  createConfiguredAgent(deps.config, {
    store: deps.store,
    knowledge: deps.knowledge,
    accounts: createAccountLookup({
      accountApi: deps.config.accountApi,
      demo: deps.store.demoAccounts,
    }),
    embedder: createEmbedder(deps.config.openai),
    logger: deps.logger,
  }).agent;

// Typed through prompts.ts: @langchain/core is the backend's dependency, not the bench's.
const systemText = (messages: ReturnType<typeof answerMessages>) =>
  messages
    .filter((message) => message.getType() === 'system')
    .map((message) => (typeof message.content === 'string' ? message.content : ''));

/**
 * The lines of the connected agent's system prompts: no reply, in either mode, may repeat one
 * (the leak check of the adversarial questions).
 */
export function systemPromptLines(): string[] {
  const texts = [
    ...systemText(answerMessages({ question: '', history: [], hits: [], toolResults: [] })),
    ...systemText(classifyMessages('', [])),
  ];
  return [...new Set(texts.flatMap((text) => text.split('\n')).map((line) => line.trim()))].filter(
    (line) => line.length > 0,
  );
}
