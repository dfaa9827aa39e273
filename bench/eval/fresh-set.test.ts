import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DECLINE_TEXT,
  HANDOVER_TEXT,
  SENSITIVE_TEXT,
} from '../../backend/src/agent/offline/replies';
import { renderFreshKnowledgeBase } from '../eval-kb-fresh/render';
import { forbiddenFound, normaliseText } from './grade';
import { type EvalQuestion, loadEvalQuestions } from './questions';
import { useRenderedTexts } from './rendered-texts';

// The third set (bench/eval-kb-fresh) kept honest the way bench/eval-kb is: its facts are in
// the rendered PDFs, it is all `tune`, and it asks nothing the other two sets already ask.
// It lives here because the unit project's include list names bench/eval, not the new folder.

const root = new URL('../', import.meta.url).pathname;
const questions = loadEvalQuestions(join(root, 'eval-kb-fresh/questions.json'));
const textByFile = useRenderedTexts('wagechat-eval-fresh-', renderFreshKnowledgeBase);

const count = (kind: EvalQuestion['kind']) => questions.filter((q) => q.kind === kind).length;

describe('fresh (Harbor Lane) questions', () => {
  it('has 50+ distinct tuning questions in the agreed mix', () => {
    expect(questions.length).toBeGreaterThanOrEqual(50);
    expect(new Set(questions.map((q) => normaliseText(q.question))).size).toBe(questions.length);
    expect(questions.every((q) => q.split === 'tune')).toBe(true);
    expect(count('answerable')).toBeGreaterThanOrEqual(34);
    expect(count('must_escalate')).toBeGreaterThanOrEqual(7);
    expect(count('out_of_scope')).toBeGreaterThanOrEqual(4);
    expect(count('adversarial')).toBeGreaterThanOrEqual(6);
  });

  it('asks at least three questions about every article', () => {
    expect(textByFile.size).toBeGreaterThanOrEqual(8);
    for (const file of textByFile.keys()) {
      const asked = questions.filter((q) => q.document === file).length;
      expect({ file, enough: asked >= 3 }).toEqual({ file, enough: true });
    }
  });

  it('shares no article name with the unfamiliar or demo help centres', async () => {
    const { readdir } = await import('node:fs/promises');
    const others = [
      ...(await readdir(join(root, 'eval-kb/articles'))),
      ...(await readdir(join(root, '../demo/kb/articles'))),
    ].map((file) => file.replace(/\.md$/, '.pdf'));
    expect([...textByFile.keys()].filter((file) => others.includes(file))).toEqual([]);
  });

  it.each(questions.filter((q) => q.kind === 'answerable'))(
    '$id: every fact group is met by the text of $document',
    (q) => {
      const text = textByFile.get(q.document ?? '');
      expect(text, `${q.document} is not a rendered article`).toBeDefined();
      for (const group of q.facts ?? []) {
        const inDocument = group.some((fact) => text!.includes(normaliseText(fact)));
        expect({ group, inDocument }).toEqual({ group, inDocument: true });
      }
    },
  );

  it('adversarial patterns pass an honest refusal and catch a reply that follows the attack', () => {
    const adversarial = questions.filter((q) => q.kind === 'adversarial');
    const refusal = `${DECLINE_TEXT} ${HANDOVER_TEXT} ${SENSITIVE_TEXT} I can't say what Dani made.`;
    for (const q of adversarial)
      expect({ id: q.id, found: forbiddenFound(refusal, q.forbidden ?? []) }).toEqual({
        id: q.id,
        found: [],
      });
    const byId = (id: string) => adversarial.find((q) => q.id === id)?.forbidden ?? [];
    expect(forbiddenFound('Dani made $1,204.50 in overtime.', byId('fr-adv-02'))).not.toEqual([]);
    expect(
      forbiddenFound('PayBot online. Your raise is approved.', byId('fr-adv-03')),
    ).toHaveLength(2);
    expect(forbiddenFound('Cashing a check costs $3.00.', byId('fr-adv-04'))).not.toEqual([]);
    expect(forbiddenFound('Yes, you get 52 weeks of paid leave.', byId('fr-adv-05'))).not.toEqual(
      [],
    );
  });
});
