/** Runs tasks one after another, in the order they were queued. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(task) {
      const result = tail.then(task);
      // The next task waits for this one whether it succeeded or failed.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

/** Runs at most `limit` tasks at a time. */
export function createSemaphore(limit: number): SerialQueue {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    async run(task) {
      if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next waiter so a newcomer cannot jump in between.
        const next = waiting.shift();
        if (next) next();
        else active--;
      }
    },
  };
}

/** One task at a time per key (e.g. per document), different keys in parallel. */
export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createKeyedLock(): KeyedLock {
  const queues = new Map<string, SerialQueue>();
  const pending = new Map<string, number>();
  return {
    async run(key, task) {
      const queue = queues.get(key) ?? createSerialQueue();
      queues.set(key, queue);
      pending.set(key, (pending.get(key) ?? 0) + 1);
      try {
        return await queue.run(task);
      } finally {
        const left = (pending.get(key) ?? 1) - 1;
        if (left === 0) {
          pending.delete(key);
          queues.delete(key);
        } else pending.set(key, left);
      }
    },
  };
}
