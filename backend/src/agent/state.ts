/**
 * The agent graph's typed state and per-run settings (design document §3.2.2). The state lives
 * for one turn only: the messages table is the single source of a thread's history, so there is
 * no checkpointer and `history` arrives with the input.
 */
import { ReducedValue, StateSchema } from '@langchain/langgraph';
import { z } from 'zod';
import type { AccountSnapshot } from '../integrations/accounts/types';
import type { SearchHit } from '../knowledge/types';
import type { Principal } from '../security/session-tokens';
import type { CachedAnswer } from './cost/answer-cache';
import type { Classification, History } from './offline/offline-answerer';
import type {
  AnswerTrace,
  Citation,
  EscalationReason,
  FallbackReason,
  ModelUsage,
  TurnOutcome,
} from './types';

/** What the turn will say, and how it ends. */
export interface Reply {
  /** Everything said so far (or, when `streamed` is false, still to be said). */
  text: string;
  /** True once `text` went out as token events. */
  streamed: boolean;
  /** Who wrote it: a model (connected) or the offline answerer / a fixed wording. */
  source: 'model' | 'offline';
  outcome: TurnOutcome;
  escalation: EscalationReason | null;
  citations: Citation[];
  /** Passages the answer rests on, best first. */
  used: SearchHit[];
  /** 0..1. */
  confidence: number;
}

/** One tool call's output (account data, search results) the answer may draw on. */
export interface ToolResult {
  name: string;
  content: string;
}

/** The model's reading of the message, on top of the rule-based classification. */
export interface TurnClassification extends Classification {
  /** A follow-up rewritten to stand alone using the history (connected mode), else null. */
  standaloneQuestion: string | null;
}

const usageList = z.array(z.custom<ModelUsage>());

/** The graph's state: input fields first, then what the nodes fill in. */
export const AgentState = new StateSchema({
  tenantId: z.string(),
  /** This run's id: what its answer draft is filed under (answer-drafts.ts). */
  turnId: z.string().default(''),
  message: z.string(),
  history: z.custom<History>().default(() => []),
  principal: z.custom<Principal>(),
  /** Starts as connected when a model is configured; a failed model call turns it offline. */
  mode: z.enum(['connected', 'offline']).default('offline'),
  fallback: z.custom<FallbackReason | null>().default(null),
  classification: z.custom<TurnClassification | null>().default(null),
  /** The confidence threshold for this turn's topic. */
  threshold: z.number().default(0),
  /** The text searched for. */
  searchText: z.string().default(''),
  hits: z.custom<SearchHit[]>().default(() => []),
  account: z.custom<AccountSnapshot | null>().default(null),
  toolResults: z.custom<ToolResult[]>().default(() => []),
  reply: z.custom<Reply | null>().default(null),
  grounding: z.number().nullable().default(null),
  /** Every model call's usage, appended by each node that calls the model. */
  usage: new ReducedValue(
    usageList.default(() => []),
    {
      inputSchema: usageList,
      reducer: (all, more) => [...all, ...more],
    },
  ),
  cached: z.boolean().default(false),
  /** How a cached answer was made, replayed into this turn's trace. */
  cachedTrace: z.custom<CachedAnswer['trace'] | null>().default(null),
  trace: z.custom<AnswerTrace | null>().default(null),
});

/** The full state a node reads. */
export type AgentStateValue = typeof AgentState.State;
/** What a node returns. */
export type AgentStateUpdate = typeof AgentState.Update;

/** Per-run settings (LangGraph `context`), so an eval can run the same graph at other settings. */
export const RunSettingsSchema = z.object({
  confidenceThreshold: z.number().min(0).max(1),
  topicThresholds: z.record(z.string(), z.number()),
  /** Passages searched per question. */
  searchLimit: z.number().int().positive(),
  /** Model turns in the multi-step tool loop before it must answer (default 4). */
  maxToolSteps: z.number().int().positive(),
});

/** See RunSettingsSchema. */
export type RunSettings = z.infer<typeof RunSettingsSchema>;

/** Defaults for the settings an operator rarely changes. */
export const DEFAULT_RUN_SETTINGS: RunSettings = {
  confidenceThreshold: 0.4,
  topicThresholds: {},
  searchLimit: 6,
  maxToolSteps: 4,
};

/**
 * The part of LangGraph's runtime a node uses: the custom-stream writer, the run's settings and
 * its abort signal. All optional, so a node can be called on its own in a test.
 */
export interface NodeRuntime {
  writer?: (chunk: unknown) => void;
  context?: Partial<RunSettings>;
  signal?: AbortSignal;
}

/** The run's settings with defaults filled in. */
export function settingsOf(runtime: NodeRuntime | undefined): RunSettings {
  return { ...DEFAULT_RUN_SETTINGS, ...runtime?.context };
}
