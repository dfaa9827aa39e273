/**
 * The graph agent over the real demo help centre (rendered to PDF and ingested through the real
 * pipeline by createTestDeps' knowledge base), offline and connected through ChatOpenAI and the
 * fake OpenAI server: the real search feeds real passages into the prompts and citations.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderKnowledgeBase } from '../../../demo/scripts/render-kb';
import { createTestDeps, type Deps } from '../deps';
import { ingestFiles, pdfsIn } from '../knowledge/ingest-files';
import { type FakeOpenAI, startFakeOpenAI } from '../testing/fake-openai/index';
import { createChatAgent } from './create-agent';
import { createChatModel } from './models';
import { runTurn, turnInput } from './testing/run-agent';

let deps: Deps;
let fake: FakeOpenAI;
const logger = pino({ level: 'silent' });
const config = {
  confidenceThreshold: 0.4,
  topicThresholds: { pay_timing: 0.5, payouts: 0.5, tax: 0.55 },
};

beforeAll(async () => {
  const pdfDir = mkdtempSync(join(tmpdir(), 'wagechat-graph-kb-'));
  await renderKnowledgeBase(pdfDir);
  deps = await createTestDeps();
  const { failed } = await ingestFiles(deps.knowledge, 'demo', await pdfsIn([pdfDir]), {
    log() {},
    error() {},
  });
  expect(failed).toBe(0);
  fake = await startFakeOpenAI();
});
afterAll(async () => {
  await fake?.close();
  await deps?.close();
});

describe('createChatAgent on the demo help centre', () => {
  it('offline: answers the fee with its citation, and a follow-up from the thread', async () => {
    const agent = createChatAgent({ knowledge: deps.knowledge, config, logger });
    const fee = await runTurn(agent, turnInput('How much does Instant Pay cost?'));
    expect(fee.text).toContain('$2.99');
    expect(fee.citations[0]?.title).toMatch(/Instant Pay/);
    expect(fee.trace).toMatchObject({ mode: 'offline', outcome: 'answered', model: null });
    const history = [
      { role: 'user' as const, text: 'How do I get a replacement pay card?' },
      { role: 'assistant' as const, text: fee.text },
    ];
    const follow = await runTurn(agent, turnInput('how long does it take?', { history }));
    expect(follow.text).toMatch(/business days/);
  });

  it('connected: the real passages reach the model delimited, and the answer cites them', async () => {
    fake.respond((request) => {
      const schema =
        request.responseFormat?.type === 'json_schema'
          ? request.responseFormat.json_schema.name
          : null;
      if (schema === 'classification')
        return {
          json: { intent: 'question', topic: 'payouts', sensitive: false, standalone_question: '' },
        };
      if (schema === 'grounding')
        return { json: { supported: 1, unsupported_claims: [], answers_question: true } };
      return 'Instant Pay costs $2.99 per transfer [1].';
    });
    const agent = createChatAgent({
      knowledge: deps.knowledge,
      model: createChatModel({
        apiKey: 'test',
        baseUrl: fake.url,
        chatModel: 'gpt-4o-mini',
        embeddingModel: 'text-embedding-3-small',
        temperature: 0.1,
        timeoutMs: 5_000,
      }),
      config,
      logger,
    });
    const r = await runTurn(agent, turnInput('How much does Instant Pay cost?'));
    const sent = fake.chatRequests.find((q) => !q.responseFormat)?.lastUser ?? '';
    expect(sent).toMatch(/<passage id=1 title="[^"]*Instant Pay[^"]*" page=\d+>/);
    expect(r.citations[0]?.title).toMatch(/Instant Pay/);
    expect(r.trace).toMatchObject({ mode: 'connected', outcome: 'answered', threshold: 0.5 });
    expect(r.trace.retrieved.length).toBeGreaterThan(0);
  });
});
