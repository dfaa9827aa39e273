import { describe, expect, it } from 'vitest';
import type { TurnClassification } from '../state';
import {
  CUSTOMER,
  collectingRuntime,
  depsOf,
  FEE_HIT,
  fixedKnowledge,
  recordingAccounts,
  SNAPSHOT,
  stateOf,
} from '../testing/graph-fixtures';
import { providerError, ScriptedChatModel } from '../testing/scripted-chat-model';
import { createMultiStepNode } from './multi-step';

const complex: TurnClassification = {
  intent: 'complex',
  topic: 'payouts',
  sensitive: false,
  standaloneQuestion: null,
};

describe('multi_step', () => {
  it('gathers passages and account data through tools, then stops', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const accounts = recordingAccounts(SNAPSHOT);
    let step = 0;
    const model = new ScriptedChatModel(() =>
      step++ === 0
        ? {
            toolCalls: [
              { name: 'search_help_centre', args: { query: 'fee' } },
              { name: 'get_recent_payouts', args: {} },
            ],
          }
        : 'Enough.',
    );
    const out = await createMultiStepNode(depsOf({ model, knowledge, accounts }))(
      stateOf({ mode: 'connected', principal: CUSTOMER, classification: complex }),
      collectingRuntime().runtime,
    );
    expect(out.hits).toEqual([FEE_HIT]);
    expect(out.toolResults?.map((r) => r.name)).toEqual(['get_recent_payouts']);
    expect(out.toolResults?.[0]?.content).toContain('8420');
    expect(out.usage).toHaveLength(2);
  });

  it('stops at the step limit', async () => {
    const model = new ScriptedChatModel(() => ({
      toolCalls: [{ name: 'search_help_centre', args: { query: 'fee' } }],
    }));
    await createMultiStepNode(depsOf({ model }))(
      stateOf({ mode: 'connected', classification: complex }),
      collectingRuntime({ maxToolSteps: 2 }).runtime,
    );
    expect(model.calls).toHaveLength(2);
  });

  it('runs no tool the role was not given', async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    let step = 0;
    const model = new ScriptedChatModel(() =>
      step++ === 0 ? { toolCalls: [{ name: 'get_recent_payouts', args: {} }] } : 'ok',
    );
    const out = await createMultiStepNode(depsOf({ model, accounts }))(
      stateOf({ mode: 'connected', classification: complex }),
    );
    expect(accounts.reads).toEqual([]);
    expect(out.toolResults).toEqual([]);
  });

  it('turns offline and records why when the model fails', async () => {
    const model = new ScriptedChatModel(() => ({ error: providerError(500) }));
    const out = await createMultiStepNode(depsOf({ model }))(
      stateOf({ mode: 'connected', classification: complex }),
    );
    expect(out).toMatchObject({ mode: 'offline', fallback: 'provider_error' });
  });
});
