import { loadConfig, ServiceConfig } from '@polku/config';
import { DataSource } from 'typeorm';
import { dropDatabase, openServiceDataSource, serviceDataSourceOptions } from '../src';
import { serviceDatabaseName } from '../src';

// Issue 15 item 9: TypeORM's own logger printed a failed query with its parameters to the
// service's console (`PARAMETERS: ["010190-123A"]`), and PostgreSQL's message can quote a value
// too (`invalid input syntax for type uuid: "010190-123A"`). Identity codes travel as parameters.

const IDENTITY_CODE = '010190-123A';
const SERVICE = 'query-logging-test';
const serverUrl = process.env.POLKU_TEST_DATABASE_URL as string;
const prefix = `pt_${process.env.POLKU_TEST_RUN_ID as string}_${process.pid}_qlog`;
const config = loadConfig(ServiceConfig, {
  DATABASE_URL: serverUrl,
  DATABASE_NAME_PREFIX: prefix,
  DATABASE_CONNECT_RETRIES: '0',
});

/** Everything the process writes to stdout, stderr and the console while `run` runs. */
async function capturedOutput(run: () => Promise<unknown>): Promise<string> {
  const written: string[] = [];
  const capture = (chunk: unknown) => {
    written.push(String(chunk));
    return true;
  };
  const spies = [
    jest.spyOn(process.stdout, 'write').mockImplementation(capture),
    jest.spyOn(process.stderr, 'write').mockImplementation(capture),
    ...(['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      jest
        .spyOn(console, method)
        .mockImplementation((...args: unknown[]) => void capture(args.map(String).join(' '))),
    ),
  ];
  try {
    await run().catch(() => undefined);
    // Loggers may write on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  return written.join('');
}

describe('query logging', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openServiceDataSource({
      service: SERVICE,
      config,
      entities: [],
      migrations: [],
    });
    await dataSource.query('CREATE TABLE client_code (code text PRIMARY KEY, note text NOT NULL)');
    await dataSource.query('INSERT INTO client_code (code, note) VALUES ($1, $2)', [
      IDENTITY_CODE,
      'first',
    ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(serverUrl, serviceDatabaseName(prefix, SERVICE));
  });

  it('a failing query with an identity code as a parameter leaves no identity code in the log', async () => {
    const failures = [
      // A unique violation: PostgreSQL's detail names the key's value.
      () =>
        dataSource.query('INSERT INTO client_code (code, note) VALUES ($1, $2)', [
          IDENTITY_CODE,
          'again',
        ]),
      // A bad cast: PostgreSQL's message quotes the value.
      () => dataSource.query('SELECT $1::uuid AS id', [IDENTITY_CODE]),
      () => dataSource.manager.transaction((em) => em.query('SELECT $1::int', [IDENTITY_CODE])),
    ];

    for (const failure of failures) {
      const output = await capturedOutput(failure);

      // The positive control: the failure was logged, with the query and the error code.
      expect(output).toContain('query failed');
      expect(output).toMatch(/SQLSTATE (23505|22P02)/);
      expect(output).not.toContain(IDENTITY_CODE);
      expect(output).not.toContain('010190');
    }
  });

  it('should log a slow query without its parameters', async () => {
    const slow = new DataSource({
      ...serviceDataSourceOptions({ service: SERVICE, config, entities: [], migrations: [] }),
      maxQueryExecutionTime: 1,
    });
    await slow.initialize();
    try {
      const output = await capturedOutput(() =>
        slow.query('SELECT pg_sleep(0.02), $1::text AS code', [IDENTITY_CODE]),
      );

      expect(output).toContain('slow query');
      expect(output).toContain('pg_sleep');
      expect(output).not.toContain(IDENTITY_CODE);
    } finally {
      await slow.destroy();
    }
  });
});
