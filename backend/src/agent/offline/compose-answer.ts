/**
 * The extractive answer: the single passage that best answers the question asked, and in it
 * the sentences that carry the asked-for fact, quoted in their original order, so every
 * claim is the help centre's own words. Q&A pairs are quoted whole (their answer part).
 * Sentences from unrelated passages are never joined: a second passage is added only from
 * the same document and section, and only when it adds the fact the first lacks.
 */
import { contentTerms, termCoverage } from '../../knowledge/text/terms';
import type { SearchHit } from '../../knowledge/types';
import { stripDebris } from './clean-text';
import { carriesFact, type QuestionType } from './question-type';
import { inlineQa, leansOnPrevious, paragraphs, sentences, splitQa } from './sentences';

/** What the answer quotes, and how well it speaks to the question. */
export interface ComposedAnswer {
  text: string;
  /** The hits the answer quotes from, best first (these become the citations). */
  used: SearchHit[];
  /** Whether the quoted text carries the kind of fact asked for (always true for general). */
  hasFact: boolean;
  /** How well the chosen passage speaks to the question, 0..1-ish (for the outcome). */
  fit: number;
  /**
   * The anchor's whole paragraph (up to about 400 characters around the anchor), for a
   * "closest passage" reply: when the answer is uncertain, more of the passage is more
   * likely to carry what was asked, and the reader judges it.
   */
  context: string;
}

export interface ComposeInput {
  queryTerms: string[];
  hits: readonly SearchHit[];
  type: QuestionType;
  weight?: (term: string) => number;
  /** Longest answer, in characters (default 420); a Q&A answer is kept whole up to 1.5x. */
  maxChars?: number;
  /**
   * The precise form of the asked-for fact, when the wording names one (preciseFact): "how
   * long" wants a duration ("90 days"), not any time word ("payday").
   */
  precise?: RegExp | null;
}

/** A quotable unit of a passage: a Q&A pair (answer sentences) or a prose paragraph. */
interface Unit {
  question: string;
  sentences: string[];
}

interface Candidate {
  hit: SearchHit;
  units: Unit[];
  /** The best unit and, for prose, its best sentence. */
  anchor: { u: number; s: number; score: number; fact: boolean };
  score: number;
}

const CANDIDATES = 5;

/** Headings that announce the kind of fact asked for ("Fees", "How long transfers take"). */
const HEADING_FOR: Partial<Record<QuestionType, RegExp>> = {
  amount: /\b(?:fees?|costs?|limits?|prices?|rates?|charges?|how much|amounts?)\b/i,
  when: /\b(?:when|how long|timing|times?|schedule|deadlines?|cut-?off|dates?|days?)\b/i,
  how_to:
    /\b(?:how to|steps|adding|setting up|changing|getting|using|to (?:add|set|change|get|use))\b/i,
};

/** Sentences about the article rather than the subject ("This article explains ..."). */
const META = /\b(?:this (?:article|page|guide|section)|in this (?:article|guide))\b/i;

/**
 * The text with each hyphenated compound also written closed: articles write "cut-off" and
 * "follow-up" where people type "cutoff" and "followup", and the stems of the open form
 * ("cut") never meet the closed one.
 */
function withClosedCompounds(text: string): string {
  const closed = text.match(/\b[A-Za-z]{2,}-[A-Za-z]{2,}\b/g) ?? [];
  return closed.length === 0 ? text : `${text} ${closed.map((c) => c.replace('-', '')).join(' ')}`;
}

function unitsOf(hit: SearchHit): Unit[] {
  const qa = splitQa(stripDebris(hit.text));
  if (qa.isQa)
    return [{ question: qa.question, sentences: paragraphs(qa.answer).flatMap(sentences) }];
  return paragraphs(qa.answer).map((p) => {
    const list = sentences(p);
    const inline = inlineQa(list);
    return inline
      ? { question: inline.question, sentences: inline.answer }
      : { question: '', sentences: list };
  });
}

