/**
 * multi_step (connected only): a tool-calling loop for questions that need several lookups or
 * both help articles and the caller's account. Tools are chosen by role: everyone may search
 * the help centre; only a customer gets account tools, and those read the principal's account
 * alone. The loop gathers evidence; generate then writes the streamed answer from it, so the
 * answer is grounded and checked like any other. At most `maxToolSteps` model turns.
 */
import type { AIMessage, BaseMessage } from '@langchain/core/messages';
import { ToolMessage } from '@langchain/core/messages';
import type { StructuredToolInterface } from '@langchain/core/tools';
import type { SearchHit } from '../../knowledge/types';
import { type AgentDeps, callModel } from '../graph-deps';
import { fallbackReasonOf } from '../models';
import { multiStepMessages } from '../prompts';
import type { AgentStateUpdate, AgentStateValue, NodeRuntime, ToolResult } from '../state';
import { settingsOf } from '../state';
import { createAccountTools } from '../tools/account-tools';
import { createSearchHelpCentreTool } from '../tools/knowledge-tools';
import type { ModelUsage } from '../types';

/**
 * A tool's output, or a plain failure note: bad arguments from the model or a lookup that
 * failed are the tool's problem, not the provider's, so they must not trip the fallback.
 */
async function runTool(chosen: StructuredToolInterface, args: unknown): Promise<string> {
  try {
    const out: unknown = await chosen.invoke(args as Record<string, unknown>);
    return typeof out === 'string' ? out : JSON.stringify(out);
  } catch {
    return `The ${chosen.name} tool could not answer.`;
  }
}

/** Builds the multi_step node. */
export function createMultiStepNode(deps: AgentDeps) {
  return async function multiStep(
    state: AgentStateValue,
    runtime?: NodeRuntime,
  ): Promise<AgentStateUpdate> {
    const model = deps.model;
    if (!model?.bindTools || state.mode === 'offline') return {};
    const settings = settingsOf(runtime);
    const hits: SearchHit[] = [];
    const tools: StructuredToolInterface[] = [
      createSearchHelpCentreTool({
        knowledge: deps.knowledge,
        tenantId: state.principal.tenantId,
        limit: settings.searchLimit,
        onHits: (found) => {
          for (const h of found) if (!hits.some((k) => k.chunkId === h.chunkId)) hits.push(h);
        },
      }),
      ...(deps.accounts ? createAccountTools(deps.accounts, state.principal) : []),
    ];
    const byName = new Map(tools.map((t) => [t.name, t]));
    const bound = model.bindTools(tools);
    const messages: BaseMessage[] = multiStepMessages(state.message, state.history);
    const toolResults: ToolResult[] = [];
    const usage: ModelUsage[] = [];
    try {
      for (let step = 0; step < settings.maxToolSteps; step++) {
        const { result: ai, usage: used } = await callModel(
          deps,
          state.tenantId,
          runtime?.signal,
          (signal) => bound.invoke(messages, { signal }) as Promise<AIMessage>,
          (r) => r,
        );
        usage.push(...used);
        messages.push(ai);
        const calls = ai.tool_calls ?? [];
        if (calls.length === 0) break;
        for (const call of calls) {
          const chosen = byName.get(call.name);
          // A tool the role was not given does not exist for this turn: say so, run nothing.
          const content = chosen
            ? await runTool(chosen, call.args)
            : `No tool named ${call.name} is available.`;
          messages.push(new ToolMessage({ content, tool_call_id: call.id ?? call.name }));
          if (chosen && call.name !== 'search_help_centre')
            toolResults.push({ name: call.name, content });
        }
      }
    } catch (error) {
      deps.logger.warn(
        { err_name: (error as Error).name, node: 'multi_step' },
        'model call failed',
      );
      return { mode: 'offline', fallback: fallbackReasonOf(error), usage };
    }
    return {
      hits,
      toolResults,
      usage,
      searchText: state.classification?.standaloneQuestion ?? state.message,
    };
  };
}
