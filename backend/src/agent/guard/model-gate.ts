/**
 * Every model call goes through one gate: the tenant's monthly budget, a circuit breaker
 * (cockatiel), the process-wide call rate (p-throttle) and a timeout. When any of them says
 * no, the call throws ModelUnavailableError and the agent answers offline (issue 13 item 2:
 * the user always gets an answer).
 */
import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  IsolatedCircuitError,
  isBrokenCircuitError,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
} from 'cockatiel';
import type { Logger } from 'pino';
import type { UsageRepository } from '../../store/types';
import type { Budget } from '../cost/budget';
import type { ModelUsage } from '../types';
import { createCallRate } from './call-rate';
import {
  isModelUnavailable,
  ModelUnavailableError,
  providerFailureReason,
} from './model-unavailable';

export type CircuitStatus = 'closed' | 'open' | 'half_open';

export interface ModelGate {
  /**
   * Runs one model call under the breaker, call-rate limit, timeout and the tenant's budget;
   * throws ModelUnavailableError (never calls) when the breaker is open or the budget is spent.
   * `call` must hand the signal to the client (`{ signal }` on ChatOpenAI) and resolve only
   * once the whole answer is in (the timeout covers all of it): the signal aborts on timeout.
   * When `options.signal` (the caller went away) aborts, its reason is thrown as is.
   */
  run<T>(
    tenantId: string,
    call: (signal: AbortSignal) => Promise<T>,
    options?: { signal?: AbortSignal },
  ): Promise<T>;
  /** Record what a call cost (the meter the budget reads; see `ModelGateOptions.usage`). */
  record(tenantId: string, usage: ModelUsage): Promise<void>;
  /** The breaker, for /readyz. 'open' until a call after `resetMs` tries the provider again. */
  state(): { circuit: CircuitStatus };
}

export interface ModelGateOptions {
  /** Consecutive failures (provider errors, timeouts) that open it; how long it stays open. */
  breaker: { failures: number; resetMs: number };
  callsPerMinute: number;
  /** Per call, and the longest a call may wait for a call-rate slot. */
  timeoutMs: number;
  budget: Budget;
  /**
   * Where `record` meters each call as it completes (the provider bills it whether or not
   * the turn commits). Leave it out when run-turn writes usage in the turn's transaction
   * instead (`store.usage.write` in `extraWrites`): never both, or spending counts twice.
   */
  usage?: Pick<UsageRepository, 'add'>;
  logger: Logger;
  now?: () => Date;
}

/**
 * cockatiel 3.2.1's own `isTaskCancelledError` (and `isIsolatedCircuitError`) test for
 * `isBulkheadRejectedError`, so they are false for every timeout; check what the error carries.
 */
function isTimedOut(error: unknown): boolean {
  return (
    error instanceof TaskCancelledError ||
    (error instanceof Error &&
      (error as { isTaskCancelledError?: unknown }).isTaskCancelledError === true)
  );
}

/** Thrown inside the breaker when the caller gave up, so it does not count as a failure. */
class CallerAborted extends Error {
  override readonly name = 'CallerAborted';
}

const CIRCUIT: Record<CircuitState, CircuitStatus> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'open',
};

/**
 * @example const gate = createModelGate({ breaker: config.breaker, callsPerMinute:
 *   config.modelCallsPerMinute, timeoutMs: config.openai.timeoutMs, budget, usage: store.usage, logger })
 */
export function createModelGate(options: ModelGateOptions): ModelGate {
  const now = options.now ?? (() => new Date());
  const rate = createCallRate({ callsPerMinute: options.callsPerMinute });
  // Our own refusals (budget, local queue) and the caller leaving say nothing about the provider.
  const breaker = circuitBreaker(
    handleWhen((e) => !isModelUnavailable(e) && !(e instanceof CallerAborted)),
    {
      halfOpenAfter: options.breaker.resetMs,
      breaker: new ConsecutiveBreaker(options.breaker.failures),
    },
  );
  // abortOnReturn off: then an aborted call signal means "timed out", whatever the call threw.
  const deadline = timeout(options.timeoutMs, {
    strategy: TimeoutStrategy.Aggressive,
    abortOnReturn: false,
  });
  // Facts only: provider error messages can echo request content.
  breaker.onBreak(() => options.logger.warn({ circuit: 'open' }, 'model circuit opened'));
  breaker.onReset(() => options.logger.info({ circuit: 'closed' }, 'model circuit closed'));

  return {
    async run(tenantId, call, runOptions = {}) {
      const { signal } = runOptions;
      const budget = await options.budget.check(tenantId, now());
      if (budget.state === 'exhausted') throw new ModelUnavailableError('budget_exhausted');
      try {
        return await breaker.execute(async () => {
          let callSignal: AbortSignal | undefined;
          try {
            await rate.acquire(options.timeoutMs, signal);
            return await deadline.execute((context) => {
              callSignal = context.signal;
              return call(context.signal);
            }, signal);
          } catch (error) {
            if (signal?.aborted) throw new CallerAborted('caller aborted', { cause: error });
            // A client that honours the signal rejects with its own abort error before
            // cockatiel's timeout error wins the race; it is still our timeout.
            if (callSignal?.aborted && !isTimedOut(error)) throw new TaskCancelledError();
            throw error;
          }
        });
      } catch (error) {
        if (error instanceof CallerAborted) throw signal?.reason ?? error;
        if (isModelUnavailable(error)) throw error;
        if (isBrokenCircuitError(error) || error instanceof IsolatedCircuitError) {
          throw new ModelUnavailableError('circuit_open', { cause: error });
        }
        if (isTimedOut(error)) throw new ModelUnavailableError('timeout', { cause: error });
        throw new ModelUnavailableError(providerFailureReason(error), { cause: error });
      }
    },
    async record(tenantId, usage) {
      const at = now();
      await options.usage?.add(tenantId, usage, at);
      // Sends the 80% notice as soon as a call crosses it, not at the tenant's next turn.
      await options.budget.check(tenantId, at);
    },
    state: () => ({ circuit: CIRCUIT[breaker.state] }),
  };
}
