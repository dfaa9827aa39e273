/**
 * Run by close.int.test.ts in its own process: starts the fake with a hung request and a paced
 * stream in flight, closes it, and must then let the process exit on its own. A timer or socket
 * left behind by close() keeps the process alive and fails the test.
 */
import { ChatOpenAI } from '@langchain/openai';
import { startFakeOpenAI } from './index';

const fake = await startFakeOpenAI({ firstTokenMs: 30_000, tokensPerSecond: 1 });
fake.hangNext();
const model = new ChatOpenAI({
  model: 'gpt-4o-mini',
  apiKey: 'test',
  maxRetries: 0,
  configuration: { baseURL: fake.url },
});
const hung = model.invoke('x').catch(() => 'rejected');
let streaming!: () => void;
const firstChunk = new Promise<void>((resolve) => {
  streaming = resolve;
});
const paced = (async () => {
  for await (const _ of await model.stream('y')) streaming();
})().catch(() => 'rejected');
await firstChunk;
await fake.close();
console.log(JSON.stringify([await hung, await paced]));
