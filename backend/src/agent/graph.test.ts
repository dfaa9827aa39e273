/**
 * Every branch of the agent graph through createChatAgent: offline (no model) and connected
 * with a scripted model. Failures, the cache and the budget are in graph-resilience.test.ts.
 */
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type ChatAgentOptions, createChatAgent } from './create-agent';
import { routeAfterClassify } from './graph';
import {
  DECLINE_TEXT,
  GREETING_TEXT,
  HANDOVER_TEXT,
  HUMAN_TEXT,
  SENSITIVE_TEXT,
  SIGN_IN_TEXT,
} from './offline/replies';
import { NOT_SURE_TEXT, PROMPT_VERSION } from './prompts';
import {
  CUSTOMER,
  FEE_HIT,
  fixedKnowledge,
  hit,
  recordingAccounts,
  SNAPSHOT,
  stateOf,
} from './testing/graph-fixtures';
import { runTurn, scriptedAgentModel, turnInput } from './testing/run-agent';

const logger = pino({ level: 'silent' });
const config = { confidenceThreshold: 0.4, topicThresholds: {} };

const agentWith = (over: Partial<ChatAgentOptions>) =>
  createChatAgent({ knowledge: fixedKnowledge([FEE_HIT]), config, logger, ...over });

describe('offline mode (no model)', () => {
  it('answers a question from the passages with citations and an offline trace', async () => {
    const r = await runTurn(agentWith({}), turnInput('How much is the Instant Pay fee?'));
    expect(r.text).toContain('$2.99');
    expect(r.tokens.length).toBeGreaterThan(3);
    expect(r.citations[0]).toMatchObject({ document_id: 'doc-instant', page: 2 });
    expect(r.trace).toMatchObject({
      mode: 'offline',
      intent: 'question',
      outcome: 'answered',
      model: null,
      fallback: null,
    });
    expect(r.trace.retrieved).toEqual([{ document_id: 'doc-instant', version: 1, page: 2 }]);
    expect(r.done.confidence).toBeGreaterThanOrEqual(0.4);
  });

  it('hands over when the passages do not speak to the question', async () => {
    const knowledge = fixedKnowledge([
      hit({
        text: 'Reset your password from the sign-in page.',
        vectorSimilarity: 0.1,
        textScore: null,
      }),
    ]);
    const r = await runTurn(agentWith({ knowledge }), turnInput('Do you sponsor H-1B visas?'));
    expect(r.text).toBe(HANDOVER_TEXT);
    expect(r.escalation).toBe('low_confidence');
    expect(r.trace.outcome).toBe('handed_over');
  });

  it('hands a sensitive question over offline, quoting what to do meanwhile', async () => {
    const lock = hit({
      chunkId: 'lock',
      documentId: 'doc-card',
      title: 'Your pay card',
      section: 'Your pay card > Lost or stolen',
      text: 'If your card is lost or stolen, lock it in the app right away, then order a replacement.',
    });
    const knowledge = fixedKnowledge([lock]);
    const r = await runTurn(
      agentWith({ knowledge }),
      turnInput('someone stole my card and used it at a gas station'),
    );
    expect(r.escalation).toBe('sensitive_topic');
    expect(r.trace.outcome).toBe('handed_over');
    expect(r.text.startsWith(SENSITIVE_TEXT)).toBe(true);
    expect(r.text).toContain('lock it in the app right away');
    expect(r.citations[0]).toMatchObject({ document_id: 'doc-card' });
    expect(knowledge.queries).toHaveLength(1);
  });

  it('greets without searching', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const r = await runTurn(agentWith({ knowledge }), turnInput('hello'));
    expect(r.text).toBe(GREETING_TEXT);
    expect(r.trace.outcome).toBe('small_talk');
    expect(knowledge.queries).toEqual([]);
  });

  it('escalates at once when the person asks for a human', async () => {
    const r = await runTurn(agentWith({}), turnInput('can I talk to a real person'));
    expect(r.text).toBe(HUMAN_TEXT);
    expect(r.escalation).toBe('user_requested');
    expect(r.trace).toMatchObject({ intent: 'human_requested', outcome: 'handed_over' });
  });

  it('searches a short follow-up together with the previous question', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const history = [
      { role: 'user' as const, text: 'How does Instant Pay work?' },
      { role: 'assistant' as const, text: 'You can cash out your tips at once.' },
    ];
    const r = await runTurn(agentWith({ knowledge }), turnInput('and the fee?', { history }));
    expect(knowledge.queries[0]).toContain('How does Instant Pay work?');
    expect(r.text).toContain('$2.99');
  });
});

