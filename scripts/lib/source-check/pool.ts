/**
 * Runs jobs a few at a time: at most `concurrency` at once overall and at
 * most `perKey` at once for one key (a host name), so no site gets more than
 * one request from us at a time.
 */
export interface PoolOptions {
  readonly concurrency: number;
  readonly perKey: number;
}

export function runPool<T, R>(
  items: readonly T[],
  keyOf: (item: T) => string,
  run: (item: T) => Promise<R>,
  { concurrency, perKey }: PoolOptions,
): Promise<R[]> {
  const limit = Math.max(1, Math.floor(concurrency));
  const keyLimit = Math.max(1, Math.floor(perKey));
  const results = new Array<R>(items.length);
  const waiting = items.map((item, index) => ({ item, index, key: keyOf(item) }));
  const busy = new Map<string, number>();
  let running = 0;

  return new Promise((resolve, reject) => {
    let failed = false;
    const next = (): void => {
      if (failed) return;
      if (waiting.length === 0 && running === 0) {
        resolve(results);
        return;
      }
      while (running < limit) {
        const position = waiting.findIndex(({ key }) => (busy.get(key) ?? 0) < keyLimit);
        if (position === -1) return;
        const [job] = waiting.splice(position, 1);
        if (!job) return;
        running += 1;
        busy.set(job.key, (busy.get(job.key) ?? 0) + 1);
        run(job.item).then(
          (result) => {
            results[job.index] = result;
            running -= 1;
            busy.set(job.key, (busy.get(job.key) ?? 1) - 1);
            next();
          },
          (error: unknown) => {
            failed = true;
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    };
    next();
  });
}
