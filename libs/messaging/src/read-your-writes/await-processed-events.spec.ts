import { awaitProcessedEvents } from './await-processed-events';

/** A consumer that processes one more id on each check, counting the checks. */
function slowConsumer(processedAfterChecks: Record<string, number>) {
  let checks = 0;
  return {
    get checks() {
      return checks;
    },
    processedAmong: (ids: readonly string[]) => {
      checks += 1;
      return Promise.resolve(
        new Set(ids.filter((id) => (processedAfterChecks[id] ?? Infinity) <= checks)),
      );
    },
  };
}

describe('awaiting the caller’s own events', () => {
  it('should return at once without a check when there is nothing to await', async () => {
    const consumer = slowConsumer({});
    await expect(
      awaitProcessedEvents({ ids: [], processedAmong: consumer.processedAmong, timeoutMs: 1000 }),
    ).resolves.toBe('seen');
    expect(consumer.checks).toBe(0);
  });

  it('should return after one check when every event is processed already', async () => {
    const consumer = slowConsumer({ a: 1, b: 1 });
    await expect(
      awaitProcessedEvents({
        ids: ['a', 'b'],
        processedAmong: consumer.processedAmong,
        timeoutMs: 1000,
      }),
    ).resolves.toBe('seen');
    expect(consumer.checks).toBe(1);
  });

  it('should wait until the last event is processed when they arrive one by one', async () => {
    const consumer = slowConsumer({ a: 2, b: 4 });
    await expect(
      awaitProcessedEvents({
        ids: ['a', 'b'],
        processedAmong: consumer.processedAmong,
        timeoutMs: 5000,
      }),
    ).resolves.toBe('seen');
    expect(consumer.checks).toBe(4);
  });

  it('should give up after the bound when an event never arrives', async () => {
    const consumer = slowConsumer({ a: 1 });
    const started = Date.now();
    await expect(
      awaitProcessedEvents({
        ids: ['a', 'never'],
        processedAmong: consumer.processedAmong,
        timeoutMs: 200,
      }),
    ).resolves.toBe('timed-out');
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(195);
    expect(waited).toBeLessThan(1000);
    // The pause doubles to 50 ms: a stuck consumer costs a handful of checks, not hundreds.
    expect(consumer.checks).toBeLessThan(15);
  });
});
