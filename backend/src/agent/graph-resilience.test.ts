/**
 * The agent keeps answering when the model does not: provider errors before and during the
 * stream, a failed tool loop, a spent budget (the real gate); and the answer cache.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../store/sqlite/open';
import { createMemoryAnswerCache } from './cost/answer-cache';
import { createBudget } from './cost/budget';
import { type ChatAgentOptions, createChatAgent } from './create-agent';
import { createModelGate } from './guard/model-gate';
import { HANDOVER_TEXT } from './offline/replies';
import {
  CUSTOMER,
  FEE_HIT,
  fixedKnowledge,
  recordingAccounts,
  SNAPSHOT,
} from './testing/graph-fixtures';
import { runTurn, scriptedAgentModel, turnInput } from './testing/run-agent';
import { providerError, ScriptedChatModel } from './testing/scripted-chat-model';

const logger = pino({ level: 'silent' });
const config = { confidenceThreshold: 0.4, topicThresholds: {} };

const agentWith = (over: Partial<ChatAgentOptions>) =>
  createChatAgent({ knowledge: fixedKnowledge([FEE_HIT]), config, logger, ...over });

describe('resilience and cost', () => {
  it('falls back to the offline answer when classification fails', async () => {
    const model = new ScriptedChatModel(() => ({ error: providerError(500) }));
    const r = await runTurn(agentWith({ model }), turnInput('How much is the Instant Pay fee?'));
    expect(r.text).toContain('$2.99');
    expect(r.trace).toMatchObject({
      mode: 'offline',
      fallback: 'provider_error',
      outcome: 'answered',
    });
    // Once failed, the turn stays offline: no grounding judgment, no answer call after it; only
    // the answer draft, started alongside the classification, may have been asked for.
    expect(model.calls.filter((c) => c.kind === 'structured')).toHaveLength(1);
    expect(model.calls.filter((c) => c.kind === 'chat').length).toBeLessThanOrEqual(1);
  });

  it('follows a stream that breaks mid-answer with the offline answer', async () => {
    const model = scriptedAgentModel(
      { intent: 'question' },
      {
        text: 'Instant Pay costs a flat fee of',
        error: providerError(502),
        failAfterWords: 3,
      },
    );
    const r = await runTurn(agentWith({ model }), turnInput('How much is the Instant Pay fee?'));
    expect(r.text.startsWith('Instant Pay costs ')).toBe(true);
    expect(r.text).toContain('$2.99 per transfer');
    expect(r.trace.fallback).toBe('provider_error');
  });

  it('answers an account question offline from the facts when the model fails', async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    let calls = 0;
    const model = new ScriptedChatModel((call) =>
      call.kind === 'structured' && calls++ === 0
        ? {
            json: {
              intent: 'account_issue',
              topic: 'payouts',
              sensitive: false,
              standalone_question: '',
            },
          }
        : { error: providerError(500) },
    );
    const r = await runTurn(
      agentWith({ model, accounts }),
      turnInput('when do I get my tips', { principal: CUSTOMER }),
    );
    expect(r.text).toContain('$84.20');
    expect(r.trace).toMatchObject({
      outcome: 'answered',
      fallback: 'provider_error',
      mode: 'offline',
    });
  });

  it('treats a complex question as a plain one when the tool loop fails', async () => {
    const model = scriptedAgentModel({ intent: 'complex' }, undefined, undefined, () => ({
      error: providerError(500),
    }));
    const r = await runTurn(agentWith({ model }), turnInput('How much is the Instant Pay fee?'));
    expect(r.text).toContain('$2.99');
    expect(r.trace).toMatchObject({
      intent: 'complex',
      fallback: 'provider_error',
      mode: 'offline',
    });
  });

  it('serves a repeated question from the answer cache without generating again', async () => {
    const cache = createMemoryAnswerCache({ ttlMs: 60_000 });
    const model = scriptedAgentModel({ intent: 'question' });
    const agent = agentWith({ model, cache, fingerprint: async () => 'fp-1' });
    await runTurn(agent, turnInput('How much is Instant Pay?'));
    const before = model.calls.length;
    const r = await runTurn(agent, turnInput('How much is Instant Pay?'));
    expect(r.text).toBe('Instant Pay costs a flat $2.99 per transfer [1].');
    expect(r.trace.cached).toBe(true);
    expect(r.citations).toHaveLength(1);
    // Only the classification ran the second time.
    expect(model.calls.length - before).toBe(1);
  });

  it('answers offline, without calling the model, once the budget is spent', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    const budget = createBudget({
      usage: store.usage,
      audit: store.audit,
      logger,
      budgetFor: () => 0,
    });
    const gate = createModelGate({
      breaker: { failures: 5, resetMs: 30_000 },
      callsPerMinute: 100,
      timeoutMs: 5_000,
      budget,
      usage: store.usage,
      logger,
    });
    const model = scriptedAgentModel({ intent: 'question' });
    const r = await runTurn(
      agentWith({ model, gate }),
      turnInput('How much is the Instant Pay fee?'),
    );
    expect(r.trace.fallback).toBe('budget_exhausted');
    expect(r.text).toContain('$2.99');
    expect(model.calls).toEqual([]);
    await store.close();
  });

  it('hands a customer to a person when no account system is wired', async () => {
    const model = scriptedAgentModel({ intent: 'account_issue' });
    const r = await runTurn(
      agentWith({ model, accounts: null }),
      turnInput('where are my tips?', { principal: CUSTOMER }),
    );
    expect(r.escalation).toBe('no_knowledge');
    expect(r.text).toBe(HANDOVER_TEXT);
    expect(model.calls.filter((c) => c.kind === 'chat')).toEqual([]);
  });
});
