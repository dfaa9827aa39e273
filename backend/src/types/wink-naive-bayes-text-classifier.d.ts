// The package ships no types; this covers the part we call (see its README for the rest).
declare module 'wink-naive-bayes-text-classifier' {
  interface NaiveBayesTextClassifier {
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    definePrepTasks(tasks: Array<(input: string) => string[]>): number;
    learn(input: string, label: string): boolean;
    consolidate(): boolean;
    /** [label, odds of that label against the rest], best first; [['unknown', 0]] when no word is known. */
    computeOdds(input: string): Array<[string, number]>;
  }
  export default function naiveBayesTextClassifier(): NaiveBayesTextClassifier;
}
