/**
 * A second opinion on "does this need a person", learned from examples instead of written as
 * rules: a naive Bayes text classifier (wink-naive-bayes-text-classifier) trained on
 * `escalation-examples.json`, worker messages we wrote while tuning, each labelled `person`
 * (their own pay, card or account went wrong) or `help_centre` (how something works).
 *
 * Why both: the rules in sensitive-topics.ts and problem-report.ts are precise, but each new
 * batch of complaints written by someone who had not seen them found wordings they missed
 * (bench/eval-kb/escalation-check.json: 24 of its 40 handed over by the rules alone, 30 with
 * this). Word and word-pair counts carry over to new wordings better; the rules keep the cases
 * that must never depend on a score (legal threats, fraud, disputes). The classifier only adds
 * hand-overs. Its `help_centre` examples include requests told as statements ("i want to
 * change my bank account"), which a worker means as a question.
 *
 * Examples come from the tune splits and our own probe batches only, never from a holdout
 * split (a test checks this). Features are canonicalText's words and adjacent word pairs, so
 * the classifier reads the same spelled-out, misspelling-corrected text the rules read.
 */
import naiveBayes from 'wink-naive-bayes-text-classifier';
import { canonicalText } from './canonical-text';
import examples from './escalation-examples.json' with { type: 'json' };

type Label = 'person' | 'help_centre';

/**
 * Log2 odds (person : help centre) above which a message is handed over: the lowest at which
 * five-fold cross-validation on the examples adds at most 1% false hand-overs among the
 * `help_centre` examples to the rules' own (11, about 2,000 to 1: 1 of 236 more; 10: 3 more).
 */
export const COMPLAINT_ODDS = 11;

/** Words and adjacent word pairs of a message already in canonicalText form. */
export function complaintFeatures(text: string): string[] {
  const words = text.split(' ').filter((word) => word.length > 0);
  return [...words, ...words.slice(1).map((word, i) => `${words[i]}_${word}`)];
}

/** A classifier trained on the given examples (exported for the cross-validation test). */
export function trainComplaintModel(rows: ReadonlyArray<{ text: string; label: Label }>) {
  const model = naiveBayes();
  model.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
  model.definePrepTasks([complaintFeatures]);
  for (const row of rows) model.learn(row.text, row.label);
  model.consolidate();
  /** Log2 odds that the message (canonicalText form) needs a person, not the help centre. */
  return (text: string): number =>
    model.computeOdds(text).find(([label]) => label === 'person')?.[1] ?? 0;
}

/** The labelled examples, as training rows in canonicalText form. */
export function complaintExamples(): Array<{ text: string; label: Label }> {
  return [
    ...examples.person.map((text) => ({ text: canonicalText(text), label: 'person' as const })),
    ...examples.help_centre.map((text) => ({
      text: canonicalText(text),
      label: 'help_centre' as const,
    })),
  ];
}

let oddsOf: ((text: string) => number) | null = null;

/**
 * Whether the classifier reads the message (canonicalText form) as the caller's own problem.
 * Trained on first use (about 370 short examples, about 13 ms).
 */
export function soundsLikeComplaint(text: string): boolean {
  oddsOf ??= trainComplaintModel(complaintExamples());
  return oddsOf(text) > COMPLAINT_ODDS;
}