function assess(hit: SearchHit, rank: number, input: ComposeInput): Candidate {
  const weight = input.weight ?? (() => 1);
  const cover = (text: string) => termCoverage(input.queryTerms, withClosedCompounds(text), weight);
  const units = unitsOf(hit);
  const heading = hit.section.split('>').at(-1) ?? '';
  // A heading that names the question ("You do not have to take a card") lifts its sentences.
  const asked = new Set(input.queryTerms);
  // A table row (no closing stop) is keyed by its first cell: "Texas, let go ..." answers Texas.
  const keyed = (sentence: string) =>
    !/[.!?:]$/.test(sentence) &&
    contentTerms(sentence.split(/[\s,]/)[0] ?? '').some((t) => asked.has(t))
      ? 0.15
      : 0;
  const coverInSection = (sentence: string) =>
    0.75 * cover(sentence) + 0.25 * cover(`${heading} ${sentence}`) + keyed(sentence);
  const bonus = (text: string) => (!input.precise || input.precise.test(text) ? 0.3 : 0.2);
  // A question with no fact type of its own ("forgot a receipt from 3 months ago, can i still
  // get paid back") is still answered by the precise form its wording names ("within 60 days").
  const stated = (text: string) => input.type === 'general' && input.precise?.test(text) === true;
  let anchor = { u: 0, s: 0, score: -1, fact: false };
  const closestAsked = Math.max(
    0,
    ...units.map((unit) => (unit.question ? cover(unit.question) : 0)),
  );
  units.forEach((unit, u) => {
    const asked = unit.question ? cover(unit.question) : 0;
    unit.sentences.forEach((sentence, s) => {
      // A Q&A answer is judged as a whole, its question weighing most.
      const text = unit.question ? unit.sentences.join(' ') : sentence;
      if (unit.question && s > 0) return;
      const fact = unit.sentences.length > 0 && carriesFact(input.type, text);
      // A sentence whose fact is in the next one ("The rate is 15.3%.") is quoted with it.
      const next = unit.question ? undefined : unit.sentences[s + 1];
      const nextFact = !fact && next !== undefined && carriesFact(input.type, next);
      const score =
        (unit.question
          ? 0.6 * asked + 0.4 * cover(text) + (asked >= 0.5 ? 0.15 : 0)
          : coverInSection(sentence)) +
        (fact ? bonus(text) : stated(text) ? 0.2 : nextFact ? bonus(next) - 0.1 : 0) -
        (META.test(text) ? 0.3 : 0) -
        // "No." answers the question it was asked; quoted for another question it misleads.
        // Unless its question is the passage's closest to the one asked (a paraphrase).
        (unit.question && asked < 0.5 && asked < closestAsked && /^(?:yes|no)\b/i.test(text)
          ? 0.25
          : 0) -
        // A chunk that starts mid-sentence ("separate lines on your stub.") is a fragment.
        (/^[a-z]/.test(text) ? 0.2 : 0) -
        (u + s) * 0.01; // earlier wins ties: articles put the answer first
      if (score > anchor.score) anchor = { u, s, score, fact };
    });
  });
  const body = units.map((unit) => `${unit.question} ${unit.sentences.join(' ')}`).join(' ');
  const passage = cover(`${hit.section} ${body}`);
  const announced = HEADING_FOR[input.type]?.test(heading) ? 0.08 : 0;
  const score = 0.45 * passage + 0.45 * Math.max(anchor.score, 0) + announced - 0.06 * rank;
  return { hit, units, anchor, score };
}

const upTo = (items: string[], limit: number) => {
  const out: string[] = [];
  for (const item of items) {
    if (out.length > 0 && [...out, item].join(' ').length > limit) break;
    out.push(item);
  }
  return out;
};

/** The anchor with what it needs around it: its lead-in, its fact, its list; or a whole Q&A. */
function quote(c: Candidate, type: QuestionType, limit: number): string[] {
  const unit = c.units[c.anchor.u];
  if (!unit) return [];
  if (unit.question) return upTo(unit.sentences, limit * 1.5);
  const para = unit.sentences;
  let start = c.anchor.s;
  let end = start;
  while (start > 0 && leansOnPrevious(para[start]!)) start--;
  const wantsMore = (next: string) =>
    (!c.anchor.fact && carriesFact(type, next)) ||
    (leansOnPrevious(next) && !META.test(next)) ||
    type === 'how_to' ||
    (end === start && !META.test(next));
  while (end + 1 < para.length && end - start < 2 && wantsMore(para[end + 1]!)) {
    if (para.slice(start, end + 2).join(' ').length > limit) break;
    end++;
  }
  const out = para.slice(start, end + 1);
  // An intro ending in ":" ("To use Instant Pay:") is nothing without the list after it.
  const list = c.units[c.anchor.u + 1];
  if (end === para.length - 1 && /:$/.test(para[end]!) && list && !list.question)
    return upTo([...out, ...list.sentences], limit);
  return out;
}

