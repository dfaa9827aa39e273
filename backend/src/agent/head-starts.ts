/**
 * Head starts (connected mode): model calls a turn sends before the node that needs them runs,
 * so that the graph's own step cost overlaps the model's time instead of adding to the wait.
 * - The classification call leaves as the turn starts, while LangGraph is still setting up
 *   the run (about 5 ms a turn on our 2-core machine, measured with `pnpm bench:turn`).
 * - The grounding judgment leaves as soon as the answer's last token is in, not one graph
 *   step later when check_confidence runs.
 * The node that needs the work takes it by the turn's id, or does it itself when none was
 * started. Work nobody took is aborted when the turn ends.
 */

/** Started work of turns in flight, by turn id. */
export interface HeadStarts<T> {
  /**
   * Starts `work` for a turn. Its signal aborts when the turn's `signal` does (the caller went
   * away) or when the turn ends with the work not taken.
   */
  start(turnId: string, work: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): void;
  /** Takes the turn's started work (once); undefined when none was started. */
  take(turnId: string): Promise<T> | undefined;
  /** Aborts and forgets the turn's work if nobody took it. */
  drop(turnId: string): void;
  /** Started and not yet taken or dropped. */
  readonly size: number;
}

/** @example const judgments = createHeadStarts<Judged>() */
export function createHeadStarts<T>(): HeadStarts<T> {
  const started = new Map<string, { result: Promise<T>; controller: AbortController }>();
  return {
    start(turnId, work, signal) {
      const controller = new AbortController();
      const both = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
      // A synchronous throw becomes a rejection, delivered to whoever takes the work.
      const result = new Promise<T>((resolve) => resolve(work(both)));
      // Work nobody takes must not end the process with an unhandled rejection.
      result.catch(() => {});
      started.get(turnId)?.controller.abort();
      started.set(turnId, { result, controller });
    },
    take(turnId) {
      const entry = started.get(turnId);
      started.delete(turnId);
      return entry?.result;
    },
    drop(turnId) {
      started.get(turnId)?.controller.abort(new Error('head start not taken'));
      started.delete(turnId);
    },
    get size() {
      return started.size;
    },
  };
}
