/**
 * The process-wide cap on outgoing model calls (§5.2 of the design document: 3,500 a minute
 * by default), on p-throttle. A call that would wait in the local queue longer than the
 * caller can afford fails fast as `rate_limited` (the turn answers offline) instead of
 * piling up behind a queue that only grows.
 */
import pThrottle from 'p-throttle';
import { ModelUnavailableError } from './model-unavailable';

export interface CallRate {
  /**
   * Resolves when the call may start. Throws ModelUnavailableError('rate_limited') when the
   * wait would exceed `maxWaitMs`, and the signal's reason when the caller gives up first.
   */
  acquire(maxWaitMs: number, signal?: AbortSignal): Promise<void>;
  /** Calls waiting for a slot now. */
  queued(): number;
}

/**
 * Windows of at least a second (p-throttle's windowed mode), so a burst of turns starts at
 * once instead of being spaced 17 ms apart; the limit per window is rounded down, so the
 * per-minute rate is never exceeded (3,500 a minute: 58 a second, 3,480 a minute).
 */
export function throttleWindow(callsPerMinute: number): { limit: number; interval: number } {
  const perMinute = Math.max(1, callsPerMinute);
  const interval = Math.max(1000, Math.ceil(60_000 / perMinute));
  return { limit: Math.max(1, Math.floor((perMinute * interval) / 60_000)), interval };
}

interface Ticket {
  cancelled: boolean;
}

/** @example const rate = createCallRate({ callsPerMinute: config.modelCallsPerMinute }) */
export function createCallRate(options: { callsPerMinute: number }): CallRate {
  const { limit, interval } = throttleWindow(options.callsPerMinute);
  // The throttled function only hands out the slot; the model call runs outside it, so a
  // cancelled waiter uses up its slot without calling anything.
  const slot = pThrottle({ limit, interval })((ticket: Ticket) => !ticket.cancelled);

  return {
    queued: () => slot.queueSize,
    async acquire(maxWaitMs, signal) {
      signal?.throwIfAborted();
      // Anyone queued means this window is full: we wait for the next one plus a window per
      // `limit` callers ahead (an upper bound, by at most one window). With nobody queued the
      // window may still be full, which the deadline below catches.
      const waiting = slot.queueSize;
      const wait = waiting === 0 ? 0 : (Math.floor(waiting / limit) + 1) * interval;
      if (wait > maxWaitMs) throw new ModelUnavailableError('rate_limited');

      const ticket: Ticket = { cancelled: false };
      let timer: ReturnType<typeof setTimeout> | undefined;
      let onAbort: (() => void) | undefined;
      const gaveUp = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new ModelUnavailableError('rate_limited')), maxWaitMs);
        onAbort = () => reject(signal?.reason);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        await Promise.race([slot(ticket), gaveUp]);
      } catch (error) {
        ticket.cancelled = true;
        throw error;
      } finally {
        clearTimeout(timer);
        if (onAbort) signal?.removeEventListener('abort', onAbort);
      }
    },
  };
}
