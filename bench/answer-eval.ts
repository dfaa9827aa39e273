/**
 * How good the offline agent's answers are over the demo help centre:
 * - for the eval questions it should answer: how often it answers, how often the answer
 *   quotes the expected evidence phrase, and how often it cites the expected page;
 * - for the out-of-scope questions: how often it hands over;
 * at the configured confidence threshold and around it.
 * Usage: pnpm eval:answers [-v]   (-v prints every question with its confidence and answer)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { askAgent } from '../backend/src/agent/ask-agent';
import { createOfflineAgent } from '../backend/src/agent/offline/offline-agent';
import { loadConfig } from '../backend/src/config';
import { createTestDeps, REPO_ROOT } from '../backend/src/deps';
import { ingestFiles, pdfsIn } from '../backend/src/knowledge/ingest-files';
import { renderKnowledgeBase } from '../demo/scripts/render-kb';

interface EvalQuestion {
  question: string;
  document?: string;
  page?: number;
  evidence?: string;
}

const verbose = process.argv.includes('-v');
const pdfDir = join(REPO_ROOT, 'demo/kb/pdf');
const read = (file: string) =>
  JSON.parse(readFileSync(join(REPO_ROOT, 'demo/kb/eval', file), 'utf8')) as EvalQuestion[];
const squash = (text: string) => text.toLowerCase().replace(/\s+/g, ' ');
const pct = (n: number, of: number) => `${n}/${of} (${Math.round((100 * n) / of)}%)`;

await renderKnowledgeBase(pdfDir);
const deps = await createTestDeps();
await ingestFiles(deps.knowledge, 'demo', await pdfsIn([pdfDir]), {
  log() {},
  error: console.error,
});
const titles = new Map((await deps.knowledge.listDocuments('demo')).map((d) => [d.name, d.title]));
const agent = createOfflineAgent({ knowledge: deps.knowledge, confidenceThreshold: 0 });

async function grade(questions: EvalQuestion[], label: string) {
  const graded = [];
  for (const q of questions) {
    const answer = await askAgent(agent, 'demo', q.question);
    const quotes = q.evidence ? squash(answer.text).includes(squash(q.evidence)) : false;
    const title = q.document ? titles.get(q.document) : undefined;
    const cites = answer.citations.some((c) => c.title === title && c.page === q.page);
    graded.push({ confidence: answer.confidence, quotes, cites });
    if (verbose) {
      const marks = `${quotes ? 'Q' : '-'}${cites ? 'C' : '-'}`;
      console.log(
        `${label} ${answer.confidence.toFixed(2)} ${marks}  ${q.question}\n      ${answer.text.slice(0, 160)}`,
      );
    }
  }
  return graded;
}

const answerable = await grade(read('retrieval.json'), 'IN ');
const outOfScope = await grade(read('out-of-scope.json'), 'OUT');
await deps.close();

const configured = loadConfig({}).confidenceThreshold;
console.log(
  `offline answers: ${answerable.length} answerable questions, ${outOfScope.length} out-of-scope`,
);
for (const threshold of [
  configured - 0.1,
  configured - 0.05,
  configured,
  configured + 0.05,
  configured + 0.1,
]) {
  const answered = answerable.filter((a) => a.confidence >= threshold);
  const handed = outOfScope.filter((a) => a.confidence < threshold).length;
  const mark = Math.abs(threshold - configured) < 1e-9 ? '  <- configured' : '';
  console.log(
    `  threshold ${threshold.toFixed(2)}: answers ${pct(answered.length, answerable.length)}, of which quote the evidence ${pct(answered.filter((a) => a.quotes).length, answered.length)} and cite its page ${pct(answered.filter((a) => a.cites).length, answered.length)}; hands over ${pct(handed, outOfScope.length)} out-of-scope${mark}`,
  );
}
