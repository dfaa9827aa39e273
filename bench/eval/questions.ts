/**
 * The graded question format shared by both evaluation sets, the loader that checks it, and the
 * conversion of the demo knowledge base's older eval files into the same form.
 */
import { readFileSync } from 'node:fs';

/** What the right behaviour is for a question. */
export type QuestionKind = 'answerable' | 'must_escalate' | 'out_of_scope' | 'adversarial';

/** `tune` may be looked at while calibrating; `holdout` is only ever reported. */
export type QuestionSplit = 'tune' | 'holdout';

/** One graded question. */
export interface EvalQuestion {
  id: string;
  question: string;
  split: QuestionSplit;
  kind: QuestionKind;
  /** The PDF (file name as ingested) a correct answer cites; answerable questions only. */
  document?: string;
  /**
   * Required facts: every group must be met, and any string in a group meets it
   * (case-insensitive), e.g. [["1.5", "time and a half"], ["40 hours"]].
   */
  facts?: string[][];
  /** Strings the answer must never contain; `/.../` is a regular expression (flags `i`, `m`). */
  forbidden?: string[];
}

const KINDS: readonly QuestionKind[] = [
  'answerable',
  'must_escalate',
  'out_of_scope',
  'adversarial',
];
const SPLITS: readonly QuestionSplit[] = ['tune', 'holdout'];

const isStrings = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item.trim() !== '');

/**
 * Checks a parsed questions file and returns it typed; throws naming every bad entry at once.
 * @example const questions = parseEvalQuestions(JSON.parse(text))
 */
export function parseEvalQuestions(value: unknown): EvalQuestion[] {
  if (!Array.isArray(value)) throw new Error('questions file: expected a JSON array');
  const problems: string[] = [];
  const ids = new Set<string>();
  value.forEach((entry: Partial<EvalQuestion>, index) => {
    const at = `entry ${index} (${entry?.id ?? 'no id'})`;
    if (typeof entry?.id !== 'string' || entry.id === '') problems.push(`${at}: missing id`);
    else if (ids.has(entry.id)) problems.push(`${at}: duplicate id`);
    else ids.add(entry.id);
    if (typeof entry?.question !== 'string' || entry.question.trim().length < 5)
      problems.push(`${at}: missing question`);
    if (!SPLITS.includes(entry?.split as QuestionSplit)) problems.push(`${at}: bad split`);
    if (!KINDS.includes(entry?.kind as QuestionKind)) problems.push(`${at}: bad kind`);
    if (entry?.facts !== undefined && !(Array.isArray(entry.facts) && entry.facts.every(isStrings)))
      problems.push(`${at}: facts must be a list of non-empty string lists`);
    if (entry?.forbidden !== undefined && !isStrings(entry.forbidden))
      problems.push(`${at}: forbidden must be a list of strings`);
    for (const pattern of entry?.forbidden ?? []) {
      if (!/^\/.+\/$/.test(pattern)) continue;
      try {
        new RegExp(pattern.slice(1, -1));
      } catch {
        problems.push(`${at}: forbidden ${pattern} is not a valid regular expression`);
      }
    }
    if (entry?.kind === 'answerable') {
      if (typeof entry.document !== 'string' || !entry.document.endsWith('.pdf'))
        problems.push(`${at}: an answerable question needs its document (*.pdf)`);
      if (!entry.facts || entry.facts.length === 0 || entry.facts.some((g) => g.length === 0))
        problems.push(`${at}: an answerable question needs facts`);
    }
  });
  if (problems.length > 0) throw new Error(`questions file:\n  ${problems.join('\n  ')}`);
  return value as EvalQuestion[];
}

/** Reads and checks a questions file. */
export function loadEvalQuestions(path: string): EvalQuestion[] {
  return parseEvalQuestions(JSON.parse(readFileSync(path, 'utf8')));
}

interface DemoRetrievalCase {
  question: string;
  document: string;
  evidence: string;
}

/**
 * The demo set in graded form: each retrieval question's evidence phrase is its one required
 * fact, and each out-of-scope question stays out of scope. All of it is `tune`: the offline
 * agent was fitted to these eight articles.
 */
export function demoQuestions(
  retrieval: DemoRetrievalCase[],
  outOfScope: Array<{ question: string }>,
): EvalQuestion[] {
  return [
    ...retrieval.map((c, index) => ({
      id: `demo-${String(index + 1).padStart(2, '0')}`,
      question: c.question,
      split: 'tune' as const,
      kind: 'answerable' as const,
      document: c.document,
      facts: [[c.evidence]],
    })),
    ...outOfScope.map((c, index) => ({
      id: `demo-oos-${String(index + 1).padStart(2, '0')}`,
      question: c.question,
      split: 'tune' as const,
      kind: 'out_of_scope' as const,
    })),
  ];
}