/**
 * The sentence of the anchor's paragraph or the paragraphs beside it (same passage, so the
 * same section) that carries the precise fact the quote lacks: a fact split across two
 * paragraphs ("The card stays open after your job ends." / "... for 90 days ...").
 */
function preciseNeighbour(
  c: Candidate,
  quoted: string[],
  precise: { test(sentence: string): boolean },
): string | null {
  for (const u of [c.anchor.u, c.anchor.u + 1, c.anchor.u - 1]) {
    const unit = c.units[u];
    if (!unit || (u !== c.anchor.u && unit.question)) continue;
    const found = unit.sentences.find((s) => !quoted.includes(s) && precise.test(s));
    if (found) return found;
  }
  return null;
}

/**
 * The anchor's paragraph, windowed to `limit` characters around the anchor; when the paragraph
 * is shorter, the paragraphs beside it in the same passage (so the same section) fill the rest:
 * a fact is often in the next paragraph ("Email: support@..." / "We reply within 1 business
 * day.").
 */
function contextOf(c: Candidate, quoted: string[], limit: number): string[] {
  const unit = c.units[c.anchor.u];
  if (!unit || unit.question) return quoted;
  const after = c.units.slice(c.anchor.u + 1);
  const qa = after.findIndex((x) => x.question);
  const prose = qa < 0 ? after : after.slice(0, qa);
  const run = [...unit.sentences, ...prose.flatMap((x) => x.sentences)];
  const first = unit.sentences.indexOf(quoted[0] ?? '');
  let start = first < 0 ? c.anchor.s : first;
  let end = start + Math.max(quoted.length, 1) - 1;
  const fits = (i: number) => run.slice(start, end + 1).join(' ').length + run[i]!.length < limit;
  // Grow forward first (answers follow their lead-in), then back, then into the paragraphs
  // after; a paragraph before the anchor's opens another point.
  while (end + 1 < unit.sentences.length && fits(end + 1)) end++;
  while (start > 0 && fits(start - 1)) start--;
  while (end + 1 < run.length && fits(end + 1)) end++;
  const window = run.slice(start, end + 1);
  const extra = quoted.filter((s) => !window.includes(s));
  return [...window, ...extra];
}

/** Composes the answer; empty text when there are no hits. */
export function composeAnswer(input: ComposeInput): ComposedAnswer {
  const limit = input.maxChars ?? 420;
  const candidates = input.hits
    .slice(0, CANDIDATES)
    .map((hit, rank) => assess(hit, rank, input))
    .filter((c) => c.anchor.score >= 0);
  // With a precise fact asked for ("how long"), the passage that states one wins a tie.
  const precise = input.precise;
  const exact = (c: Candidate) => {
    const unit = c.units[c.anchor.u];
    const text = unit?.question ? unit.sentences.join(' ') : (unit?.sentences[c.anchor.s] ?? '');
    return precise?.test(text) ? 0.1 : 0;
  };
  const best = candidates.reduce<Candidate | null>(
    (a, b) => (a === null || b.score + exact(b) > a.score + exact(a) ? b : a),
    null,
  );
  if (!best) return { text: '', used: [], hasFact: false, fit: 0, context: '' };
  const quoted = quote(best, input.type, limit);
  // The fact asked for, precise when the wording names its form, else of the question's type.
  const wanted =
    precise ??
    (input.type === 'when' || input.type === 'amount'
      ? { test: (s: string) => carriesFact(input.type, s) }
      : null);
  if (wanted && !quoted.some((s) => wanted.test(s))) {
    const extra = preciseNeighbour(best, quoted, wanted);
    if (extra && [...quoted, extra].join(' ').length <= limit * 1.5) quoted.push(extra);
  }
  const hasFact = input.type === 'general' || quoted.some((s) => carriesFact(input.type, s));
  const fit = best.score;
  const context = contextOf(best, quoted, 400).join(' ');
  if (!hasFact) {
    // Same document and section only: two articles' sentences side by side read as one
    // answer that neither article gives.
    const sibling = candidates.find(
      (c) =>
        c !== best &&
        c.hit.documentId === best.hit.documentId &&
        c.hit.section === best.hit.section &&
        c.anchor.fact &&
        c.anchor.score > 0.4,
    );
    if (sibling) {
      const extra = quote(sibling, input.type, limit);
      const text = [...quoted, ...extra].join(' ');
      return { text, used: [best.hit, sibling.hit], hasFact: true, fit, context: text };
    }
  }
  return { text: quoted.join(' '), used: [best.hit], hasFact, fit, context };
}
