/**
 * Answer drafts (connected mode): a worker's first question is nearly always classified as a
 * plain question, so classify starts writing its answer from the prefetched passages while the
 * classification is still on its way, instead of one model round trip after it. Nothing of a
 * draft reaches the worker until generate claims it, which it does only when the classification
 * agreed and retrieve found the same passages; any other turn cancels the draft (its request is
 * aborted) and the record node cancels whatever is left. Saves the classification's round trip
 * (about half a second with gpt-4o-mini) from the wait for the first token.
 *
 * Trade-off: a cancelled draft may already have spent some output tokens that no usage chunk
 * reports (the stream is cut before its end); the gate still counted the call against the rate.
 */
import type { AIMessageChunk } from '@langchain/core/messages';
import type { ModelUsage } from './types';

/** What a draft's model call settles to. */
export interface DraftResult {
  usage: ModelUsage[];
}

/** How a draft is written, once its passages are known. */
export interface DraftPlan {
  /** The passages it is written from, as one key (see `passagesKey`). */
  passages: string;
  /** Runs the model call, handing each chunk to `push`; `signal` is aborted by `cancel`. */
  write(signal: AbortSignal, push: (chunk: AIMessageChunk) => void): Promise<DraftResult>;
}

/** A draft being written: its chunks so far are kept until someone relays them. */
export interface AnswerDraft {
  /** Its passages' key once known; null when no draft was written (no passages, say). */
  passages: Promise<string | null>;
  /**
   * Hands the chunks written so far to `onChunk`, then each new one as it arrives; settles
   * when the model call does (rejects as it does, so the caller falls back as for any call).
   */
  relay(onChunk: (chunk: AIMessageChunk) => void): Promise<DraftResult>;
  cancel(): void;
}

/** The drafts of turns in flight, by turn id. */
export interface AnswerDrafts {
  /**
   * Starts a draft for a turn. `plan` finds its passages (null: write none); its signal, and
   * the model call's, are aborted by `cancel`.
   */
  start(turnId: string, plan: (signal: AbortSignal) => Promise<DraftPlan | null>): void;
  /** Takes the turn's draft (once); undefined when there is none. */
  claim(turnId: string): AnswerDraft | undefined;
  /** Cancels the turn's draft, if it has one nobody claimed. */
  cancel(turnId: string): void;
  /** Drafts started and not yet claimed or cancelled. */
  readonly size: number;
}

/** The key a draft and a retrieval are compared by: the passages' ids, in rank order. */
export function passagesKey(hits: ReadonlyArray<{ chunkId: string }>): string {
  return hits.map((h) => h.chunkId).join('\n');
}

function startDraft(plan: (signal: AbortSignal) => Promise<DraftPlan | null>): AnswerDraft {
  const controller = new AbortController();
  const buffered: AIMessageChunk[] = [];
  let listener: ((chunk: AIMessageChunk) => void) | null = null;
  const push = (chunk: AIMessageChunk) => {
    if (listener) listener(chunk);
    else buffered.push(chunk);
  };
  const planned = plan(controller.signal).then(
    (p) => (controller.signal.aborted ? null : p),
    () => null,
  );
  const done = planned.then((p) =>
    p ? p.write(controller.signal, push) : ({ usage: [] } satisfies DraftResult),
  );
  // An unclaimed draft's failure is nobody's business; a claimed one rethrows through relay.
  done.catch(() => {});
  return {
    passages: planned.then((p) => p?.passages ?? null),
    relay(onChunk) {
      for (const chunk of buffered.splice(0)) onChunk(chunk);
      listener = onChunk;
      return done;
    },
    cancel() {
      controller.abort(new Error('answer draft cancelled'));
    },
  };
}

/** @example const drafts = createAnswerDrafts() */
export function createAnswerDrafts(): AnswerDrafts {
  const drafts = new Map<string, AnswerDraft>();
  return {
    start(turnId, plan) {
      drafts.get(turnId)?.cancel();
      drafts.set(turnId, startDraft(plan));
    },
    claim(turnId) {
      const draft = drafts.get(turnId);
      drafts.delete(turnId);
      return draft;
    },
    cancel(turnId) {
      drafts.get(turnId)?.cancel();
      drafts.delete(turnId);
    },
    get size() {
      return drafts.size;
    },
  };
}
