/**
 * The extractive answer: the sentences of the best passages that speak to the question,
 * quoted in their original order, so every claim is the help centre's own words.
 */

import { termCoverage } from '../../knowledge/search/content-terms';
import type { SearchHit } from '../../knowledge/types';

export interface ComposedAnswer {
  text: string;
  /** The hits the answer quotes from, best first (these become the citations). */
  used: SearchHit[];
}

const MAX_SENTENCES = 4;

/**
 * A Q&A chunk answers with its A: part (the question is already the user's); its Q: part
 * stays as context, so a terse "No." still counts as speaking to the question.
 */
function splitQa(text: string): { question: string; answer: string } {
  const match = /^\s*Q:\s*([\s\S]*?)\n\s*A:\s*([\s\S]+)$/.exec(text);
  return match
    ? { question: match[1]!.trim(), answer: match[2]!.trim() }
    : { question: '', answer: text };
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"(•-])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

export function composeAnswer(
  queryTerms: string[],
  hits: readonly SearchHit[],
  weight: (term: string) => number = () => 1,
): ComposedAnswer {
  const top = hits.slice(0, 3);
  const scored = top.flatMap((hit, hitRank) => {
    const { question, answer } = splitQa(hit.text);
    return sentences(answer).map((sentence, position) => ({
      hit,
      hitRank,
      position,
      sentence,
      // Earlier hits and earlier sentences win ties: retrieval order carries evidence too.
      score:
        termCoverage(queryTerms, `${question} ${sentence}`, weight) -
        hitRank * 0.15 -
        position * 0.01,
    }));
  });
  const relevant = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score);
  const chosen = (relevant.length > 0 ? relevant : scored.slice(0, 2)).slice(0, MAX_SENTENCES);
  chosen.sort((a, b) => a.hitRank - b.hitRank || a.position - b.position);
  const used = [...new Set(chosen.map((c) => c.hit))];
  return { text: chosen.map((c) => c.sentence).join(' '), used };
}
