import type { QueryRunner } from 'typeorm';
import { WrittenEvents } from './written-events';

/** The two facts of a connection the collection reads: is a transaction open, how deep. */
function connection(): QueryRunner & { transactionDepth: number } {
  return { isTransactionActive: true, transactionDepth: 1 } as unknown as QueryRunner & {
    transactionDepth: number;
  };
}

const event = (id: string) => ({ id, subject: `polku.intake.test.${id}.v1` });

describe('the events a request wrote', () => {
  it('should name an event once its transaction commits when the request appended one', () => {
    const written = new WrittenEvents();
    const runner = connection();
    written.appended(runner, event('a'));
    expect(written.list()).toEqual([]);
    written.committedTo(runner, 0);
    expect(written.list()).toEqual([event('a')]);
  });

  it('should name no event when its transaction rolls back', () => {
    const written = new WrittenEvents();
    const runner = connection();
    written.appended(runner, event('a'));
    written.rolledBackTo(runner, 0);
    written.committedTo(runner, 0);
    expect(written.list()).toEqual([]);
  });

  it('should drop what a nested transaction appended when it rolls back, and keep the rest', () => {
    const written = new WrittenEvents();
    const runner = connection();
    written.appended(runner, event('outer'));
    runner.transactionDepth = 2;
    written.appended(runner, event('inner'));
    written.rolledBackTo(runner, 1);
    written.committedTo(runner, 0);
    expect(written.list()).toEqual([event('outer')]);
  });

  it('should keep a released nested transaction’s events with the outer one, which decides', () => {
    const released = new WrittenEvents();
    const runner = connection();
    runner.transactionDepth = 2;
    released.appended(runner, event('inner'));
    released.committedTo(runner, 1);
    released.rolledBackTo(runner, 0);
    expect(released.list()).toEqual([]);

    const kept = new WrittenEvents();
    kept.appended(runner, event('inner'));
    kept.committedTo(runner, 1);
    kept.committedTo(runner, 0);
    expect(kept.list()).toEqual([event('inner')]);
  });

  it('should undo what was appended after a Savepoint when the request rolls back to it', () => {
    const written = new WrittenEvents();
    const runner = connection();
    written.appended(runner, event('before'));
    written.savepointSet(runner);
    written.appended(runner, event('after'));
    written.savepointRolledBack(runner);
    written.committedTo(runner, 0);
    expect(written.list()).toEqual([event('before')]);
  });

  it('should keep the events of two transactions of one request apart, in order', () => {
    const written = new WrittenEvents();
    const first = connection();
    const second = connection();
    written.appended(first, event('1'));
    written.appended(second, event('2'));
    written.rolledBackTo(second, 0);
    written.committedTo(first, 0);
    expect(written.list()).toEqual([event('1')]);
  });
});
