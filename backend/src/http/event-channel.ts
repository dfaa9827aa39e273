/**
 * A one-producer, one-consumer queue of events that the producer can end with an error.
 * The chat route uses it to decouple the turn (which always runs to the end and stores its
 * answer) from the SSE writer (which may lose its client at any point).
 */
export interface EventChannel<T> extends AsyncIterable<T> {
  push(event: T): void;
  /** Ends the stream; with an error, the consumer's next read rejects with it. */
  close(error?: unknown): void;
}

export function createEventChannel<T>(): EventChannel<T> {
  const buffer: T[] = [];
  let closed = false;
  let failure: { error: unknown } | null = null;
  let waiting: (() => void) | null = null;
  const wake = () => {
    waiting?.();
    waiting = null;
  };
  return {
    push(event) {
      if (closed) return;
      buffer.push(event);
      wake();
    },
    close(error) {
      if (closed) return;
      closed = true;
      if (error !== undefined) failure = { error };
      wake();
    },
    async *[Symbol.asyncIterator]() {
      while (true) {
        const event = buffer.shift();
        if (event !== undefined) {
          yield event;
          continue;
        }
        if (closed) {
          if (failure) throw failure.error;
          return;
        }
        await new Promise<void>((resolve) => {
          waiting = resolve;
        });
      }
    },
  };
}
