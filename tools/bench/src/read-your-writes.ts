// What read-your-own-writes adds to a request (docs/performance.md, "Read your own writes"):
// SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/src/read-your-writes.ts
// Needs PostgreSQL at DATABASE_URL (default postgres://root@127.0.0.1:5432/postgres); it
// creates a database of its own with the messaging tables, fills the inbox, and drops it.
import { randomUUID } from 'node:crypto';
import { InternalTokenSigner, type UserCaller } from '@polku/auth';
import {
  DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY,
  parseInternalTokenSigningKey,
} from '@polku/config';
import {
  awaitProcessedEvents,
  collectWrittenEvents,
  MessagingTables1763900000000,
  processedEventIds,
} from '@polku/messaging';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { DataSource } from 'typeorm';

const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
/** Inbox rows already there: a service that has consumed a good while. */
const INBOX_ROWS = 200_000;
const CONSUMERS = ['svc__a', 'svc__b', 'svc__c', 'svc__d'];
const QUERIES = 2_000;

/** Median and 99th percentile of `samples`, in ms. */
function summary(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `median ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms`;
}

async function timeEach(times: number, operation: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) {
    const started = performance.now();
    await operation();
    samples.push(performance.now() - started);
  }
  return samples;
}

async function withDatabase(work: (dataSource: DataSource) => Promise<void>): Promise<void> {
  const name = `polku_bench_ryw_${Date.now().toString(36)}`;
  const admin = new Client({ connectionString: SERVER_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({ type: 'postgres', url: url.toString() });
  try {
    await dataSource.initialize();
    const runner = dataSource.createQueryRunner();
    await new MessagingTables1763900000000().up(runner);
    await runner.release();
    await work(dataSource);
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  // 1. Nothing to await, nothing written: what every request pays.
  const emptyAwait = await timeEach(100_000, () =>
    awaitProcessedEvents({ ids: [], processedAmong: () => Promise.reject(), timeoutMs: 2000 }),
  );
  const scope = await timeEach(100_000, () => collectWrittenEvents(() => Promise.resolve(1)));
  const bare = await timeEach(100_000, () => Promise.resolve(1));
  console.log(`await with nothing to await: ${summary(emptyAwait)}`);
  console.log(`request scope around a handler: ${summary(scope)} (bare await ${summary(bare)})`);

  // 2. The token: with five ids in the await claim.
  const signer = new InternalTokenSigner(
    parseInternalTokenSigningKey(DEVELOPMENT_INTERNAL_TOKEN_SIGNING_KEY),
  );
  const caller: UserCaller = {
    kind: 'user',
    requestId: randomUUID(),
    principal: {
      userId: 'bench-user',
      orgId: randomUUID(),
      orgRole: 'PROVIDER',
      roles: ['CASEWORKER'],
      issuer: 'https://login.example.fi',
    },
  };
  const ids = Array.from({ length: 5 }, () => uuidv7());
  const plain = await timeEach(3_000, () => signer.sign(caller));
  const awaiting = await timeEach(3_000, () => signer.sign(caller, { awaitEvents: ids }));
  const size = (await signer.sign(caller, { awaitEvents: ids })).length;
  const plainSize = (await signer.sign(caller)).length;
  console.log(`sign: ${summary(plain)}; with 5 awaited ids ${summary(awaiting)}`);
  console.log(`token size: ${plainSize} bytes; with 5 awaited ids ${size} bytes`);

  // 3. With something to await that is already consumed: one query.
  await withDatabase(async (dataSource) => {
    await dataSource.query(
      `INSERT INTO inbox_message (consumer, message_id, subject)
       SELECT ($1::text[])[1 + n % 4], gen_random_uuid()::text, 'polku.intake.x.v1'
       FROM generate_series(1, $2) AS n`,
      [CONSUMERS, INBOX_ROWS],
    );
    await dataSource.query('ANALYZE inbox_message');
    const known = (
      await dataSource.query<{ message_id: string }[]>(
        `SELECT message_id FROM inbox_message ORDER BY random() LIMIT ${QUERIES * 2}`,
      )
    ).map((row) => row.message_id);
    const plan = await dataSource.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN SELECT message_id FROM inbox_message WHERE consumer = ANY($1::text[]) AND message_id = ANY($2::text[])
       UNION SELECT message_id FROM dead_letter WHERE consumer = ANY($1::text[]) AND message_id = ANY($2::text[])`,
      [CONSUMERS, known.slice(0, 2)],
    );
    console.log(plan.map((row) => row['QUERY PLAN']).join('\n'));
    let next = 0;
    const one = await timeEach(QUERIES, () =>
      processedEventIds(dataSource, { consumers: CONSUMERS, ids: [known[next++]] }),
    );
    const two = await timeEach(QUERIES / 2, () => {
      const pair = [known[next++], known[next++ % known.length]];
      return awaitProcessedEvents({
        ids: pair,
        processedAmong: (missing) =>
          processedEventIds(dataSource, { consumers: CONSUMERS, ids: missing }),
        timeoutMs: 2000,
      });
    });
    console.log(`inbox of ${INBOX_ROWS} rows, ${CONSUMERS.length} durables:`);
    console.log(`  one consumed id, one query: ${summary(one)}`);
    console.log(`  two consumed ids through awaitProcessedEvents: ${summary(two)}`);
  });
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
