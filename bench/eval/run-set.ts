/**
 * Runs one evaluation set: a fresh set of real dependencies (SQLite, LanceDB, the embedder the
 * configuration picks), the set's PDFs ingested through the product's own path, then every
 * question asked through the agent and graded.
 */
import { readFile } from 'node:fs/promises';
import { askAgent } from '../../backend/src/agent/ask-agent';
import type { ChatAgent } from '../../backend/src/agent/types';
import { createTestDeps } from '../../backend/src/deps';
import { ingestFiles } from '../../backend/src/knowledge/ingest-files';
import type { Principal } from '../../backend/src/security/session-tokens';
import { readPdfPages } from '../../demo/scripts/read-pdf-pages';
import type { EvalAgentFactory } from './agent-factory';
import { type AgentReply, amountsIn, type GradedQuestion, gradeReply } from './grade';
import type { EvalQuestion } from './questions';

const TENANT = 'demo';

/** One set of documents and the questions asked about them. */
export interface EvalSet {
  name: string;
  pdfPaths: string[];
  questions: EvalQuestion[];
}

/** How a set is run: which configuration, which agent, who asks. */
export interface RunEvalSetOptions {
  /** Passed to `createTestDeps`: OPENAI_* for connected mode, nothing for offline. */
  env: Record<string, string>;
  createAgent: EvalAgentFactory;
  systemPromptLines: readonly string[];
  /** Ask as a signed-in customer instead of an anonymous visitor. */
  asCustomer: boolean;
  /** Called as each question is graded (the -v lines). */
  onGraded?: (graded: GradedQuestion) => void;
}

/** Every $ amount and percentage the set's PDFs contain, in `amountsIn` form. */
export async function corpusAmounts(pdfPaths: readonly string[]): Promise<Set<string>> {
  const amounts = new Set<string>();
  for (const path of pdfPaths) {
    const pages = await readPdfPages(await readFile(path));
    for (const amount of amountsIn(pages.join('\n'))) amounts.add(amount);
  }
  return amounts;
}

/** Asks one question; an agent that throws is recorded as an `error` reply, not a crash. */
async function replyTo(
  agent: ChatAgent,
  message: string,
  principal: Principal | undefined,
  fileById: ReadonlyMap<string, string>,
): Promise<AgentReply> {
  try {
    const answer = await askAgent(agent, TENANT, message, principal);
    return {
      text: answer.text,
      citedDocuments: answer.citations.map((c) => fileById.get(c.document_id) ?? c.title),
      outcome: answer.trace?.outcome ?? (answer.escalation ? 'handed_over' : 'answered'),
      escalated: answer.escalation !== null,
      mode: answer.trace?.mode ?? 'unknown',
      fallback: answer.trace?.fallback ?? null,
    };
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    return {
      text: '',
      citedDocuments: [],
      outcome: 'error',
      escalated: false,
      mode: 'unknown',
      fallback: null,
      error: text,
    };
  }
}

/** A set ingested into fresh dependencies, ready to be asked at one threshold or several. */
export interface OpenedEvalSet {
  /** Asks every question (at `threshold`, else the configured one); replies in question order. */
  ask(threshold: number | null): Promise<GradedQuestion[]>;
  close(): Promise<void>;
}

/** Ingests the set once; each `ask` builds a new agent over the same index. */
export async function openEvalSet(
  set: EvalSet,
  options: RunEvalSetOptions,
): Promise<OpenedEvalSet> {
  const deps = await createTestDeps(options.env);
  try {
    const ingested = await ingestFiles(deps.knowledge, TENANT, set.pdfPaths, {
      log() {},
      error: console.error,
    });
    if (ingested.failed > 0)
      throw new Error(`${set.name}: ${ingested.failed} PDFs failed to ingest`);
    // Every question is asked of the index as it stays, not as it is mid-maintenance.
    await deps.knowledge.settled();
  } catch (error) {
    await deps.close();
    throw error;
  }
  const fileById = new Map((await deps.knowledge.listDocuments(TENANT)).map((d) => [d.id, d.name]));
  const context = {
    systemPromptLines: options.systemPromptLines,
    corpusAmounts: await corpusAmounts(set.pdfPaths),
  };
  const principal: Principal | undefined = options.asCustomer
    ? { role: 'customer', tenantId: TENANT, subject: 'eval-worker', origin: null }
    : undefined;
  return {
    async ask(threshold) {
      const config =
        threshold === null ? deps.config : { ...deps.config, confidenceThreshold: threshold };
      const agent = options.createAgent({ ...deps, config });
      const graded: GradedQuestion[] = [];
      for (const question of set.questions) {
        const reply = await replyTo(agent, question.question, principal, fileById);
        const result = gradeReply(question, reply, context);
        options.onGraded?.(result);
        graded.push(result);
      }
      return graded;
    },
    close: () => deps.close(),
  };
}
