import {
  Controller,
  Inject,
  Logger,
  type INestMicroservice,
  Module,
  type DynamicModule,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, Payload, RpcException } from '@nestjs/microservices';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { InternalTokenSigner, InternalTokenVerifier } from '@polku/auth';
import { lastValueFrom } from 'rxjs';
import { testToolsAuth } from './support/test-tools-seed';
import {
  NatsLink,
  NatsRequestContext,
  NatsRequestRecord,
  NatsTransportClient,
  NatsTransportServer,
  RemoteServiceError,
  ServiceTimeoutError,
  ServiceUnavailableError,
  signedRequest,
} from '../src';

// A shared library's tests cannot import @polku/testing (scope:tooling): the dependency would make
// every scope:shared library that uses messaging fail lint. Hence waitUntil and isolatedNats
// below instead of waitFor and testServiceConfig.

/** Polls until check() holds, failing with what it waited for after timeoutMs. */
async function waitUntil(
  check: () => boolean,
  description: string,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A variable the integration global setup sets. */
function setupVariable(name: 'POLKU_TEST_NATS_URL' | 'POLKU_TEST_RUN_ID'): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is unset: run this suite through jest.integration.config.js`);
  }
  return value;
}

let namespaces = 0;

/** The shared NATS server and a namespace no other test (or test run) uses. */
function isolatedNats(): { NATS_URL: string; NATS_NAMESPACE: string } {
  namespaces += 1;
  return {
    NATS_URL: setupVariable('POLKU_TEST_NATS_URL'),
    NATS_NAMESPACE: `t-${setupVariable('POLKU_TEST_RUN_ID')}-${process.pid}-rr-${namespaces}`,
  };
}

// The transport verifies every request's internal token before any handler runs.
const keys = generateKeyPairSync('ed25519');
const verifier = new InternalTokenVerifier([{ kid: 'test', publicKey: keys.publicKey }]);
const signer = new InternalTokenSigner({ kid: 'test', privateKey: keys.privateKey });

/** `data` as a request of a system caller, signed, with its own request id unless given. */
function signed<T>(data: T, options: { requestId?: string; timeoutMs?: number } = {}) {
  const requestId = options.requestId ?? randomUUID();
  return signedRequest(signer, { kind: 'system', process: 'test:request-reply', requestId }, data, {
    timeoutMs: options.timeoutMs,
  });
}

const INSTANCE = Symbol('instance');
const QUEUE_GROUP = 'request-reply-test';

/** Every handler call of every instance in this file, in order. */
const invocations: { instance: string; pattern: string; data: unknown }[] = [];
let slowHandlersFinished = 0;

interface EchoReply {
  readonly echoed: unknown;
  readonly requestId: string | undefined;
  readonly subject: string;
  readonly instance: string;
}

@Controller()
class TestController {
  constructor(@Inject(INSTANCE) private readonly instance: string) {}

  @MessagePattern('test.echo')
  echo(@Payload() data: unknown, @Ctx() ctx: NatsRequestContext): EchoReply {
    invocations.push({ instance: this.instance, pattern: 'test.echo', data });
    return {
      echoed: data,
      requestId: ctx.getHeader('polku-request-id'),
      subject: ctx.getSubject(),
      instance: this.instance,
    };
  }

  @MessagePattern('test.not-found')
  notFound(): never {
    throw new RpcException({ code: 'NOT_FOUND', message: 'no such path' });
  }

  @MessagePattern('test.crash')
  crash(): never {
    throw new Error('db password xyz');
  }

  @MessagePattern('test.slow')
  async slow(@Payload() data: unknown): Promise<unknown> {
    // Deliberately longer than the caller's 300 ms timeout.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    slowHandlersFinished += 1;
    return data;
  }
}

@Module({})
class TestModule {
  static forInstance(instance: string): DynamicModule {
    return {
      module: TestModule,
      controllers: [TestController],
      providers: [{ provide: INSTANCE, useValue: instance }],
    };
  }
}

describe('request/reply over NATS', () => {
  const apps: INestMicroservice[] = [];
  const links: NatsLink[] = [];

  async function startServer(natsUrl: string, namespace: string, instance: string) {
    const link = new NatsLink({
      servers: natsUrl,
      name: `polku-test-server-${instance}`,
      ...testToolsAuth(),
    });
    links.push(link);
    const app = await NestFactory.createMicroservice(TestModule.forInstance(instance), {
      strategy: new NatsTransportServer({ link, namespace, queueGroup: QUEUE_GROUP, verifier }),
      logger: false,
    });
    apps.push(app);
    await app.listen();
    return { app, link };
  }

  async function startClient(natsUrl: string, namespace: string) {
    const link = new NatsLink({
      servers: natsUrl,
      name: 'polku-test-client',
      ...testToolsAuth(),
    });
    links.push(link);
    await link.connect();
    return new NatsTransportClient({ link, namespace, defaultTimeoutMs: 5_000 });
  }

  /** The error a request ended with, or a failure when it succeeded. */
  async function failureOf(request: Promise<unknown>): Promise<Error> {
    try {
      await request;
    } catch (error) {
      if (error instanceof Error) {
        return error;
      }
      throw new Error(`request failed with a non-Error: ${JSON.stringify(error)}`);
    }
    throw new Error('expected the request to fail, but it succeeded');
  }

  beforeEach(() => {
    invocations.length = 0;
  });

  afterEach(async () => {
    // Apps close their server's link; closing a closed link is a no-op.
    for (const app of apps.splice(0)) {
      await app.close();
    }
    for (const link of links.splice(0)) {
      await link.close();
    }
  });

  describe('one server', () => {
    let client: NatsTransportClient;

    beforeEach(async () => {
      const config = isolatedNats();
      await startServer(config.NATS_URL, config.NATS_NAMESPACE, 'a');
      client = await startClient(config.NATS_URL, config.NATS_NAMESPACE);
    });

    it('should return the handler’s response and pass the request headers when a request round-trips', async () => {
      const reply = await lastValueFrom(
        client.send<EchoReply>(
          'test.echo',
          await signed({ text: 'hello', n: 1 }, { requestId: 'r-1' }),
        ),
      );

      expect(reply).toEqual({
        echoed: { text: 'hello', n: 1 },
        requestId: 'r-1',
        subject: expect.stringMatching(/\.test\.echo$/),
        instance: 'a',
      });
      expect(invocations).toHaveLength(1);
    });

    it('should refuse a request without an internal token as UNAUTHENTICATED before any handler runs', async () => {
      const error = await failureOf(lastValueFrom(client.send<EchoReply>('test.echo', ['a', 2])));

      expect((error as RemoteServiceError).body.code).toBe('UNAUTHENTICATED');
      expect(invocations).toEqual([]);
    });

    it('should refuse a request with headers but no internal token (the old unsigned principal)', async () => {
      const principal = Buffer.from(JSON.stringify({ userId: 'u' })).toString('base64url');
      const request = new NatsRequestRecord(['a'], {
        headers: { 'polku-request-id': 'r-1', 'polku-principal': principal },
      });
      const error = await failureOf(lastValueFrom(client.send<EchoReply>('test.echo', request)));

      expect((error as RemoteServiceError).body.code).toBe('UNAUTHENTICATED');
      expect(invocations).toEqual([]);
    });

    it('should log a refused token with the subject and the reason, never the token', async () => {
      const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
      const stranger = generateKeyPairSync('ed25519');
      const forger = new InternalTokenSigner({ kid: 'test', privateKey: stranger.privateKey });
      const request = await signedRequest(
        forger,
        { kind: 'system', process: 'test:forger', requestId: 'r-9' },
        {},
      );
      try {
        const error = await failureOf(lastValueFrom(client.send('test.echo', request)));

        expect((error as RemoteServiceError).body.code).toBe('UNAUTHENTICATED');
        const lines = warn.mock.calls.map((call) => String(call[0]));
        expect(lines).toEqual([expect.stringMatching(/test\.echo.*signature does not verify/)]);
        expect(lines.join()).not.toContain(request.headers['polku-internal-token']);
        expect(invocations).toEqual([]);
      } finally {
        warn.mockRestore();
      }
    });

    it('should fail with RemoteServiceError carrying code and message when the handler throws an RpcException', async () => {
      const error = await failureOf(
        lastValueFrom(client.send('test.not-found', await signed({ path: '/x' }))),
      );

      expect(error).toBeInstanceOf(RemoteServiceError);
      expect((error as RemoteServiceError).body).toEqual({
        code: 'NOT_FOUND',
        message: 'no such path',
      });
      expect(error.message).toContain('NOT_FOUND');
    });

    it('should fail with an INTERNAL RemoteServiceError that hides the cause when the handler throws a plain Error', async () => {
      const error = await failureOf(lastValueFrom(client.send('test.crash', await signed({}))));

      expect(error).toBeInstanceOf(RemoteServiceError);
      const { body } = error as RemoteServiceError;
      expect(body.code).toBe('INTERNAL');
      expect(body.message).not.toContain('xyz');
      expect(JSON.stringify(body)).not.toContain('password');
      expect(error.message).not.toContain('xyz');
    });

    it('should fail with ServiceUnavailableError within 2 s when nobody serves the subject', async () => {
      const started = Date.now();

      const error = await failureOf(
        lastValueFrom(client.send('test.nobody-serves-this', await signed({}))),
      );

      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('should fail with ServiceTimeoutError after the request’s own timeout when the handler is slower', async () => {
      const finishedBefore = slowHandlersFinished;
      const started = Date.now();

      const error = await failureOf(
        lastValueFrom(client.send('test.slow', await signed({ wait: true }, { timeoutMs: 300 }))),
      );
      const elapsed = Date.now() - started;

      expect(error).toBeInstanceOf(ServiceTimeoutError);
      expect((error as ServiceTimeoutError).timeoutMs).toBe(300);
      expect(elapsed).toBeGreaterThanOrEqual(250);
      expect(elapsed).toBeLessThan(1_500);
      // Let the handler send its late reply before the app closes; the caller ignores it.
      await waitUntil(
        () => slowHandlersFinished > finishedBefore,
        'the slow handler to finish',
        5_000,
      );
    });
  });

  describe('namespaces', () => {
    it('should keep a client in namespace B from reaching a subject served only in namespace A', async () => {
      const a = isolatedNats();
      const b = isolatedNats();
      expect(a.NATS_NAMESPACE).not.toBe(b.NATS_NAMESPACE);
      await startServer(a.NATS_URL, a.NATS_NAMESPACE, 'a');
      const clientA = await startClient(a.NATS_URL, a.NATS_NAMESPACE);
      const clientB = await startClient(b.NATS_URL, b.NATS_NAMESPACE);

      const error = await failureOf(
        lastValueFrom(clientB.send('test.echo', await signed({ from: 'b' }))),
      );
      const reply = await lastValueFrom(
        clientA.send<EchoReply>('test.echo', await signed({ from: 'a' })),
      );

      expect(error).toBeInstanceOf(ServiceUnavailableError);
      expect(reply.echoed).toEqual({ from: 'a' });
      expect(invocations.map((call) => call.data)).toEqual([{ from: 'a' }]);
    });
  });

  describe('queue group', () => {
    it('should answer each request exactly once when two instances share the queue group', async () => {
      const config = isolatedNats();
      const first = await startServer(config.NATS_URL, config.NATS_NAMESPACE, 'first');
      const second = await startServer(config.NATS_URL, config.NATS_NAMESPACE, 'second');
      const client = await startClient(config.NATS_URL, config.NATS_NAMESPACE);
      const ids = Array.from({ length: 20 }, (_, index) => `q-${index}`);

      const replies = await Promise.all(
        ids.map(async (id) =>
          lastValueFrom(client.send<EchoReply>('test.echo', await signed({ id }))),
        ),
      );
      // Anything the server routed to either instance arrives before the answer to a later ping.
      await Promise.all([first.link.nc.flush(), second.link.nc.flush()]);
      await new Promise((resolve) => setImmediate(resolve));

      expect(replies.map((reply) => reply.echoed)).toEqual(ids.map((id) => ({ id })));
      expect(invocations).toHaveLength(20);
      const handledIds = invocations.map((call) => (call.data as { id: string }).id);
      expect([...handledIds].sort()).toEqual([...ids].sort());
      expect(new Set(invocations.map((call) => call.instance))).toEqual(
        new Set(replies.map((reply) => reply.instance)),
      );
    });
  });
});
