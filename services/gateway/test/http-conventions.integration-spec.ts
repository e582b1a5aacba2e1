import { randomUUID } from 'node:crypto';
import {
  Body,
  Controller,
  Get,
  type INestMicroservice,
  Module,
  Param,
  Patch,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeCursor, type CursorPosition, type Page, pageFromRows } from '@polku/contracts';
import { MessagingTables1763900000000, ServiceTimeoutError } from '@polku/messaging';
import { keysetSql, RowNotFoundError, versionedUpdate } from '@polku/persistence';
import { createServiceApp } from '@polku/service-runtime';
import { GatewayConfig } from '@polku/config';
import { isolatedTestEnv, testGatewayConfig, testServiceConfig, waitFor } from '@polku/testing';
import { IsString, Length } from 'class-validator';
import type { FastifyReply, FastifyRequest, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createGatewayApp } from './support/test-gateway-app';
import { IfMatchVersion } from '../src/http/concurrency/if-match-version.decorator';
import { VersionedResource } from '../src/http/concurrency/versioned-resource.decorator';
import { requestFingerprint } from '../src/http/idempotency/idempotency-key';
import { IdempotentCommand } from '../src/http/idempotency/idempotent-command.decorator';
import { IdempotencyStore } from '../src/http/idempotency/idempotency.store';
import { PageQuery, type PageRequest } from '../src/http/pagination/page-query.decorator';
import { ServiceClientModule } from '../src/service-client/service-client.module';
import { commandMetadataOf, ServiceCommandBus } from '../src/service-client/service-command-bus';
import { demoAuthHeader } from './support/demo-auth';

// In activation-plans' context, whose user the test service runs as.
const GET_THING = 'polku-rpc.plans.test-conventions-thing-get.v1';
const UPDATE_THING = 'polku-rpc.plans.test-conventions-thing-update.v1';
const LIST_THINGS = 'polku-rpc.plans.test-conventions-thing-list.v1';
const THINGS_URL = '/api/v1/conventions-test/things';
const THINGS_ROUTE = '/api/v1/conventions-test/things';

interface ThingRow {
  id: string;
  name: string;
  version: number;
}

// --- A stand-in service, the way real ones will use the shared helpers ---------------------

class TestThings1764000999000 implements MigrationInterface {
  readonly name = 'TestThings1764000999000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE test_thing (
        id uuid PRIMARY KEY,
        name text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE test_thing');
  }
}

@Controller()
class ThingHandlers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(GET_THING)
  async get(@Payload() body: { id: string }): Promise<ThingRow> {
    const [row] = await this.dataSource.query<ThingRow[]>(
      'SELECT id, name, version FROM test_thing WHERE id = $1',
      [body.id],
    );
    if (row === undefined) {
      throw new RowNotFoundError();
    }
    return row;
  }

  @MessagePattern(UPDATE_THING)
  async update(
    @Payload() body: { id: string; expectedVersion: number; name: string },
  ): Promise<ThingRow> {
    const row = await versionedUpdate<ThingRow & { created_at: unknown }>(this.dataSource, {
      table: 'test_thing',
      id: body.id,
      expectedVersion: body.expectedVersion,
      set: { name: body.name },
    });
    return { id: row.id, name: row.name, version: row.version };
  }

  @MessagePattern(LIST_THINGS)
  async list(@Payload() body: { limit: number; cursor?: string }): Promise<Page<ThingRow>> {
    // The service decodes the cursor again: it trusts no caller with its SQL.
    const after: CursorPosition | undefined =
      body.cursor === undefined ? undefined : decodeCursor(body.cursor);
    const page = keysetSql({
      sortColumn: 'created_at',
      idColumn: 'id',
      after,
      limit: body.limit,
      firstParameter: 1,
    });
    const rows = await this.dataSource.query<(ThingRow & { sort_key: string })[]>(
      `SELECT id, name, version, created_at::text AS sort_key FROM test_thing
        WHERE ${page.where} ORDER BY ${page.orderBy} ${page.limit}`,
      [...page.parameters],
    );
    return pageFromRows({
      rows,
      limit: body.limit,
      positionOf: (row) => ({ key: row.sort_key, id: row.id }),
      toItem: ({ id, name, version }) => ({ id, name, version }),
    });
  }
}

@Module({ controllers: [ThingHandlers] })
class ThingServiceModule {}

// --- A stand-in resource controller at the gateway ----------------------------------------

class CreateThingDto {
  @IsString()
  @Length(1, 100)
  name!: string;
}

