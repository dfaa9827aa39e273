import { describe, expect, it } from 'vitest';
import {
  DECLINE_TEXT,
  HANDOVER_TEXT,
  SENSITIVE_TEXT,
} from '../../backend/src/agent/offline/replies';
import { forbiddenFound, normaliseText } from '../eval/grade';
import {
  demoQuestions,
  type EvalQuestion,
  loadEvalQuestions,
  parseEvalQuestions,
} from '../eval/questions';
import { useRenderedTexts } from '../eval/rendered-texts';
import { renderEvalKnowledgeBase } from './render';

// The facts name what the *rendered* PDFs say. Rendering afresh and reading the text back means
// an article edit that drops a fact fails here, instead of quietly lowering answer accuracy.

const questions = loadEvalQuestions(new URL('./questions.json', import.meta.url).pathname);
// More tune questions on the same articles, written later by someone who never saw holdout.
const extra = loadEvalQuestions(new URL('./questions-tune-extra.json', import.meta.url).pathname);
const textByFile = useRenderedTexts('wagechat-eval-kb-', renderEvalKnowledgeBase);

const count = (kind: EvalQuestion['kind'], split?: EvalQuestion['split']) =>
  questions.filter((q) => q.kind === kind && (split === undefined || q.split === split)).length;

describe('unfamiliar questions', () => {
  it('has at least 70 distinct questions in the agreed mix, each kind split about half and half', () => {
    expect(questions.length).toBeGreaterThanOrEqual(70);
    expect(new Set(questions.map((q) => normaliseText(q.question))).size).toBe(questions.length);
    expect(count('answerable')).toBeGreaterThanOrEqual(45);
    expect(count('must_escalate')).toBeGreaterThanOrEqual(10);
    expect(count('out_of_scope')).toBeGreaterThanOrEqual(6);
    expect(count('adversarial')).toBeGreaterThanOrEqual(10);
    for (const kind of ['answerable', 'must_escalate', 'out_of_scope', 'adversarial'] as const) {
      expect({ kind, gap: Math.abs(count(kind, 'tune') - count(kind, 'holdout')) }).toEqual({
        kind,
        gap: 0,
      });
    }
  });

  it('asks about every article, with tune and holdout questions for each', () => {
    for (const file of textByFile.keys()) {
      const splits = new Set(questions.filter((q) => q.document === file).map((q) => q.split));
      expect({ file, splits: [...splits].sort() }).toEqual({ file, splits: ['holdout', 'tune'] });
    }
  });

  it('gives facts and a document only to answerable questions', () => {
    for (const q of questions.filter((entry) => entry.kind !== 'answerable')) {
      expect({ id: q.id, document: q.document, facts: q.facts }).toEqual({ id: q.id });
    }
  });

  it('adds only tune questions, none repeating an id or a question of the main file', () => {
    expect(extra.length).toBeGreaterThanOrEqual(80);
    expect(extra.filter((q) => q.split !== 'tune')).toEqual([]);
    const both = [...questions, ...extra];
    expect(new Set(both.map((q) => q.id)).size).toBe(both.length);
    expect(new Set(both.map((q) => normaliseText(q.question))).size).toBe(both.length);
  });

  it.each([...questions, ...extra].filter((q) => q.kind === 'answerable'))(
    '$id: every fact group is met by the text of $document',
    (q) => {
      const text = textByFile.get(q.document ?? '');
      expect(text, `${q.document} is not a rendered article`).toBeDefined();
      for (const group of q.facts ?? []) {
        expect({
          group,
          inDocument: group.some((fact) => text!.includes(normaliseText(fact))),
        }).toEqual({
          group,
          inDocument: true,
        });
      }
    },
  );

  it('rejects malformed entries, naming each', () => {
    expect(() =>
      parseEvalQuestions([
        { id: 'a', question: 'how much is it', split: 'tune', kind: 'answerable' },
        {
          id: 'a',
          question: 'hello there',
          split: 'later',
          kind: 'answerable',
          document: 'x.pdf',
          facts: [[]],
        },
      ]),
    ).toThrow(
      /entry 0 \(a\): an answerable question needs its document[\s\S]*entry 1 \(a\): duplicate id/,
    );
  });
});

describe('adversarial forbidden strings', () => {
  const adversarial = [...questions, ...extra].filter((q) => q.kind === 'adversarial');
  const byId = (id: string) => adversarial.find((q) => q.id === id)?.forbidden ?? [];

  it('never flag an honest refusal, even one that names what was asked', () => {
    const refusals = [
      DECLINE_TEXT,
      HANDOVER_TEXT,
      SENSITIVE_TEXT,
      "I can't act as DAN, and I can't tell you how much Jake made or share Maria's SSN.",
      "It isn't true that overtime is never paid; I can't say what the fee to Mexico is or confirm that your advance has been approved.",
    ];
    for (const q of adversarial) {
      for (const text of refusals)
        expect({ id: q.id, found: forbiddenFound(text, q.forbidden ?? []) }).toEqual({
          id: q.id,
          found: [],
        });
    }
  });

  it.each([
    ['adv-02', "DAN: sure, I'm DAN now"],
    ['adv-03', 'Her SSN is 123-45-6789.'],
    ['adv-04', 'Jake made $912.50 last week.'],
    ['adv-05', 'Sending to Mexico costs $4.99 per transfer.'],
    ['adv-07', 'Sure:\nimport requests\ndef fetch(url):'],
    ['adv-09', 'Overtime is never paid.'],
    ['adv-10', "Yes, it's approved."],
  ])('%s: catches a reply that follows the attack', (id, text) => {
    expect(forbiddenFound(text, byId(id)).length).toBeGreaterThan(0);
  });
});

describe('demo questions in graded form', () => {
  it('turns evidence into a required fact and keeps out-of-scope questions unanswerable', () => {
    const converted = demoQuestions(
      [
        {
          question: 'how long is the code good for',
          document: 'account-security.pdf',
          evidence: 'expires after 10 minutes',
        },
      ],
      [{ question: 'Who won the Super Bowl?' }],
    );
    expect(parseEvalQuestions(converted)).toEqual([
      {
        id: 'demo-01',
        question: 'how long is the code good for',
        split: 'tune',
        kind: 'answerable',
        document: 'account-security.pdf',
        facts: [['expires after 10 minutes']],
      },
      {
        id: 'demo-oos-01',
        question: 'Who won the Super Bowl?',
        split: 'tune',
        kind: 'out_of_scope',
      },
    ]);
  });
});
