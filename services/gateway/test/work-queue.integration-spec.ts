import { createPublicKey } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InternalTokenVerifier, type Principal } from '@polku/auth';
import { GatewayConfig, parseInternalTokenSigningKey } from '@polku/config';
import { WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { type NatsLink, namespacedSubject, REQUEST_HEADERS } from '@polku/messaging';
import { testToolsLink } from '@polku/testing';
import type { Msg } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import { startOidcTestIssuer, type OidcTestIssuer } from './support/oidc-test-issuer';
import {
  PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY,
  startProductionGateway,
} from './support/production-gateway';
import { referPath } from './support/seed-paths';

// The work-queue routes of the gateway as deployed, against a stand-in for the work-queue
// service on the real NATS server: it reads the caller from the signed internal token as the
// service does, refuses a scope the caller's roles do not allow (FORBIDDEN, as the service's
// queue rules do), and answers pages of a known size so that the audit rows can be counted.
const employmentArea = DEMO_ORGANISATIONS.employmentArea.id;
const tyonsilta = DEMO_ORGANISATIONS.tyonsilta.id;
const ROLE_OF_SCOPE: Record<string, string> = { TEAM: 'TEAM_LEAD', ORGANISATION: 'MANAGER' };

let issuer: OidcTestIssuer;
let gateway: NestFastifyApplication;
let dataSource: DataSource;
let services: NatsLink;
let caseloadPathId: string;
/** What the stand-in was asked, by subject: the payload and the caller. */
const asked: { subject: string; payload: Record<string, unknown>; principal: Principal }[] = [];

function item(index: number) {
  return {
    itemId: `0190d6b4-5a1e-7c3d-9e2f-4a5b6c7d8e9${index}`,
    kind: 'PATH_STEP',
    pathId: caseloadPathId,
    signal: 'NextStepSet',
    overdue: false,
    lost: false,
    recipient: { orgId: employmentArea },
    openedAt: '2026-05-01T08:00:00.000Z',
    unread: true,
  };
}

function answerOf(subject: string, payload: Record<string, unknown>, principal: Principal) {
  switch (subject) {
    case WORK_QUEUE_COMMANDS.listWorkQueue: {
      const needed = ROLE_OF_SCOPE[String(payload.scope)];
      if (needed !== undefined && !principal.roles.includes(needed as never)) {
        return { err: { code: 'FORBIDDEN', message: `scope ${String(payload.scope)}` } };
      }
      const items = [item(1), item(2), item(3)];
      return {
        response: {
          items,
          nextCursor: null,
          counts: { total: 3, overdue: 0, unread: 3, byKind: { PATH_STEP: 3 } },
        },
      };
    }
    case WORK_QUEUE_COMMANDS.listCaseload:
      return { response: { items: [{ pathId: caseloadPathId }, {}], nextCursor: null } };
    case WORK_QUEUE_COMMANDS.getCaseloadPath:
      return payload.pathId === caseloadPathId
        ? { response: { pathId: caseloadPathId, state: 'INTAKE', plansCount: 1 } }
        : { err: { code: 'NOT_FOUND', message: 'not in the caseload' } };
    case WORK_QUEUE_COMMANDS.markItemsRead:
      return { response: null };
    default:
      return { response: { frequency: 'NONE' } };
  }
}

beforeAll(async () => {
  issuer = await startOidcTestIssuer();
  gateway = await startProductionGateway(issuer);
  dataSource = gateway.get(DataSource);
  const config = gateway.get(GatewayConfig);
  const { kid, privateKey } = parseInternalTokenSigningKey(PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY);
  const verifier = new InternalTokenVerifier([{ kid, publicKey: createPublicKey(privateKey) }]);
  services = testToolsLink(config, 'work-queue-test-service');
  const nc = await services.connect();
  const prefix = `${config.NATS_NAMESPACE}.`;
  nc.subscribe(namespacedSubject(config.NATS_NAMESPACE, 'polku-rpc.work-queue.>'), {
    callback: (_error, msg: Msg) => {
      void (async () => {
        const caller = await verifier.verify(
          msg.headers?.get(REQUEST_HEADERS.internalToken),
          msg.headers?.get(REQUEST_HEADERS.requestId),
        );
        const principal = (caller as { principal: Principal }).principal;
        const subject = msg.subject.startsWith(prefix) ? msg.subject.slice(prefix.length) : '';
        const payload = msg.json<Record<string, unknown>>();
        asked.push({ subject, payload, principal });
        msg.respond(JSON.stringify(answerOf(subject, payload, principal)));
      })();
    },
  });
  await nc.flush();
  ({ pathId: caseloadPathId } = await referPath(gateway, {
    fromOrgId: employmentArea,
    toOrgId: tyonsilta,
  }));
});

afterAll(async () => {
  await services?.close();
  await gateway?.close();
  await issuer?.close();
});

beforeEach(() => {
  asked.length = 0;
});

async function call(
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  username: string,
  payload?: object,
) {
  return gateway
    .getHttpAdapter()
    .getInstance()
    .inject({
      method,
      url,
      headers: { authorization: `Bearer ${await issuer.tokenFor(username)}` },
      ...(payload === undefined ? {} : { payload }),
    });
}

interface AuditRow {
  route: string;
  action: string;
  outcome: string;
  http_status: number;
  row_count: number | null;
  data_classes: string[];
  basis: string | null;
  path_id: string | null;
  user_id: string;
}

async function auditRowsOf(requestId: unknown): Promise<AuditRow[]> {
  return dataSource.query<AuditRow[]>(
    `SELECT route, action, outcome, http_status, row_count, data_classes, basis, path_id, user_id
       FROM audit_record WHERE request_id = $1`,
    [String(requestId)],
  );
}

describe('the work queue’s query', () => {
  it.each([
    ['a boolean written as 1', 'overdue=1', 'overdue'],
    ['a boolean written as yes', 'unread=yes', 'unread'],
    ['an empty boolean', 'lost=', 'lost'],
    ['an unknown kind among known ones', 'kind=PATH_STEP&kind=SECRETS', 'kind'],
    ['the same kind twice', 'kind=ESCALATION&kind=ESCALATION', 'kind'],
    ['an unknown scope', 'scope=EVERYONE', 'scope'],
    ['a path id that is not a uuid', 'pathId=polku-1', 'pathId'],
    ['a limit above 100', 'limit=101', 'limit'],
  ])(
    'should answer 400 problem+json naming the field and ask no service when it has %s',
    async (_label, query, field) => {
      const response = await call('GET', `/api/v1/work-queue?${query}`, 'tiina.tyollisyys');

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        type: 'urn:polku:problem:validation-failed',
        errors: expect.arrayContaining([expect.objectContaining({ field })]),
      });
      expect(asked).toEqual([]);
    },
  );

  it('should send repeated kinds as a list and true and false as booleans to the service', async () => {
    const response = await call(
      'GET',
      `/api/v1/work-queue?kind=REFERRAL_ANSWER&kind=ESCALATION&overdue=true&unread=false&lost=false&pathId=${caseloadPathId}&limit=10`,
      'tiina.tyollisyys',
    );

    expect(response.statusCode).toBe(200);
    expect(asked).toEqual([
      {
        subject: WORK_QUEUE_COMMANDS.listWorkQueue,
        payload: {
          kind: ['REFERRAL_ANSWER', 'ESCALATION'],
          overdue: true,
          unread: false,
          lost: false,
          pathId: caseloadPathId,
          limit: 10,
        },
        principal: expect.objectContaining({ userId: 'demo-user-01', orgId: employmentArea }),
      },
    ]);
  });
});

