/**
 * How the offline agent's confidence separates what the help centre answers from what it
 * does not: over the retrieval eval set (questions it answers) and the out-of-scope set
 * (questions it must hand over), at the configured threshold and around it.
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

const verbose = process.argv.includes('-v');
const pdfDir = join(REPO_ROOT, 'demo/kb/pdf');
const readQuestions = (file: string) =>
  (
    JSON.parse(readFileSync(join(REPO_ROOT, 'demo/kb/eval', file), 'utf8')) as Array<{
      question: string;
    }>
  ).map((q) => q.question);

await renderKnowledgeBase(pdfDir);
const deps = await createTestDeps();
await ingestFiles(deps.knowledge, 'demo', await pdfsIn([pdfDir]), {
  log() {},
  error: console.error,
});
const agent = createOfflineAgent({ knowledge: deps.knowledge, confidenceThreshold: 0 });

async function confidences(questions: string[], label: string) {
  const scores: number[] = [];
  for (const message of questions) {
    const { text: answer, confidence } = await askAgent(agent, 'demo', message);
    scores.push(confidence);
    if (verbose)
      console.log(`${label} ${confidence.toFixed(2)}  ${message}\n      ${answer.slice(0, 160)}`);
  }
  return scores;
}

const answerable = await confidences(readQuestions('retrieval.json'), 'IN ');
const outOfScope = await confidences(readQuestions('out-of-scope.json'), 'OUT');
await deps.close();

const configured = loadConfig({}).confidenceThreshold;
console.log(
  `offline answer confidence: ${answerable.length} answerable, ${outOfScope.length} out-of-scope questions`,
);
for (const threshold of [
  configured - 0.1,
  configured - 0.05,
  configured,
  configured + 0.05,
  configured + 0.1,
]) {
  const answered = answerable.filter((c) => c >= threshold).length;
  const handed = outOfScope.filter((c) => c < threshold).length;
  const mark = Math.abs(threshold - configured) < 1e-9 ? '  <- configured' : '';
  console.log(
    `  threshold ${threshold.toFixed(2)}: answers ${answered}/${answerable.length} (${Math.round((100 * answered) / answerable.length)}%), hands over ${handed}/${outOfScope.length} out-of-scope (${Math.round((100 * handed) / outOfScope.length)}%)${mark}`,
  );
}
