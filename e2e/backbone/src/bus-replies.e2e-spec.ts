import { Controller, Logger, Module } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { lastValueFrom } from 'rxjs';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import {
  MessagingTables1763900000000,
  NatsLink,
  NatsTransportClient,
  RemoteServiceError,
  signedRequest,
  type RemoteErrorBody,
} from '@polku/messaging';
import { CommandConflictError } from '@polku/service-runtime';
import {
  developmentTokenSigner,
  startServiceUnderTest,
  type ServiceUnderTest,
} from '@polku/testing';
import type { DataSource } from 'typeorm';

// What a failing query would have put on the bus: the SQL, its parameters (here an identity
// code), the table and constraint names and the driver's own words.
const LEAKS = [
  'SELECT',
  'INSERT',
  'inbox_message',
  'pkey',
  'duplicate key',
  'no_such_table',
  'does not exist',
  '010190-123A',
  '23505',
  '42P01',
];

// Request subjects of the service's own prefix: the only ones its NATS user may answer.
const MISSING_TABLE = 'polku-rpc.client-intake.test-query-on-missing-table.v1';
const DUPLICATE_KEY = 'polku-rpc.client-intake.test-duplicate-key.v1';
const REFUSED = 'polku-rpc.client-intake.test-refused.v1';

@Controller()
class FailingHandlers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @MessagePattern(MISSING_TABLE)
  async missingTable(): Promise<unknown> {
    return this.dataSource.query('SELECT * FROM no_such_table WHERE identity_code = $1', [
      '010190-123A',
    ]);
  }

  @MessagePattern(DUPLICATE_KEY)
  async duplicateKey(): Promise<unknown> {
    const insert = `INSERT INTO inbox_message (consumer, message_id, subject) VALUES ($1, $2, $3)`;
    const values = ['010190-123A', randomUUID(), 'polku.test'];
    await this.dataSource.query(insert, values);
    return this.dataSource.query(insert, values);
  }

  @MessagePattern(REFUSED)
  refused(): never {
    throw new CommandConflictError('the referral is already accepted');
  }
}

@Module({ controllers: [FailingHandlers] })
class FailingHandlersModule {}

describe('what a service answers over the bus when a handler fails', () => {
  let service: ServiceUnderTest;
  let link: NatsLink;
  let client: NatsTransportClient;

  beforeAll(async () => {
    service = await startServiceUnderTest({
      service: 'client-intake',
      appModule: FailingHandlersModule,
      entities: [],
      migrations: [MessagingTables1763900000000],
    });
    // As the gateway asks: its NATS user, a signed internal token.
    link = new NatsLink(natsLinkOptionsFor(service.config, 'gateway', 'polku-test-caller'));
    client = new NatsTransportClient({
      link,
      namespace: service.config.NATS_NAMESPACE,
      defaultTimeoutMs: 5_000,
    });
    await link.connect();
  });

  afterAll(async () => {
    await link?.close();
    await service?.close();
  });

  afterEach(() => jest.restoreAllMocks());

  async function failureOf(pattern: string, requestId: string): Promise<RemoteErrorBody> {
    const record = await signedRequest(
      developmentTokenSigner(),
      { kind: 'system', process: 'test:requester', requestId },
      {},
    );
    try {
      await lastValueFrom(client.send(pattern, record));
    } catch (error) {
      if (error instanceof RemoteServiceError) {
        return error.body;
      }
      throw error;
    }
    throw new Error(`${pattern} answered without an error`);
  }

  it.each([MISSING_TABLE, DUPLICATE_KEY])(
    'should answer INTERNAL with the request id and no SQL text or driver error when %s fails',
    async (pattern) => {
      const logged = jest.spyOn(Logger.prototype, 'error');
      const requestId = randomUUID();

      const body = await failureOf(pattern, requestId);

      expect(body).toEqual({
        code: 'INTERNAL',
        message: `the handler of ${service.config.NATS_NAMESPACE}.${pattern} failed (request ${requestId})`,
        details: { requestId },
      });
      const wire = JSON.stringify(body);
      for (const leak of LEAKS) {
        expect(wire).not.toContain(leak);
      }
      // The full error stays in the service's log, found by the request id.
      const lines = logged.mock.calls.map((call) => call.map(String).join(' '));
      expect(lines.some((line) => line.includes(requestId) && /QueryFailedError/.test(line))).toBe(
        true,
      );
      // …by its SQLSTATE and names: PostgreSQL's words may quote the identity code.
      expect(lines.join('\n')).not.toContain('010190-123A');
    },
  );

  it('should answer an error a handler throws on purpose with its own code and message', async () => {
    expect(await failureOf(REFUSED, randomUUID())).toEqual({
      code: 'CONFLICT',
      message: 'the referral is already accepted',
    });
  });
});