class RenameThingDto {
  @IsString()
  @Length(1, 100)
  name!: string;
}

/** What the create handler does, so tests can count runs and make it wait or fail. */
const createHandler = {
  runs: 0,
  hold: undefined as Promise<void> | undefined,
  failures: [] as ('internal' | 'timeout')[],
};

@Controller('conventions-test/things')
class ThingsController {
  constructor(private readonly bus: ServiceCommandBus) {}

  @Post()
  @IdempotentCommand()
  @VersionedResource()
  async create(
    @Body() body: CreateThingDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ThingRow> {
    createHandler.runs += 1;
    await createHandler.hold;
    switch (createHandler.failures.shift()) {
      case 'internal':
        throw new Error('the create handler failed');
      case 'timeout':
        throw new ServiceTimeoutError(UPDATE_THING, 300);
      case undefined:
        break;
    }
    const id = randomUUID();
    void reply.header('Location', `${THINGS_URL}/${id}`);
    return { id, name: body.name, version: 1 };
  }

  @Get(':id')
  @VersionedResource()
  get(@Param('id') id: string, @Req() request: FastifyRequest): Promise<ThingRow> {
    return this.bus.send(GET_THING, { id }, commandMetadataOf(request));
  }

  @Patch(':id')
  @VersionedResource()
  rename(
    @Param('id') id: string,
    @IfMatchVersion() expectedVersion: number,
    @Body() body: RenameThingDto,
    @Req() request: FastifyRequest,
  ): Promise<ThingRow> {
    return this.bus.send(
      UPDATE_THING,
      { id, expectedVersion, name: body.name },
      commandMetadataOf(request),
    );
  }

  @Get()
  list(@PageQuery() page: PageRequest, @Req() request: FastifyRequest): Promise<Page<ThingRow>> {
    return this.bus.send(
      LIST_THINGS,
      { limit: page.limit, cursor: page.cursor },
      commandMetadataOf(request),
    );
  }
}

@Module({ imports: [ServiceClientModule], controllers: [ThingsController] })
class ThingsResourceModule {}

// --- The tests ------------------------------------------------------------------------------

describe('HTTP conventions: Idempotency-Key, ETag / If-Match, cursor pagination', () => {
  let gateway: NestFastifyApplication;
  let service: INestMicroservice;
  let gatewayDb: DataSource;
  let serviceDb: DataSource;
  let auth: Record<string, string>;

  beforeAll(async () => {
    const env = isolatedTestEnv({ RATE_LIMIT_PER_MINUTE: '100000' });
    ({ app: service } = await createServiceApp({
      service: 'activation-plans',
      appModule: ThingServiceModule,
      entities: [],
      migrations: [MessagingTables1763900000000, TestThings1764000999000],
      config: testServiceConfig(env),
      logger: false,
    }));
    await service.listen();
    gateway = await createGatewayApp({
      config: testGatewayConfig(env),
      logger: false,
      extraImports: [ThingsResourceModule],
    });
    await gateway.init();
    await gateway.getHttpAdapter().getInstance().ready();
    gatewayDb = gateway.get(DataSource);
    serviceDb = service.get(DataSource);
    auth = await demoAuthHeader(gateway);
  });

  afterAll(async () => {
    await gateway?.close();
    await service?.close();
  });

  beforeEach(() => {
    createHandler.runs = 0;
    createHandler.hold = undefined;
    createHandler.failures = [];
  });

  const inject = (options: InjectOptions): Promise<LightMyRequestResponse> =>
    gateway
      .getHttpAdapter()
      .getInstance()
      .inject({ ...options, headers: { ...auth, ...options.headers } });

  const create = (
    body: unknown,
    key: string | undefined,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> =>
    inject({
      method: 'POST',
      url: THINGS_URL,
      payload: body as Record<string, unknown>,
      headers: key === undefined ? headers : { 'idempotency-key': key, ...headers },
    });

  const recordsWithKey = async (key: string): Promise<{ state: string }[]> =>
    gatewayDb.query('SELECT state FROM idempotency_record WHERE idempotency_key = $1', [key]);

  describe('Idempotency-Key', () => {
    it('should run the handler once and replay status, body and headers when retried with the same key', async () => {
      const key = randomUUID();

      const first = await create({ name: 'Aino' }, key);
      const retry = await create({ name: 'Aino' }, key);

      expect(first.statusCode).toBe(201);
      expect(first.headers['idempotency-replayed']).toBeUndefined();
      expect(first.headers.location).toMatch(new RegExp(`^${THINGS_URL}/[0-9a-f-]{36}$`));
      expect(first.headers.etag).toBe('"1"');
      expect(retry.statusCode).toBe(201);
      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(retry.json()).toEqual(first.json());
      expect(retry.headers.location).toBe(first.headers.location);
      expect(retry.headers.etag).toBe('"1"');
      expect(createHandler.runs).toBe(1);
      expect(await recordsWithKey(key)).toEqual([{ state: 'COMPLETED' }]);
    });

    it('should accept the key as a Structured Field string and treat it as the same key', async () => {
      const key = randomUUID();

      await create({ name: 'Aino' }, key);
      const retry = await create({ name: 'Aino' }, `"${key}"`);

      expect(retry.headers['idempotency-replayed']).toBe('true');
      expect(createHandler.runs).toBe(1);
    });

    it('should answer 422 idempotency-key-reused and not run the handler when the key comes with another body', async () => {
      const key = randomUUID();
      await create({ name: 'Aino' }, key);

      const reused = await create({ name: 'Eino' }, key);

      expect(reused.statusCode).toBe(422);
      expect(reused.headers['content-type']).toContain('application/problem+json');
      expect(reused.json()).toMatchObject({
        type: 'urn:polku:problem:idempotency-key-reused',
        status: 422,
      });
      expect(createHandler.runs).toBe(1);
    });

    it('should answer 409 idempotency-in-progress with Retry-After when the first request is still running', async () => {
      const key = randomUUID();
      let release!: () => void;
      createHandler.hold = new Promise<void>((resolve) => {
        release = resolve;
      });

      const first = create({ name: 'Aino' }, key);
      await waitFor(() => createHandler.runs === 1, { description: 'the first request to run' });
      const duplicate = await create({ name: 'Aino' }, key);
      release();
      const firstAnswer = await first;

      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.headers['retry-after']).toBe('1');
      expect(duplicate.json()).toMatchObject({
        type: 'urn:polku:problem:idempotency-in-progress',
        status: 409,
      });
      expect(firstAnswer.statusCode).toBe(201);
      expect(createHandler.runs).toBe(1);
    });

    it.each([
      ['500 (the handler threw)', 'internal', 500],
      ['503 (a service timed out)', 'timeout', 503],
    ] as const)(
      'should leave no record and run the handler again on retry when it failed with %s',
      async (_label, failure, status) => {
        const key = randomUUID();
        createHandler.failures = [failure];

        const failed = await create({ name: 'Aino' }, key);
        const records = await recordsWithKey(key);
        const retry = await create({ name: 'Aino' }, key);

        expect(failed.statusCode).toBe(status);
        expect(records).toEqual([]);
        expect(retry.statusCode).toBe(201);
        expect(retry.headers['idempotency-replayed']).toBeUndefined();
        expect(createHandler.runs).toBe(2);
      },
    );

    it('should answer 400 idempotency-key-missing and not run the handler when the header is missing', async () => {
      const response = await create({ name: 'Aino' }, undefined);

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        type: 'urn:polku:problem:idempotency-key-missing',
      });
      expect(createHandler.runs).toBe(0);
    });

    it.each([
      ['longer than 255 characters', 'k'.repeat(256)],
      ['with a space', 'two words'],
    ])('should answer 400 idempotency-key-invalid when the key is %s', async (_label, key) => {
      const response = await create({ name: 'Aino' }, key);

      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({
        type: 'urn:polku:problem:idempotency-key-invalid',
      });
      expect(createHandler.runs).toBe(0);
    });

    it('should keep the keys of two users apart when both send the same key', async () => {
      const key = randomUUID();

      const mine = await create({ name: 'Aino' }, key);
      const theirs = await create(
        { name: 'Aino' },
        key,
        await demoAuthHeader(gateway, 'pekka.esihenkilo'),
      );

      expect(theirs.statusCode).toBe(201);
      expect(theirs.headers['idempotency-replayed']).toBeUndefined();
      expect(theirs.json<ThingRow>().id).not.toBe(mine.json<ThingRow>().id);
      expect(createHandler.runs).toBe(2);
    });

    it('should run the handler again when the record has expired, and prune expired records', async () => {
      const key = randomUUID();
      await create({ name: 'Aino' }, key);
      await gatewayDb.query(
        "UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1",
        [key],
      );

      const afterExpiry = await create({ name: 'Aino' }, key);
      expect(afterExpiry.headers['idempotency-replayed']).toBeUndefined();
      expect(createHandler.runs).toBe(2);

      await gatewayDb.query(
        "UPDATE idempotency_record SET expires_at = now() - interval '1 second' WHERE idempotency_key = $1",
        [key],
      );
      const pruned = await gateway.get(IdempotencyStore).prune();
      expect(pruned).toBeGreaterThanOrEqual(1);
      expect(await recordsWithKey(key)).toEqual([]);
    });

    it('should set the expiry IDEMPOTENCY_TTL_HOURS (24 by default) after the first request', async () => {
      const key = randomUUID();
      await create({ name: 'Aino' }, key);

      const [row] = await gatewayDb.query<{ hours: number }[]>(
        `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours
           FROM idempotency_record WHERE idempotency_key = $1`,
        [key],
      );
      expect(Number(row.hours)).toBeCloseTo(24, 2);
    });

    it('should take the key over when the request holding it outlived its lease', async () => {
      const key = randomUUID();
      const body = { name: 'Aino' };
      // As a gateway that died mid-request leaves it.
      await gatewayDb.query(
        `INSERT INTO idempotency_record
           (id, scope, method, route, idempotency_key, fingerprint, state, claim_token,
            locked_until, expires_at)
         VALUES ($1, 'user:demo-user-01', 'POST', $2, $3, $4, 'IN_PROGRESS', $5,
            now() - interval '1 second', now() + interval '1 hour')`,
        [
          randomUUID(),
          THINGS_ROUTE,
          key,
          requestFingerprint(
            { url: THINGS_URL, body },
            gateway.get(GatewayConfig).fingerprintKey(),
          ),
          randomUUID(),
        ],
      );

      const response = await create(body, key);

      expect(response.statusCode).toBe(201);
      expect(createHandler.runs).toBe(1);
      expect(await recordsWithKey(key)).toEqual([{ state: 'COMPLETED' }]);
    });
  });

