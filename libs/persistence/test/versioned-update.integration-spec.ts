import { decodeCursor, pageFromRows, type CursorPosition } from '@polku/contracts';
import type { DataSource } from 'typeorm';
import {
  applyKeysetPage,
  keysetSql,
  PreconditionFailedError,
  RowNotFoundError,
  versionedUpdate,
} from '../src';
import { openScratchDatabase, type ScratchDatabase } from './scratch-database';

interface ThingRow {
  id: string;
  name: string;
  notes: string | null;
  version: number;
}

describe('versioned updates and keyset pages against PostgreSQL', () => {
  let db: ScratchDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await openScratchDatabase('versioned');
    dataSource = db.dataSource;
    await dataSource.query(`
      CREATE TABLE thing (
        id text PRIMARY KEY,
        name text NOT NULL,
        notes text,
        version integer NOT NULL DEFAULT 1
      )`);
    await dataSource.query(`
      CREATE TABLE listed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        created_at timestamptz NOT NULL,
        rank integer NOT NULL
      )`);
  });

  afterAll(async () => {
    await db?.close();
  });

  let things = 0;
  async function newThing(overrides: Partial<ThingRow> = {}): Promise<ThingRow> {
    things += 1;
    const row = { id: `thing-${things}`, name: 'Aino', notes: null, version: 1, ...overrides };
    await dataSource.query('INSERT INTO thing (id, name, notes, version) VALUES ($1, $2, $3, $4)', [
      row.id,
      row.name,
      row.notes,
      row.version,
    ]);
    return row;
  }

  const stored = async (id: string): Promise<ThingRow> =>
    (await dataSource.query<ThingRow[]>('SELECT * FROM thing WHERE id = $1', [id]))[0];

  describe('versionedUpdate', () => {
    it('should change the row and increment its version when the expected version is current', async () => {
      const thing = await newThing({ version: 3 });

      const updated = await versionedUpdate<ThingRow>(dataSource, {
        table: 'thing',
        id: thing.id,
        expectedVersion: 3,
        set: { name: 'Eino', notes: 'moved' },
      });

      expect(updated).toEqual({ id: thing.id, name: 'Eino', notes: 'moved', version: 4 });
      expect(await stored(thing.id)).toEqual(updated);
    });

    it('should throw PreconditionFailedError and change nothing when the version is stale', async () => {
      const thing = await newThing({ version: 5 });

      const stale = versionedUpdate(dataSource, {
        table: 'thing',
        id: thing.id,
        expectedVersion: 4,
        set: { name: 'Overwritten' },
      });

      await expect(stale).rejects.toBeInstanceOf(PreconditionFailedError);
      await expect(stale).rejects.toMatchObject({
        code: 'PRECONDITION_FAILED',
        expectedVersion: 4,
        currentVersion: 5,
      });
      expect(await stored(thing.id)).toEqual(thing);
    });

    it('should throw RowNotFoundError when no row has the id', async () => {
      await expect(
        versionedUpdate(dataSource, {
          table: 'thing',
          id: 'no-such-thing',
          expectedVersion: 1,
          set: { name: 'x' },
        }),
      ).rejects.toBeInstanceOf(RowNotFoundError);
    });

    it('should let exactly one of ten concurrent writers of the same version win', async () => {
      const thing = await newThing();

      const results = await Promise.allSettled(
        Array.from({ length: 10 }, (_, writer) =>
          versionedUpdate<ThingRow>(dataSource, {
            table: 'thing',
            id: thing.id,
            expectedVersion: 1,
            set: { name: `writer-${writer}` },
          }),
        ),
      );

      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter(
        (result): result is PromiseRejectedResult => result.status === 'rejected',
      );
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(9);
      expect(lost.every((result) => result.reason instanceof PreconditionFailedError)).toBe(true);
      const after = await stored(thing.id);
      expect(after.version).toBe(2);
      expect(after.name).toBe((won[0] as PromiseFulfilledResult<ThingRow>).value.name);
    });

    it('should roll back with the transaction when run through its EntityManager', async () => {
      const thing = await newThing();

      await expect(
        dataSource.transaction(async (manager) => {
          await versionedUpdate(manager, {
            table: 'thing',
            id: thing.id,
            expectedVersion: 1,
            set: { name: 'Temporary' },
          });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');

      expect(await stored(thing.id)).toEqual(thing);
    });

    it('should store values as given when they look like SQL', async () => {
      const thing = await newThing();
      const text = "x'; UPDATE thing SET version = 99; --";

      await versionedUpdate(dataSource, {
        table: 'thing',
        id: thing.id,
        expectedVersion: 1,
        set: { notes: text },
      });

      expect(await stored(thing.id)).toMatchObject({ notes: text, version: 2 });
    });

    it.each([
      ['a table name that is not an identifier', { table: 'thing; DROP TABLE thing' }],
      ['a column name that is not an identifier', { set: { 'name = 1 --': 'x' } }],
      ['a change of the version column', { set: { version: 10 } }],
      ['a negative expected version', { expectedVersion: -1 }],
    ])('should refuse %s before touching the database', async (_label, override) => {
      const thing = await newThing();

      await expect(
        versionedUpdate(dataSource, {
          table: 'thing',
          id: thing.id,
          expectedVersion: 1,
          set: { name: 'x' },
          ...override,
        }),
      ).rejects.toBeInstanceOf(TypeError);
      expect(await stored(thing.id)).toEqual(thing);
    });
  });

  describe('keyset pages', () => {
    interface ListedRow {
      id: string;
      sort_key: string;
    }

    beforeAll(async () => {
      // 60 rows, three per timestamp (ties broken by id), with microseconds that a JS Date
      // would lose.
      await dataSource.query(`
        INSERT INTO listed (created_at, rank)
        SELECT timestamptz '2025-03-01 08:00:00.123456+00' + (n / 3) * interval '1.000001 second', n
          FROM generate_series(0, 59) AS n`);
    });

    async function allInOrder(direction: 'ASC' | 'DESC'): Promise<string[]> {
      const rows = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM listed ORDER BY created_at ${direction}, id ${direction}`,
      );
      return rows.map((row) => row.id);
    }

    const positionOf = (row: ListedRow): CursorPosition => ({ key: row.sort_key, id: row.id });

    async function pageThroughRawSql(direction: 'ASC' | 'DESC'): Promise<string[][]> {
      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const after: CursorPosition | undefined =
          cursor === null ? undefined : decodeCursor(cursor);
        const page = keysetSql({
          sortColumn: 'created_at',
          idColumn: 'id',
          direction,
          after,
          limit: 25,
          firstParameter: 2,
        });
        const rows = await dataSource.query<ListedRow[]>(
          `SELECT id, created_at::text AS sort_key FROM listed
            WHERE rank >= $1 AND ${page.where} ORDER BY ${page.orderBy} ${page.limit}`,
          [0, ...page.parameters],
        );
        const result = pageFromRows({ rows, limit: 25, positionOf });
        pages.push(result.items.map((row) => row.id));
        cursor = result.nextCursor;
      } while (cursor !== null && pages.length < 10);
      return pages;
    }

    it.each(['ASC', 'DESC'] as const)(
      'should return every row exactly once in %s order when paging raw SQL by 25',
      async (direction) => {
        const pages = await pageThroughRawSql(direction);

        expect(pages.map((page) => page.length)).toEqual([25, 25, 10]);
        expect(pages.flat()).toEqual(await allInOrder(direction));
      },
    );

    it('should return every row exactly once in order when paging a query builder by 25', async () => {
      const pages: string[][] = [];
      let after: CursorPosition | undefined;
      do {
        const query = dataSource
          .createQueryBuilder()
          .select('l.id', 'id')
          .addSelect('l.created_at::text', 'sort_key')
          .from('listed', 'l');
        const rows = await applyKeysetPage(query, {
          sortColumn: 'l.created_at',
          idColumn: 'l.id',
          after,
          limit: 25,
        }).getRawMany<ListedRow>();
        const result = pageFromRows({ rows, limit: 25, positionOf });
        pages.push(result.items.map((row) => row.id));
        after = result.nextCursor === null ? undefined : decodeCursor(result.nextCursor);
      } while (after !== undefined && pages.length < 10);

      expect(pages.map((page) => page.length)).toEqual([25, 25, 10]);
      expect(pages.flat()).toEqual(await allInOrder('ASC'));
    });
  });
});
