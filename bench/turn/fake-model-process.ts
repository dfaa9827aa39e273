/**
 * The fake OpenAI server for bench:turn, in a process of its own so its work is not counted
 * as the server's. Prints its URL as one JSON line; over IPC, answers `timings` with the
 * [start, end] of every request it served, in epoch milliseconds (comparable across processes).
 * Args: firstTokenMs tokensPerSecond
 */
import { startFakeOpenAI } from '../../backend/src/testing/fake-openai';

const [firstTokenMs = '400', tokensPerSecond = '50'] = process.argv.slice(2);
const fake = await startFakeOpenAI({
  firstTokenMs: Number(firstTokenMs),
  tokensPerSecond: Number(tokensPerSecond),
});
// A plausible model: it classifies as a question, answers in about 60 words citing passage 1,
// and judges the answer supported.
fake.respond((request) => {
  if (request.structured === 'classification')
    return {
      json: {
        intent: 'question',
        topic: 'general',
        sensitive: false,
        standalone_question: request.lastUser,
      },
    };
  if (request.structured === 'grounding')
    return { json: { supported: 0.9, unsupported_claims: [], answers_question: true } };
  return `${'According to the help centre, this is how it works for your pay and your card, step by step, with the timing and the fees that apply. '.repeat(2)}It is all on the page cited here [1].`;
});

const epoch = (t: number | undefined) => performance.timeOrigin + (t ?? 0);
process.on('message', (message) => {
  if (message === 'timings') {
    const interval = (r: { receivedAt?: number; finishedAt?: number }) => [
      epoch(r.receivedAt),
      epoch(r.finishedAt),
    ];
    process.send?.({
      chat: fake.chatRequests.map(interval),
      embeddings: fake.embeddingRequests.map(interval),
    });
  } else if (message === 'stop') {
    void fake.close().then(() => process.exit(0));
  }
});
console.log(JSON.stringify({ url: fake.url }));
