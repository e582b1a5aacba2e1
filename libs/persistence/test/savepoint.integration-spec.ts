import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { listenToSavepoints, Savepoint, withSavepoint, type SavepointListener } from '../src';
import { openScratchDatabase, type ScratchDatabase } from './scratch-database';

/**
 * Holds names back and writes them at savepoint boundaries, as the outbox holds events: what it
 * wrote is in the database, what it held when rolled back to a savepoint is gone.
 */
class HeldNames implements SavepointListener {
  readonly boundaries: string[] = [];
  private held: string[] = [];

  hold(runner: QueryRunner, name: string): void {
    listenToSavepoints(runner, this);
    this.held.push(name);
  }

  async flush(runner: QueryRunner): Promise<void> {
    this.boundaries.push('flush');
    const names = this.held;
    this.held = [];
    for (const name of names) {
      await runner.query('INSERT INTO named (name) VALUES ($1)', [name]);
    }
  }

  discard(): void {
    this.boundaries.push('discard');
    this.held = [];
  }
}

describe('savepoints against PostgreSQL', () => {
  let db: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await openScratchDatabase('savepoint');
    dataSource = db.dataSource;
    await dataSource.query('CREATE TABLE named (name text NOT NULL)');
  });

  afterAll(async () => {
    await db?.close();
  });

  beforeEach(async () => {
    await dataSource.query('DELETE FROM named');
  });

  async function insert(em: EntityManager, name: string): Promise<void> {
    await em.query('INSERT INTO named (name) VALUES ($1)', [name]);
  }

  async function stored(): Promise<string[]> {
    const rows = await dataSource.query<{ name: string }[]>('SELECT name FROM named ORDER BY name');
    return rows.map((row) => row.name);
  }

  it('should keep the work of withSavepoint when it succeeds and undo it when it throws', async () => {
    await dataSource.transaction(async (em) => {
      await insert(em, 'a before');
      await expect(
        withSavepoint(em, { name: 'step', work: async () => insert(em, 'b kept') }),
      ).resolves.toBeUndefined();
      await expect(
        withSavepoint(em, {
          name: 'step',
          work: async () => {
            await insert(em, 'c undone');
            throw new Error('the step failed');
          },
        }),
      ).rejects.toThrow('the step failed');
      await insert(em, 'd after');
    });

    expect(await stored()).toEqual(['a before', 'b kept', 'd after']);
  });

  it('should keep the transaction usable after a database error inside withSavepoint', async () => {
    await dataSource.transaction(async (em) => {
      await expect(
        withSavepoint(em, { name: 'step', work: () => em.query('SELECT 1 / 0') }),
      ).rejects.toThrow('division by zero');
      await insert(em, 'after the error');
    });

    expect(await stored()).toEqual(['after the error']);
  });

  it('should keep the work since the last set when a savepoint is set again, and roll back only to the new one', async () => {
    await dataSource.transaction(async (em) => {
      const savepoint = new Savepoint(em, 'polku_event');
      await savepoint.set();
      await insert(em, 'a first');
      await savepoint.set();
      await insert(em, 'b second, undone');
      await savepoint.rollback();
      await savepoint.set();
      await insert(em, 'c third');
    });

    expect(await stored()).toEqual(['a first', 'c third']);
  });

  it('should tell listeners to flush before a savepoint is set or released and to discard on a rollback to it', async () => {
    const held = new HeldNames();
    await dataSource.transaction(async (em) => {
      const runner = em.queryRunner as QueryRunner;
      held.hold(runner, 'a held before the savepoint');
      const savepoint = new Savepoint(em, 'work');
      await savepoint.set();
      held.hold(runner, 'b held, rolled back');
      await savepoint.rollback();
      held.hold(runner, 'c held, released');
      await savepoint.release();
      held.hold(runner, 'd held, never flushed');
    });

    expect(held.boundaries).toEqual(['flush', 'discard', 'flush']);
    expect(await stored()).toEqual(['a held before the savepoint', 'c held, released']);
  });

  it('should refuse a savepoint outside a transaction or with a name that is not a plain identifier', async () => {
    expect(() => new Savepoint(dataSource.manager, 'work')).toThrow('inside a transaction');
    await dataSource.transaction(async (em) => {
      expect(() => new Savepoint(em, 'work; DROP TABLE named')).toThrow('identifier');
      await expect(new Savepoint(em, 'work').release()).rejects.toThrow('is not set');
    });
  });
});
