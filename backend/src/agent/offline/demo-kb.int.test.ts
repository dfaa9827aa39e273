/**
 * The offline agent over the real demo help centre (rendered to PDF, ingested through the
 * real pipeline): it answers what the help centre covers, with the right fact and page,
 * and does not claim to answer what it does not. `pnpm eval --set demo` prints the full picture.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderKnowledgeBase } from '../../../../demo/scripts/render-kb';
import { createTestDeps, type Deps, REPO_ROOT } from '../../deps';
import { ingestFiles, pdfsIn } from '../../knowledge/ingest-files';
import { askAgent } from '../ask-agent';
import { createOfflineAgent } from './offline-agent';

let deps: Deps;
let agent: ReturnType<typeof createOfflineAgent>;

beforeAll(async () => {
  const pdfDir = mkdtempSync(join(tmpdir(), 'wagechat-demo-kb-'));
  await renderKnowledgeBase(pdfDir);
  deps = await createTestDeps();
  const { failed } = await ingestFiles(deps.knowledge, 'demo', await pdfsIn([pdfDir]), {
    log() {},
    error() {},
  });
  expect(failed).toBe(0);
  agent = createOfflineAgent({
    knowledge: deps.knowledge,
    confidenceThreshold: deps.config.confidenceThreshold,
    topicThresholds: deps.config.topicThresholds,
  });
});
afterAll(async () => {
  await deps?.close();
});

const ask = async (message: string) => {
  const answer = await askAgent(agent, 'demo', message);
  return { ...answer, escalated: answer.escalation !== null };
};

const questions = (file: string) =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, 'demo/kb/eval', file), 'utf8')) as Array<{
      question: string;
    }>
  ).map((q) => q.question);

describe('offline agent on the demo help centre', () => {
  it('answers facts with the right words and cites the page they are on', async () => {
    const fee = await ask('How much does Instant Pay cost?');
    expect(fee.escalated).toBe(false);
    expect(fee.text).toContain('$2.99');
    expect(fee.citations[0]?.title).toMatch(/Instant Pay/);
    const card = await ask('how long does a replacment card take to come');
    expect(card.text).toContain('7 to 10 business days');
    expect(card.citations.some((c) => /card/i.test(c.title))).toBe(true);
  });

  it('answers most questions the help centre covers and does not claim to answer the rest', async () => {
    const inScope = await Promise.all(questions('retrieval.json').map(ask));
    const outOfScope = await Promise.all(questions('out-of-scope.json').map(ask));
    // Handed over: nothing relevant, or a topic that needs a person (disputes, stolen cards).
    const notHandedOver = inScope.filter((a) => !a.escalated).length / inScope.length;
    // Declined, handed over or offered only as the closest passage: never a confident answer.
    const notClaimed =
      outOfScope.filter((a) => a.trace?.outcome !== 'answered').length / outOfScope.length;
    // Measured 0.86 and 0.94 (pnpm eval --set demo); the floor leaves room for retrieval tweaks.
    expect(notHandedOver).toBeGreaterThanOrEqual(0.8);
    expect(notClaimed).toBeGreaterThanOrEqual(0.85);
  });

  it('hands a dispute to a person, and declines an off-topic request', async () => {
    const dispute = await ask('theres a charge on my card i didnt make, how do i dispute it');
    expect(dispute.escalation).toBe('sensitive_topic');
    const poem = await ask('write me a poem about payday');
    expect(poem.trace?.outcome).toBe('declined');
    expect(poem.escalated).toBe(false);
  });
});
