import { describe, expect, it } from 'vitest';
import type { CorpusStats, SearchHit } from '../../knowledge/types';
import { answerOffline, offlineSearchText, thresholdFor } from './offline-answerer';
import { CLOSEST_PREFIX, CLOSEST_SUFFIX, HANDOVER_TEXT, SENSITIVE_TEXT } from './replies';

const stats: CorpusStats = {
  passages: 100,
  documentFrequency: () => 10,
  correction: (t) => (t === 'replacment' ? 'replacement' : null),
};
const hit: SearchHit = {
  chunkId: 'c',
  documentId: 'doc-card',
  documentVersion: 1,
  title: 'Pay Card',
  page: 3,
  pageEnd: 3,
  section: 'Pay Card > Replacement',
  text: 'A replacement card arrives in 7 to 10 business days. Lock the old card in the app first.',
  score: 0.03,
  vectorSimilarity: 0.6,
  textScore: 9,
};
const ask = (message: string, threshold: number, hits = [hit], sensitive = false) =>
  answerOffline({ message, searchText: message, hits, stats, threshold, sensitive });

describe('answerOffline: three outcomes', () => {
  it('answers when confident and the quote carries the fact', () => {
    const answer = ask('how long does a replacement card take to arrive', 0.4);
    expect(answer).toMatchObject({ outcome: 'answered', escalation: null });
    expect(answer.text).toContain('7 to 10 business days');
    expect(answer.citations[0]).toMatchObject({ document_id: 'doc-card', page: 3 });
  });

  it('offers the closest passage, cited, when relevant but not confident', () => {
    const answer = ask('how long does a replacement card take to arrive', 0.95);
    expect(answer.outcome).toBe('closest_passage');
    expect(answer.text.startsWith(CLOSEST_PREFIX)).toBe(true);
    expect(answer.text.endsWith(CLOSEST_SUFFIX)).toBe(true);
    expect(answer.citations).toHaveLength(1);
  });

  it('hands over when nothing relevant is found', () => {
    expect(ask('do you sponsor visas', 0.4, [])).toMatchObject({
      outcome: 'handed_over',
      escalation: 'no_knowledge',
      text: HANDOVER_TEXT,
    });
    const weak = { ...hit, vectorSimilarity: 0.05, textScore: null };
    expect(ask('do you sponsor visas for chefs', 0.4, [weak])).toMatchObject({
      outcome: 'handed_over',
      escalation: 'low_confidence',
      citations: [],
    });
  });

  it('hands over a sensitive topic whatever the evidence, quoting what helps meanwhile', () => {
    const answer = ask('my replacement card was stolen', 0.4, [hit], true);
    expect(answer).toMatchObject({ outcome: 'handed_over', escalation: 'sensitive_topic' });
    expect(answer.text.startsWith(SENSITIVE_TEXT)).toBe(true);
    expect(answer.text).toContain('Lock the old card');
  });
});

describe('answerOffline: picking the sentence', () => {
  it('lets the words typed, not the terms slang expansion added, pick the sentence', () => {
    const message = 'got let go, can the state pay me while i look for work';
    const searchText = offlineSearchText(message, [], stats);
    expect(searchText).toContain('final paycheck');
    const passage = {
      ...hit,
      section: 'Unemployment',
      text: 'Your final paycheck and severance can delay state benefits.\n\nBeing laid off because there was not enough work usually qualifies you while you look for work.',
    };
    const answer = answerOffline({ message, searchText, hits: [passage], stats, threshold: 0.4 });
    expect(answer.text).toContain('not enough work');
    expect(answer.text).not.toContain('severance');
  });
});

describe('offlineSearchText', () => {
  it('spells out slang, corrects typos and joins a follow-up to the question before', () => {
    expect(offlineSearchText('how long for a replacment card', [], stats)).toBe(
      'how long for a replacment card replacement',
    );
    expect(offlineSearchText('OT for 30 hrs?', [], stats)).toBe('overtime for 30 hours?');
    const history = [{ role: 'user' as const, text: 'how do I order a new card' }];
    expect(offlineSearchText('and the fee?', history, stats)).toBe(
      'how do I order a new card and the fee?',
    );
  });

  it('corrects only the words typed, never the terms the thesaurus added', () => {
    // The stems of "kids" (typed) and "dependents" (added for it) both have a "correction".
    const eager: CorpusStats = {
      ...stats,
      correction: (t) => ({ kid: 'kidz', dependent: 'dependant' })[t] ?? null,
    };
    const text = offlineSearchText('what do i put for my kids', [], eager);
    expect(text).toContain('dependents');
    expect(text).toContain('kidz');
    expect(text).not.toContain('dependant ');
    expect(text.endsWith('dependant')).toBe(false);
  });
});

describe('thresholdFor', () => {
  it('takes the stricter of the base and the topic threshold', () => {
    const perTopic = { pay_timing: 0.5, tax: 0.55 };
    expect(thresholdFor('tax', 0.4, perTopic)).toBe(0.55);
    expect(thresholdFor('pay_card', 0.4, perTopic)).toBe(0.4);
    expect(thresholdFor('pay_timing', 0.6, perTopic)).toBe(0.6);
  });
});