describe('the caseload’s query and the other bodies', () => {
  it.each([
    ['an unknown state', 'state=INTAKE&state=LIMBO', 'state'],
    ['an unknown next step', 'nextStep=NAP', 'nextStep'],
    ['overdue written as TRUE', 'overdue=TRUE', 'overdue'],
    ['a provider that is not a uuid', 'providerOrgId=tyonsilta', 'providerOrgId'],
    ['an unknown scope', 'scope=TEAM', 'scope'],
  ])(
    'should answer 400 naming the field when the caseload’s query has %s',
    async (_l, query, field) => {
      const response = await call('GET', `/api/v1/caseload?${query}`, 'tiina.tyollisyys');

      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
      expect(asked).toEqual([]);
    },
  );

  it.each([
    ['ids that are not uuids', { itemIds: ['item-1'] }, 'itemIds'],
    ['no ids', { itemIds: [] }, 'itemIds'],
  ])(
    'should answer 400 naming the field when items to mark read have %s',
    async (_l, body, field) => {
      const response = await call('POST', '/api/v1/work-queue/read', 'tiina.tyollisyys', body);

      expect(response.statusCode).toBe(400);
      expect(response.json().errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ field })]),
      );
      expect(asked).toEqual([]);
    },
  );

  it('should answer 400 naming the e-mail when a digest is chosen without an address', async () => {
    const response = await call('PUT', '/api/v1/me/notification-settings', 'tiina.tyollisyys', {
      frequency: 'DAILY',
    });

    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([expect.objectContaining({ field: 'email' })]);
    expect(asked).toEqual([]);
  });
});

