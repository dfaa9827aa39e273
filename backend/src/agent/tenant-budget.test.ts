/**
 * The monthly AI budget is the tenant's own when it has one (`tenant update --ai-budget-usd`),
 * else the configured default: checked through the model gate, which refuses before calling.
 */
import pino from 'pino';
import { afterEach, expect, it } from 'vitest';
import { createTestDeps, type Deps } from '../deps';
import { createEmbedder } from '../knowledge/embedding/create-embedder';
import { createConfiguredAgent } from './create-configured-agent';

let deps: Deps;
afterEach(async () => {
  await deps.close();
});

it('refuses model calls once a tenant passes its own budget, not the default', async () => {
  // Never contacted: the test's calls are local functions run through the gate.
  deps = await createTestDeps({
    OPENAI_BASE_URL: 'http://127.0.0.1:9/v1',
    WAGECHAT_AI_BUDGET_USD: '40',
  });
  for (const [id, aiBudgetUsd] of [
    ['frugal', 0.5],
    ['standard', null],
  ] as const) {
    await deps.store.tenants.upsert({
      id,
      name: id,
      allowedOrigins: [],
      allowLocalhost: false,
      aiBudgetUsd,
    });
    await deps.store.usage.add(
      id,
      { model: 'gpt-4o-mini', inputTokens: 1, outputTokens: 1, costUsd: 1 },
      new Date(),
    );
  }
  const { gate } = createConfiguredAgent(deps.config, {
    store: deps.store,
    knowledge: deps.knowledge,
    accounts: null,
    embedder: createEmbedder(null),
    logger: pino({ level: 'silent' }),
  });
  let calls = 0;
  const call = async () => ++calls;
  await expect(gate?.run('frugal', call)).rejects.toMatchObject({ reason: 'budget_exhausted' });
  expect(calls).toBe(0);
  await expect(gate?.run('standard', call)).resolves.toBe(1);
});
