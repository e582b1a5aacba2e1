import { CLIENT_REFERRED_V1 } from '@polku/contracts';
import { Savepoint } from '@polku/persistence';
import type { EntityManager } from 'typeorm';
import {
  backboneTestEnv,
  clientReferred,
  startReplica,
  type BackboneReplica,
} from './backbone-harness';

// The OutboxWriter holds a transaction's appends and writes them in one INSERT at the
// transaction's next boundary (OutboxFlushSubscriber). These tests pin what that must mean:
// exactly the events of the work that committed reach the outbox, whichever way the work was
// undone (TypeORM's nested transactions, or the savepoints of @polku/persistence as the consumer
// host and the timer poller use them).

describe('outbox writes at transaction boundaries', () => {
  let replica: BackboneReplica;

  beforeAll(async () => {
    replica = await startReplica(backboneTestEnv());
  });

  afterAll(async () => {
    await replica.close();
  });

  /** Appends one ClientReferred and names it, so the test can say which events survived. */
  async function append(em: EntityManager, names: Map<string, string>, name: string) {
    const envelope = await replica.writer.append(em, CLIENT_REFERRED_V1.subject, clientReferred());
    names.set(envelope.id, name);
  }

  /** The names of the outbox rows among `names`, in the order they were appended. */
  async function inOutbox(names: Map<string, string>): Promise<string[]> {
    const rows = await replica.dataSource.query<{ id: string }[]>(
      'SELECT id FROM outbox_message WHERE id = ANY($1::uuid[]) ORDER BY id',
      [[...names.keys()]],
    );
    return rows.map((row) => names.get(row.id) ?? row.id);
  }

  it('should write every event appended in a committed transaction, in append order', async () => {
    const names = new Map<string, string>();
    await replica.dataSource.transaction(async (em) => {
      for (const name of ['first', 'second', 'third']) {
        await append(em, names, name);
      }
    });

    expect(await inOutbox(names)).toEqual(['first', 'second', 'third']);
  });

  it('should drop the events appended after a savepoint that is rolled back to, and keep the rest', async () => {
    const names = new Map<string, string>();
    await replica.dataSource.transaction(async (em) => {
      await append(em, names, 'before the savepoint');
      const savepoint = new Savepoint(em, 'work');
      await savepoint.set();
      await append(em, names, 'rolled back');
      await savepoint.rollback();
      await append(em, names, 'after the rollback');
    });

    expect(await inOutbox(names)).toEqual(['before the savepoint', 'after the rollback']);
  });

  it('should keep the events of released savepoints, as the consumer host releases them', async () => {
    const names = new Map<string, string>();
    await replica.dataSource.transaction(async (em) => {
      const savepoint = new Savepoint(em, 'polku_event');
      await savepoint.set();
      await append(em, names, 'first handler');
      await savepoint.set();
      await append(em, names, 'second handler, failed');
      await savepoint.rollback();
      await savepoint.set();
      await append(em, names, 'third handler');
    });

    expect(await inOutbox(names)).toEqual(['first handler', 'third handler']);
  });

  it('should drop the events of a nested transaction that rolls back, and commit the outer ones', async () => {
    const names = new Map<string, string>();
    await replica.dataSource.transaction(async (em) => {
      await append(em, names, 'outer, before');
      await expect(
        em.transaction(async (nested) => {
          await append(nested, names, 'nested, rolled back');
          throw new Error('the nested work failed');
        }),
      ).rejects.toThrow('the nested work failed');
      await em.transaction(async (nested) => append(nested, names, 'nested, committed'));
      await append(em, names, 'outer, after');
    });

    expect(await inOutbox(names)).toEqual(['outer, before', 'nested, committed', 'outer, after']);
  });

  it('should write nothing when the transaction rolls back after a flushed savepoint', async () => {
    const names = new Map<string, string>();
    await expect(
      replica.dataSource.transaction(async (em) => {
        await append(em, names, 'flushed at the savepoint');
        await new Savepoint(em, 'work').set();
        await append(em, names, 'still held');
        throw new Error('the business rule failed');
      }),
    ).rejects.toThrow('the business rule failed');

    expect(await inOutbox(names)).toEqual([]);
    // Nothing held back either: the next transaction on any connection writes only its own.
    const next = new Map<string, string>();
    await replica.dataSource.transaction(async (em) => append(em, next, 'next'));
    expect(await inOutbox(new Map([...names, ...next]))).toEqual(['next']);
  });
});