describe('scopes by role', () => {
  it('should answer a caseworker’s TEAM queue with the service’s refusal as 403 problem+json, audited as failed', async () => {
    const response = await call('GET', '/api/v1/work-queue?scope=TEAM', 'tiina.tyollisyys');

    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: 'urn:polku:problem:forbidden', status: 403 });
    expect(asked.map(({ principal }) => principal.roles)).toEqual([['CASEWORKER']]);
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({ outcome: 'FAILED', http_status: 403, row_count: null }),
    ]);
  });

  it('should answer a caseworker’s ORGANISATION queue 403 and a manager’s 200', async () => {
    expect(
      (await call('GET', '/api/v1/work-queue?scope=ORGANISATION', 'ville.tyonsilta')).statusCode,
    ).toBe(403);
    expect(
      (await call('GET', '/api/v1/work-queue?scope=ORGANISATION', 'mikko.tyonsilta')).statusCode,
    ).toBe(200);
  });

  it('should let a team lead read the TEAM queue, the roles travelling signed to the service', async () => {
    const response = await call(
      'GET',
      '/api/v1/work-queue?scope=TEAM&workerId=demo-user-01',
      'pekka.esihenkilo',
    );

    expect(response.statusCode).toBe(200);
    expect(asked).toEqual([
      expect.objectContaining({
        payload: { scope: 'TEAM', workerId: 'demo-user-01', limit: 25 },
        principal: expect.objectContaining({ roles: ['TEAM_LEAD'], orgId: employmentArea }),
      }),
    ]);
  });
});

describe('audit', () => {
  it('should audit a work-queue read once with the number of items and the addressee basis', async () => {
    const response = await call('GET', '/api/v1/work-queue', 'tiina.tyollisyys');

    expect(response.statusCode).toBe(200);
    expect(response.json().counts).toMatchObject({ total: 3 });
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      {
        route: 'GET /api/v1/work-queue',
        action: 'READ',
        outcome: 'DONE',
        http_status: 200,
        row_count: 3,
        data_classes: ['PATH'],
        basis: 'addressee',
        path_id: null,
        user_id: 'demo-user-01',
      },
    ]);
  });

  it('should audit a caseload page once with the number of paths and the owner basis', async () => {
    const response = await call(
      'GET',
      '/api/v1/caseload?scope=ORGANISATION&state=INTAKE&overdue=false',
      'pekka.esihenkilo',
    );

    expect(response.statusCode).toBe(200);
    expect(asked[0].payload).toEqual({
      scope: 'ORGANISATION',
      state: ['INTAKE'],
      overdue: false,
      limit: 25,
    });
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({ route: 'GET /api/v1/caseload', row_count: 2, basis: 'owner' }),
    ]);
  });

  it('should audit one caseload path against that path, and refuse another organisation’s before asking the service', async () => {
    const read = await call('GET', `/api/v1/caseload/${caseloadPathId}`, 'tiina.tyollisyys');
    expect(read.statusCode).toBe(200);
    expect(await auditRowsOf(read.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        route: 'GET /api/v1/caseload/:pathId',
        outcome: 'DONE',
        path_id: caseloadPathId,
        data_classes: ['PATH'],
      }),
    ]);

    asked.length = 0;
    const refused = await call('GET', `/api/v1/caseload/${caseloadPathId}`, 'kaisa.kumppaniksi');
    expect(refused.statusCode).toBe(404);
    expect(asked).toEqual([]);
    expect(await auditRowsOf(refused.headers['x-request-id'])).toEqual([
      expect.objectContaining({ outcome: 'REFUSED', http_status: 404, path_id: caseloadPathId }),
    ]);
  });

  it('should answer 204 without a body and write no audit row when items are marked read', async () => {
    const itemIds = [item(1).itemId];
    const response = await call('POST', '/api/v1/work-queue/read', 'tiina.tyollisyys', { itemIds });

    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect(asked).toEqual([
      expect.objectContaining({
        subject: WORK_QUEUE_COMMANDS.markItemsRead,
        payload: { itemIds },
      }),
    ]);
    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([]);
  });

  it('should pass the caller’s own notification setting through unaudited', async () => {
    const set = await call('PUT', '/api/v1/me/notification-settings', 'tiina.tyollisyys', {
      frequency: 'DAILY',
      email: 'tiina@example.fi',
    });
    const read = await call('GET', '/api/v1/me/notification-settings', 'tiina.tyollisyys');

    expect([set.statusCode, read.statusCode]).toEqual([200, 200]);
    expect(asked.map(({ subject, payload }) => [subject, payload])).toEqual([
      [
        WORK_QUEUE_COMMANDS.setNotificationSettings,
        { body: { frequency: 'DAILY', email: 'tiina@example.fi' } },
      ],
      [WORK_QUEUE_COMMANDS.getNotificationSettings, {}],
    ]);
    expect(await auditRowsOf(set.headers['x-request-id'])).toEqual([]);
    expect(await auditRowsOf(read.headers['x-request-id'])).toEqual([]);
  });
});
