/**
 * The offline agent over the real demo help centre (rendered to PDF, ingested through the
 * real pipeline): it answers what the help centre covers, with the right fact and page,
 * and hands over what it does not. `pnpm eval:answers` prints the full picture.
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

  it('answers most questions the help centre covers and hands over most it does not', async () => {
    const inScope = await Promise.all(questions('retrieval.json').map(ask));
    const outOfScope = await Promise.all(questions('out-of-scope.json').map(ask));
    const answered = inScope.filter((a) => !a.escalated).length / inScope.length;
    const handedOver = outOfScope.filter((a) => a.escalated).length / outOfScope.length;
    // Measured 0.87 and 0.94 (pnpm eval:answers); the floor leaves room for retrieval tweaks.
    expect(answered).toBeGreaterThanOrEqual(0.8);
    expect(handedOver).toBeGreaterThanOrEqual(0.85);
  });
});
