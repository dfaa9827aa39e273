import { describe, expect, it } from 'vitest';
import { contentTerms, rarityWeight, termCoverage } from '../../knowledge/search/content-terms';
import type { KnowledgeSearch, SearchHit } from '../../knowledge/types';
import type { AgentEvent, AgentTurnInput } from '../types';
import { composeAnswer } from './compose-answer';
import { classifyIntent } from './intent';
import { createOfflineAgent, HANDOVER_TEXT } from './offline-agent';

const hit = (over: Partial<SearchHit>): SearchHit => ({
  chunkId: 'c',
  documentId: 'doc-instant',
  documentVersion: 1,
  title: 'Instant Pay',
  page: 2,
  pageEnd: 2,
  section: 'Instant Pay > Fees',
  text: '',
  score: 0.03,
  vectorSimilarity: 0.5,
  textScore: 7,
  ...over,
});

const feeHit = hit({
  text: 'Instant Pay costs a flat $2.99 per transfer. The fee is shown before you confirm. Transfers to a Brightwell Card are free.',
});

/** A knowledge base that answers from a fixed list: the search is the edge under test here. */
const fixedKnowledge = (hits: SearchHit[]): KnowledgeSearch & { queries: string[] } => {
  const queries: string[] = [];
  return {
    queries,
    async search(q) {
      queries.push(q.text);
      return hits;
    },
    // Every word equally common: evidence then rests on plain coverage.
    async corpusStats() {
      return { passages: 100, documentFrequency: () => 10, correction: () => null };
    },
  };
};

const input = (message: string, history: AgentTurnInput['history'] = []): AgentTurnInput => ({
  tenantId: 'demo',
  conversationId: 'c1',
  message,
  history,
  principal: { role: 'visitor', tenantId: 'demo', subject: 'v1', origin: null },
});

async function run(agent: ReturnType<typeof createOfflineAgent>, turn: AgentTurnInput) {
  const events: AgentEvent[] = [];
  for await (const e of agent.respond(turn)) events.push(e);
  const text = events.flatMap((e) => (e.type === 'token' ? [e.text] : [])).join('');
  return { events, text, done: events.at(-1) };
}

describe('terms', () => {
  it('keeps content words and folds simple plurals and tenses', () => {
    expect(contentTerms('How much are the Instant Pay fees charged?')).toEqual([
      'instant',
      'pay',
      'fee',
      'charg',
    ]);
    expect(termCoverage(['instant', 'fee'], 'Instant Pay has one fee')).toBe(1);
    expect(termCoverage([], 'anything')).toBe(0);
  });

  it('weighs rare words more, and a word the corpus lacks most of all', () => {
    const weight = rarityWeight({
      passages: 100,
      documentFrequency: (t) => ({ pay: 60, fee: 5 })[t] ?? 0,
    });
    expect(weight('fee')).toBeGreaterThan(weight('pay'));
    expect(weight('insurance')).toBeGreaterThan(weight('fee'));
    // "pay" matches but the rare word does not: coverage is low although half the words match.
    expect(termCoverage(['pay', 'insurance'], 'your pay arrives', weight)).toBeLessThan(0.2);
    expect(contentTerms('When do W-2s come out? my w2 is late')).toEqual(['w2', 'come', 'late']);
  });
});

describe('classifyIntent', () => {
  it('spots greetings, thanks and requests for a person; the rest are questions', () => {
    expect(classifyIntent('hello!')).toBe('greeting');
    expect(classifyIntent('thanks a lot')).toBe('thanks');
    expect(classifyIntent('can I talk to a real person')).toBe('human');
    expect(classifyIntent('hello, when do tips arrive?')).toBe('question');
  });
});

describe('composeAnswer', () => {
  it('quotes the sentences that speak to the question, in document order', () => {
    const answer = composeAnswer(contentTerms('what is the fee for instant pay'), [feeHit]);
    expect(answer.text).toContain('$2.99 per transfer');
    expect(answer.used).toEqual([feeHit]);
  });

  it('answers a Q&A chunk with its answer part only', () => {
    const qa = hit({
      text: 'Q: Can I cancel an Instant Pay transfer?\nA: No. Once confirmed, a transfer cannot be cancelled.',
    });
    const answer = composeAnswer(contentTerms('cancel instant pay transfer'), [qa]);
    expect(answer.text).toBe('No. Once confirmed, a transfer cannot be cancelled.');
  });
});

describe('createOfflineAgent', () => {
  it('answers from strong evidence with citations and a confidence over the threshold', async () => {
    const agent = createOfflineAgent({
      knowledge: fixedKnowledge([feeHit]),
      confidenceThreshold: 0.45,
    });
    const { events, text, done } = await run(agent, input('How much is the Instant Pay fee?'));
    expect(text).toContain('$2.99');
    const citations = events.find((e) => e.type === 'citations');
    expect(citations).toMatchObject({
      citations: [{ document_id: 'doc-instant', title: 'Instant Pay', page: 2 }],
    });
    expect(done?.type === 'done' && done.confidence).toBeGreaterThanOrEqual(0.45);
    expect(events.some((e) => e.type === 'escalate')).toBe(false);
  });

  it('hands over, without citations, when the passages do not speak to the question', async () => {
    const agent = createOfflineAgent({
      knowledge: fixedKnowledge([hit({ ...feeHit, vectorSimilarity: 0.12, textScore: null })]),
      confidenceThreshold: 0.45,
    });
    const { events, text, done } = await run(agent, input('Do you sponsor H-1B visas?'));
    expect(text).toBe(HANDOVER_TEXT);
    expect(events).toContainEqual({ type: 'escalate', reason: 'low_confidence' });
    expect(events.some((e) => e.type === 'citations')).toBe(false);
    expect(done?.type === 'done' && done.confidence).toBeLessThan(0.45);
  });

  it('searches a short follow-up together with the previous question', async () => {
    const knowledge = fixedKnowledge([feeHit]);
    const agent = createOfflineAgent({ knowledge, confidenceThreshold: 0.45 });
    await run(
      agent,
      input('and the fee?', [
        { role: 'user', text: 'How does Instant Pay work?' },
        { role: 'assistant', text: '…' },
      ]),
    );
    expect(knowledge.queries[0]).toBe('How does Instant Pay work? and the fee?');
  });

  it('escalates at once when the user asks for a person, and never searches', async () => {
    const knowledge = fixedKnowledge([feeHit]);
    const { events } = await run(
      createOfflineAgent({ knowledge, confidenceThreshold: 0.45 }),
      input('I want to speak to a human'),
    );
    expect(events).toContainEqual({ type: 'escalate', reason: 'user_requested' });
    expect(knowledge.queries).toEqual([]);
  });
});