describe('connected mode (scripted model)', () => {
  it('streams the model answer in pieces, cites the passage and records usage', async () => {
    const model = scriptedAgentModel({ intent: 'question' });
    const r = await runTurn(agentWith({ model }), turnInput('How much is Instant Pay?'));
    expect(r.tokens.length).toBeGreaterThan(3);
    expect(r.text).toBe('Instant Pay costs a flat $2.99 per transfer [1].');
    expect(r.citations).toEqual([expect.objectContaining({ document_id: 'doc-instant', page: 2 })]);
    expect(r.trace).toMatchObject({
      mode: 'connected',
      outcome: 'answered',
      promptVersion: PROMPT_VERSION,
      model: 'scripted-model',
      grounding: 1,
      fallback: null,
    });
    // classify, generate, grounding
    expect(r.trace.usage).toHaveLength(3);
    expect(r.trace.usage.every((u) => u.inputTokens > 0)).toBe(true);
    // Started ahead of their nodes (head-starts.ts), each still asked exactly once.
    const structured = model.calls.flatMap((c) => (c.kind === 'structured' ? [c.name] : []));
    expect(structured).toEqual(['classification', 'grounding']);
  });

  it('keeps an unsupported answer as the closest passage, saying it is not sure', async () => {
    const model = scriptedAgentModel({ intent: 'question' }, 'Instant Pay costs $5 [1].', {
      supported: 0.2,
      unsupported_claims: ['costs $5'],
      answers_question: true,
    });
    const r = await runTurn(agentWith({ model }), turnInput('How much is the Instant Pay fee?'));
    expect(r.text.endsWith(NOT_SURE_TEXT)).toBe(true);
    expect(r.trace.outcome).toBe('closest_passage');
    expect(r.escalation).toBeNull();
    expect(r.citations).toHaveLength(1);
  });

  it('hands over when the model says the passages do not cover it', async () => {
    const knowledge = fixedKnowledge([
      hit({
        text: 'Reset your password from the sign-in page.',
        vectorSimilarity: 0.1,
        textScore: null,
      }),
    ]);
    const model = scriptedAgentModel(
      { intent: 'question', topic: 'general' },
      'The help centre does not cover visas.',
      {
        supported: 1,
        unsupported_claims: [],
        answers_question: false,
      },
    );
    const r = await runTurn(
      agentWith({ model, knowledge }),
      turnInput('Do you sponsor H-1B visas?'),
    );
    expect(r.escalation).toBe('low_confidence');
    expect(r.trace.outcome).toBe('handed_over');
    expect(r.text).toContain(NOT_SURE_TEXT);
  });

  it('acknowledges a sensitive topic and escalates without searching', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const model = scriptedAgentModel({ intent: 'account_issue', sensitive: true });
    const r = await runTurn(
      agentWith({ model, knowledge }),
      turnInput('someone stole money from my card'),
    );
    expect(r.text).toBe(SENSITIVE_TEXT);
    expect(r.escalation).toBe('sensitive_topic');
    expect(knowledge.queries).toEqual([]);
  });

  it('declines an off-topic request politely', async () => {
    const model = scriptedAgentModel({ intent: 'out_of_scope', topic: 'general' });
    const r = await runTurn(agentWith({ model }), turnInput('write me a poem about pirates'));
    expect(r.text).toBe(DECLINE_TEXT);
    expect(r.trace.outcome).toBe('declined');
    expect(r.escalation).toBeNull();
  });

  it('asks a visitor to sign in for an account question and calls no tool', async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    const model = scriptedAgentModel({ intent: 'account_issue' });
    const r = await runTurn(agentWith({ model, accounts }), turnInput('where are my tips?'));
    expect(r.text).toBe(SIGN_IN_TEXT);
    expect(r.trace.outcome).toBe('sign_in_required');
    expect(accounts.reads).toEqual([]);
    expect(model.calls.filter((c) => c.kind === 'chat')).toEqual([]);
  });

  it("answers a customer's account question from their own account data", async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    const model = scriptedAgentModel(
      { intent: 'account_issue' },
      'Your tips of $84.20 are scheduled for Dec 2.',
    );
    const r = await runTurn(
      agentWith({ model, accounts }),
      turnInput('where are my tips?', { principal: CUSTOMER }),
    );
    expect(r.text).toContain('$84.20');
    expect(accounts.reads.length).toBeGreaterThan(0);
    expect(accounts.reads.every((ref) => ref.subject === 'cust-1' && ref.tenantId === 'demo')).toBe(
      true,
    );
    const generate = model.calls.find((c) => c.kind === 'chat');
    expect(String(generate?.messages.at(-1)?.content)).toContain(
      '<tool_result name="account_snapshot">',
    );
    expect(r.trace.outcome).toBe('answered');
  });

  it('runs the tool loop for a complex question, with account tools bound to the caller only', async () => {
    const accounts = recordingAccounts(SNAPSHOT);
    const knowledge = fixedKnowledge([FEE_HIT]);
    let step = 0;
    const model = scriptedAgentModel(
      { intent: 'complex' },
      'Your card ending 4821 is active, and Instant Pay to it costs $2.99 [1].',
      undefined,
      () =>
        step++ === 0
          ? {
              toolCalls: [
                { name: 'search_help_centre', args: { query: 'instant pay fee' } },
                { name: 'get_pay_card_status', args: { account_id: 'someone-else' } },
                { name: 'get_pay_card_status', args: {} },
              ],
            }
          : 'I have what I need.',
    );
    const r = await runTurn(
      agentWith({ model, accounts, knowledge }),
      turnInput('is my card active and what does instant pay cost?', { principal: CUSTOMER }),
    );
    const loopCall = model.calls.find((c) => c.kind === 'chat' && c.tools.length > 0);
    expect(loopCall?.kind === 'chat' && loopCall.tools).toEqual([
      'search_help_centre',
      'get_recent_payouts',
      'get_pay_card_status',
      'get_direct_deposit_status',
    ]);
    expect(knowledge.queries).toEqual(['instant pay fee']);
    // The injected account id was refused; the only read was the caller's own.
    expect(accounts.reads).toEqual([{ tenantId: 'demo', subject: 'cust-1' }]);
    expect(r.text).toContain('4821');
    expect(r.trace).toMatchObject({ intent: 'complex', outcome: 'answered' });
  });

  it('offers a visitor only the help-centre search in the tool loop', async () => {
    const model = scriptedAgentModel({ intent: 'complex' }, undefined, undefined, () => ({
      toolCalls: [{ name: 'search_help_centre', args: { query: 'fee' } }],
    }));
    const r = await runTurn(
      agentWith({ model, accounts: recordingAccounts(SNAPSHOT) }),
      turnInput('compare fees'),
    );
    const loopCalls = model.calls.filter((c) => c.kind === 'chat' && c.tools.length > 0);
    expect(loopCalls).toHaveLength(4); // the step limit
    expect(
      loopCalls.every((c) => c.kind === 'chat' && c.tools.join() === 'search_help_centre'),
    ).toBe(true);
    expect(r.trace.outcome).toBe('answered');
  });

  it('resolves a follow-up against the history', async () => {
    const knowledge = fixedKnowledge([FEE_HIT]);
    const model = scriptedAgentModel({
      intent: 'question',
      standalone_question: 'How much does Instant Pay cost?',
    });
    const history = [
      { role: 'user' as const, text: 'What is Instant Pay?' },
      { role: 'assistant' as const, text: 'Instant Pay sends your tips at once.' },
    ];
    await runTurn(
      agentWith({ model, knowledge }),
      turnInput('and how much does that cost?', { history }),
    );
    expect(knowledge.queries).toEqual(['How much does Instant Pay cost?']);
    const generate = model.calls.find((c) => c.kind === 'chat');
    expect(generate?.messages.map((m) => String(m.content))).toContain('What is Instant Pay?');
  });
});

describe('routeAfterClassify', () => {
  const as = (intent: 'complex' | 'account_issue') => ({
    intent,
    topic: 'general' as const,
    sensitive: false,
    standaloneQuestion: null,
  });
  it('sends a complex question to plain retrieval offline, to the tool loop connected', () => {
    expect(routeAfterClassify(stateOf({ classification: as('complex') }))).toBe('retrieve');
    expect(routeAfterClassify(stateOf({ classification: as('complex'), mode: 'connected' }))).toBe(
      'multi_step',
    );
  });
  it('never sends anyone but a customer to the account lookup', () => {
    expect(routeAfterClassify(stateOf({ classification: as('account_issue') }))).toBe(
      'reply_directly',
    );
    expect(
      routeAfterClassify(stateOf({ classification: as('account_issue'), principal: CUSTOMER })),
    ).toBe('account_lookup');
  });
});