  describe('ETag / If-Match', () => {
    async function newThing(version = 1): Promise<ThingRow> {
      const thing = { id: randomUUID(), name: 'Aino', version };
      await serviceDb.query('INSERT INTO test_thing (id, name, version) VALUES ($1, $2, $3)', [
        thing.id,
        thing.name,
        thing.version,
      ]);
      return thing;
    }

    const stored = async (id: string): Promise<ThingRow> =>
      (
        await serviceDb.query<ThingRow[]>(
          'SELECT id, name, version FROM test_thing WHERE id = $1',
          [id],
        )
      )[0];

    const rename = (id: string, headers: Record<string, string>) =>
      inject({ method: 'PATCH', url: `${THINGS_URL}/${id}`, payload: { name: 'Eino' }, headers });

    it('should answer GET with a strong ETag from the version', async () => {
      const thing = await newThing(4);

      const response = await inject({ method: 'GET', url: `${THINGS_URL}/${thing.id}` });

      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"4"');
      expect(response.json()).toEqual(thing);
    });

    it('should answer 304 without a body when If-None-Match holds the current ETag', async () => {
      const thing = await newThing(4);

      const notModified = await inject({
        method: 'GET',
        url: `${THINGS_URL}/${thing.id}`,
        headers: { 'if-none-match': '"4"' },
      });
      const changed = await inject({
        method: 'GET',
        url: `${THINGS_URL}/${thing.id}`,
        headers: { 'if-none-match': '"3"' },
      });

      expect(notModified.statusCode).toBe(304);
      expect(notModified.body).toBe('');
      expect(notModified.headers.etag).toBe('"4"');
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toEqual(thing);
    });

    it('should answer 412 precondition-failed and change nothing when If-Match is stale', async () => {
      const thing = await newThing(2);

      const response = await rename(thing.id, { 'if-match': '"1"' });

      expect(response.statusCode).toBe(412);
      expect(response.json()).toMatchObject({
        type: 'urn:polku:problem:precondition-failed',
        status: 412,
      });
      expect(await stored(thing.id)).toEqual(thing);
    });

    it('should answer 428 precondition-required and change nothing when If-Match is missing', async () => {
      const thing = await newThing();

      const response = await rename(thing.id, {});

      expect(response.statusCode).toBe(428);
      expect(response.json()).toMatchObject({ type: 'urn:polku:problem:precondition-required' });
      expect(await stored(thing.id)).toEqual(thing);
    });

    it.each(['abc', '*', 'W/"1"', '"1", "2"'])(
      'should answer 400 invalid-precondition and change nothing when If-Match is %s',
      async (ifMatch) => {
        const thing = await newThing();

        const response = await rename(thing.id, { 'if-match': ifMatch });

        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ type: 'urn:polku:problem:invalid-precondition' });
        expect(await stored(thing.id)).toEqual(thing);
      },
    );

