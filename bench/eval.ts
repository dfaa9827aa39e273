/**
 * `pnpm eval`: answer quality over the demo help centre, the unfamiliar one (bench/eval-kb,
 * split into `tune` and `holdout`) and a third tuning set (bench/eval-kb-fresh, all `tune`:
 * a change should help it and the unfamiliar tune split alike), offline always and connected
 * too when OPENAI_API_KEY or OPENAI_BASE_URL is set. Prints numbers; asserts nothing.
 *
 *   pnpm eval [--set demo|unfamiliar|fresh] [--split tune|holdout] [--threshold 0.3,0.35,0.4]
 *             [--as customer] [--json] [-v] [--questions probe.json]
 *
 * `--questions` asks the questions of a file in the sets' format (bench/eval/questions.ts) of
 * the one `--set` named, instead of its own: a quick probe of new wordings while tuning.
 *
 * WAGECHAT_CONFIDENCE_THRESHOLD and WAGECHAT_TOPIC_THRESHOLDS are read as the server reads them.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../backend/src/config';
import { REPO_ROOT } from '../backend/src/deps';
import { renderKnowledgeBase } from '../demo/scripts/render-kb';
import { createEvalAgent, systemPromptLines } from './eval/agent-factory';
import type { GradedQuestion } from './eval/grade';
import { demoQuestions, type EvalQuestion, loadEvalQuestions } from './eval/questions';
import {
  formatQuestionLine,
  formatSummaryTable,
  jsonColumn,
  type SummaryColumn,
} from './eval/report';
import { type EvalSet, type OpenedEvalSet, openEvalSet } from './eval/run-set';
import { summarise } from './eval/summary';
import { renderEvalKnowledgeBase } from './eval-kb/render';
import { renderFreshKnowledgeBase } from './eval-kb-fresh/render';

const { values: args } = parseArgs({
  options: {
    set: { type: 'string' },
    split: { type: 'string' },
    threshold: { type: 'string' },
    as: { type: 'string', default: 'visitor' },
    json: { type: 'boolean', default: false },
    questions: { type: 'string' },
    verbose: { type: 'boolean', short: 'v', default: false },
  },
});
const SETS = ['demo', 'unfamiliar', 'fresh'];
if (args.set && !SETS.includes(args.set)) throw new Error(`--set ${SETS.join('|')}`);
const wants = (name: string) => !args.set || args.set === name;
if (args.questions && !args.set) throw new Error('--questions needs --set');
if (args.split && !['tune', 'holdout'].includes(args.split))
  throw new Error('--split tune|holdout');
if (!['visitor', 'customer'].includes(args.as)) throw new Error('--as visitor|customer');
const createAgent = createEvalAgent;

// Settings the server would read; the data folder is always a fresh temporary one.
const passThrough = (prefix: string) =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[0].startsWith(prefix) && entry[1] !== undefined && entry[0] !== 'WAGECHAT_DATA_DIR',
    ),
  );
const tuning = passThrough('WAGECHAT_');
const openai = passThrough('OPENAI_');
// `--threshold 0.3,0.35,0.4` asks every set at each value over one ingest (a calibration sweep).
const thresholds = args.threshold?.split(',').map((value) => {
  const number = Number(value);
  if (!(number >= 0 && number <= 1)) throw new Error(`--threshold: ${value} is not within 0..1`);
  return number;
});
const modes: Array<{ mode: string; env: Record<string, string> }> = [
  { mode: 'offline', env: tuning },
  ...(openai.OPENAI_API_KEY || openai.OPENAI_BASE_URL
    ? [{ mode: 'connected', env: { ...tuning, ...openai } }]
    : []),
];

const read = async <T>(path: string) =>
  JSON.parse(await readFile(join(REPO_ROOT, path), 'utf8')) as T;
const bySplit = (questions: EvalQuestion[]) => {
  const asked = args.questions ? loadEvalQuestions(args.questions) : questions;
  return args.split ? asked.filter((q) => q.split === args.split) : asked;
};

const work = await mkdtemp(join(tmpdir(), 'wagechat-eval-'));
const log = (line: string) => (args.json ? process.stderr : process.stdout).write(`${line}\n`);
try {
  const sets: EvalSet[] = [];
  if (wants('demo')) {
    const rendered = await renderKnowledgeBase(join(work, 'demo'), { force: true });
    const questions = demoQuestions(
      await read('demo/kb/eval/retrieval.json'),
      await read('demo/kb/eval/out-of-scope.json'),
    );
    sets.push({
      name: 'demo',
      pdfPaths: rendered.map((r) => r.pdfPath),
      questions: bySplit(questions),
    });
  }
  if (wants('unfamiliar')) {
    const rendered = await renderEvalKnowledgeBase(join(work, 'unfamiliar'));
    const questions = ['questions.json', 'questions-tune-extra.json'].flatMap((file) =>
      loadEvalQuestions(join(REPO_ROOT, 'bench/eval-kb', file)),
    );
    sets.push({
      name: 'unfamiliar',
      pdfPaths: rendered.map((r) => r.pdfPath),
      questions: bySplit(questions),
    });
  }
  if (wants('fresh')) {
    const rendered = await renderFreshKnowledgeBase(join(work, 'fresh'));
    const questions = loadEvalQuestions(join(REPO_ROOT, 'bench/eval-kb-fresh/questions.json'));
    sets.push({
      name: 'fresh',
      pdfPaths: rendered.map((r) => r.pdfPath),
      questions: bySplit(questions),
    });
  }

  const report = [];
  for (const { mode, env } of modes) {
    const configured = loadConfig({ ...env, LOG_LEVEL: 'silent' }).confidenceThreshold;
    const opened: Array<{ set: EvalSet; run: OpenedEvalSet }> = [];
    for (const set of sets.filter((s) => s.questions.length > 0)) {
      const run = await openEvalSet(set, {
        env,
        createAgent,
        systemPromptLines: systemPromptLines(),
        asCustomer: args.as === 'customer',
        onGraded: (g) =>
          args.verbose && log(formatQuestionLine(`${set.name}/${g.question.split}`, g)),
      });
      opened.push({ set, run });
    }
    try {
      for (const threshold of thresholds ?? [null]) {
        log(`\n== ${mode} mode, threshold ${threshold ?? configured}, as ${args.as} ==`);
        const columns: Array<SummaryColumn & { graded: GradedQuestion[] }> = [];
        for (const { set, run } of opened) {
          const graded = await run.ask(threshold);
          for (const split of set.name === 'unfamiliar' ? (['tune', 'holdout'] as const) : [null]) {
            const part = split ? graded.filter((g) => g.question.split === split) : graded;
            const label = split ? `${set.name} ${split}` : set.name;
            if (part.length > 0) columns.push({ label, summary: summarise(part), graded: part });
          }
        }
        const all = summarise(columns.flatMap((c) => c.graded));
        log(formatSummaryTable(columns));
        log(`replies by mode: ${JSON.stringify(all.modes)}, fallbacks: ${all.fallbacks}`);
        if (mode === 'connected' && !all.modes.connected)
          log('note: no reply came from connected mode; see bench/eval/agent-factory.ts');
        report.push({
          mode,
          threshold: threshold ?? configured,
          askedAs: args.as,
          sets: columns.map((c) => jsonColumn(c.label, c.summary, c.graded)),
        });
      }
    } finally {
      for (const { run } of opened) await run.close();
    }
  }
  if (args.json) process.stdout.write(`${JSON.stringify({ modes: report }, null, 2)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
