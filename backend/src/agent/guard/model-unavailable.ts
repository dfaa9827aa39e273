import type { FallbackReason } from '../types';

/**
 * A model call that did not (or could not) happen: the agent answers the rest of the turn
 * offline and records `reason` as the trace's FallbackReason. Not an AppError on purpose:
 * it never reaches the HTTP layer, the graph catches it.
 * @example throw new ModelUnavailableError('circuit_open')
 */
export class ModelUnavailableError extends Error {
  override readonly name = 'ModelUnavailableError';
  readonly reason: FallbackReason;

  constructor(reason: FallbackReason, options: { cause?: unknown } = {}) {
    super(`Model unavailable: ${reason}`, { cause: options.cause });
    this.reason = reason;
  }
}

/** True for our error, also across module copies (checks the name, not only the prototype). */
export function isModelUnavailable(value: unknown): value is ModelUnavailableError {
  return (
    value instanceof ModelUnavailableError ||
    (value instanceof Error && value.name === 'ModelUnavailableError' && 'reason' in value)
  );
}

/**
 * What went wrong with a provider call, from the error the OpenAI client (through LangChain)
 * threw: HTTP 429 is the provider's rate limit, the client's own timeout (LangChain renames
 * the OpenAI timeout error `TimeoutError`) is a timeout, anything else is a provider error.
 * LangChain keeps the OpenAI error's `status` and tags a 429 with `MODEL_RATE_LIMIT`.
 */
export function providerFailureReason(error: unknown): FallbackReason {
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout';
  if (typeof error === 'object' && error !== null) {
    const { status, lc_error_code } = error as { status?: unknown; lc_error_code?: unknown };
    if (status === 429 || lc_error_code === 'MODEL_RATE_LIMIT') return 'rate_limited';
  }
  return 'provider_error';
}