    it('should update and answer the new version and ETag when If-Match is current', async () => {
      const thing = await newThing(2);

      const response = await rename(thing.id, { 'if-match': '"2"' });

      expect(response.statusCode).toBe(200);
      expect(response.headers.etag).toBe('"3"');
      expect(response.json()).toEqual({ id: thing.id, name: 'Eino', version: 3 });
      expect(await stored(thing.id)).toEqual({ id: thing.id, name: 'Eino', version: 3 });
    });

    it('should answer 404 when the resource to update does not exist', async () => {
      const response = await rename(randomUUID(), { 'if-match': '"1"' });

      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ type: 'urn:polku:problem:not-found' });
    });
  });

  describe('cursor pagination', () => {
    let expectedOrder: string[];

    beforeAll(async () => {
      await serviceDb.query('DELETE FROM test_thing');
      // 60 rows, three per timestamp, so the id has to break ties.
      await serviceDb.query(`
        INSERT INTO test_thing (id, name, created_at)
        SELECT gen_random_uuid(), 'thing ' || n,
               timestamptz '2025-03-01 08:00:00.000001+00' + (n / 3) * interval '1 second'
          FROM generate_series(0, 59) AS n`);
      const rows = await serviceDb.query<{ id: string }[]>(
        'SELECT id FROM test_thing ORDER BY created_at, id',
      );
      expectedOrder = rows.map((row) => row.id);
    });

    /** The target of `Link: <…>; rel="next"`, or undefined without one. */
    const nextLink = (response: LightMyRequestResponse): string | undefined => {
      const link = response.headers.link;
      const match = typeof link === 'string' ? /^<([^>]+)>; rel="next"$/.exec(link) : null;
      return match?.[1];
    };

    it('should return every row exactly once in order over pages of 25, following the Link headers', async () => {
      const pages: LightMyRequestResponse[] = [];
      let url: string | undefined = THINGS_URL;
      while (url !== undefined && pages.length < 10) {
        const response = await inject({ method: 'GET', url });
        pages.push(response);
        url = nextLink(response);
      }

      expect(pages.map((page) => page.statusCode)).toEqual([200, 200, 200]);
      const bodies = pages.map((page) => page.json<Page<ThingRow>>());
      expect(bodies.map((body) => body.items.length)).toEqual([25, 25, 10]);
      expect(bodies.flatMap((body) => body.items.map((item) => item.id))).toEqual(expectedOrder);
      expect(bodies.map((body) => body.nextCursor === null)).toEqual([false, false, true]);
      expect(nextLink(pages[0])).toBe(
        `${THINGS_URL}?cursor=${encodeURIComponent(bodies[0].nextCursor ?? '')}&limit=25`,
      );
      expect(pages[2].headers.link).toBeUndefined();
    });

    it('should keep the page size and other query parameters in the Link header', async () => {
      const response = await inject({ method: 'GET', url: `${THINGS_URL}?limit=7&view=short` });

      expect(response.json<Page<ThingRow>>().items).toHaveLength(7);
      const link = new URL(nextLink(response) ?? '', 'http://x');
      expect(link.searchParams.get('limit')).toBe('7');
      expect(link.searchParams.get('view')).toBe('short');
    });

    it('should answer 400 invalid-cursor when the cursor was tampered with', async () => {
      const first = await inject({ method: 'GET', url: `${THINGS_URL}?limit=5` });
      const cursor = first.json<Page<ThingRow>>().nextCursor ?? '';
      const wire = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as object;
      const tampered = Buffer.from(JSON.stringify({ ...wire, id: randomUUID() })).toString(
        'base64url',
      );

      for (const bad of [tampered, 'not-a-cursor', `${cursor}x`]) {
        const response = await inject({
          method: 'GET',
          url: `${THINGS_URL}?cursor=${encodeURIComponent(bad)}`,
        });
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({ type: 'urn:polku:problem:invalid-cursor' });
      }
    });

    it.each(['0', '101', 'many'])(
      'should answer 400 validation-failed when limit is %s',
      async (limit) => {
        const response = await inject({ method: 'GET', url: `${THINGS_URL}?limit=${limit}` });

        const problem = response.json<{ type: string; errors: { field: string }[] }>();
        expect(response.statusCode).toBe(400);
        expect(problem.type).toBe('urn:polku:problem:validation-failed');
        expect(problem.errors.length).toBeGreaterThan(0);
        expect(problem.errors.every((error) => error.field === 'limit')).toBe(true);
      },
    );
  });
});
