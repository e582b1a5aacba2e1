import { createPublicKey } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { InternalTokenVerifier, type Principal } from '@polku/auth';
import { GatewayConfig, parseInternalTokenSigningKey } from '@polku/config';
import { DASHBOARD_COMMANDS, DASHBOARD_VIEWS, type DashboardTable } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { type NatsLink, namespacedSubject, REQUEST_HEADERS } from '@polku/messaging';
import { testToolsLink } from '@polku/testing';
import type { Msg } from '@nats-io/transport-node';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { startOidcTestIssuer, type OidcTestIssuer } from './support/oidc-test-issuer';
import {
  PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY,
  startProductionGateway,
} from './support/production-gateway';

// The dashboard routes of the gateway as deployed, against a stand-in for the dashboards
// service on the real NATS server: it reads the caller from the signed internal token as the
// service does and answers a known table, so that what the gateway makes of it (roles, query,
// CSV, audit) can be seen exactly. The service's own figures and suppression are tested in
// services/dashboards and, end to end, in e2e/system/src/dashboards.e2e-spec.ts.
const employmentArea = DEMO_ORGANISATIONS.employmentArea.id;

let issuer: OidcTestIssuer;
let gateway: NestFastifyApplication;
let dataSource: DataSource;
let services: NatsLink;
/** What the stand-in was asked: the subject, the payload and the caller. */
const asked: { subject: string; payload: Record<string, unknown>; principal: Principal }[] = [];

function tableOf(view: string, principal: Principal): DashboardTable {
  const count = (value: number) => ({ value, display: String(value) });
  return {
    view: view as DashboardTable['view'],
    scope: 'ORGANISATION',
    orgId: principal.orgId,
    period: 'MONTH',
    from: '2026-01-01',
    to: '2026-02-28',
    filters: {},
    columns: [
      { key: '2026-01-01', kind: 'PERIOD' },
      { key: '2026-02-01', kind: 'PERIOD' },
      { key: 'total', kind: 'TOTAL' },
    ],
    rows: [
      {
        key: 'OPEN_LABOUR_MARKET',
        group: 'LABOUR_MARKET',
        cells: [count(7), { value: null, display: '<5', suppressed: 'SMALL_CELL' }, count(9)],
      },
      { key: 'Työkokeilu', group: 'OTHER', cells: [count(0), count(12), count(12)] },
    ],
    total: { key: 'TOTAL', cells: [count(7), count(14), count(21)] },
    asOf: '2026-03-01',
  };
}

function answerOf(subject: string, payload: Record<string, unknown>, principal: Principal) {
  if (!principal.roles.includes('MANAGER')) {
    return { err: { code: 'FORBIDDEN', message: 'dashboards are for managers' } };
  }
  if (subject === DASHBOARD_COMMANDS.page) {
    return { response: { views: DASHBOARD_VIEWS.map((view) => tableOf(view, principal)) } };
  }
  return { response: tableOf(String(payload.view), principal) };
}

beforeAll(async () => {
  issuer = await startOidcTestIssuer();
  gateway = await startProductionGateway(issuer);
  dataSource = gateway.get(DataSource);
  const config = gateway.get(GatewayConfig);
  const { kid, privateKey } = parseInternalTokenSigningKey(PRODUCTION_INTERNAL_TOKEN_SIGNING_KEY);
  const verifier = new InternalTokenVerifier([{ kid, publicKey: createPublicKey(privateKey) }]);
  services = testToolsLink(config, 'dashboards-test-service');
  const nc = await services.connect();
  const prefix = `${config.NATS_NAMESPACE}.`;
  nc.subscribe(namespacedSubject(config.NATS_NAMESPACE, 'polku-rpc.dashboards.>'), {
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
});

afterAll(async () => {
  await services?.close();
  await gateway?.close();
  await issuer?.close();
});

beforeEach(() => {
  asked.length = 0;
});

async function call(url: string, username: string, headers: Record<string, string> = {}) {
  return gateway
    .getHttpAdapter()
    .getInstance()
    .inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${await issuer.tokenFor(username)}`, ...headers },
    });
}

interface AuditRow {
  route: string;
  action: string;
  outcome: string;
  refusal_reason: string | null;
  http_status: number;
  row_count: number | null;
  data_classes: string[];
  class_bases: unknown[];
  relations: string[];
  purpose: string;
  basis: string | null;
  path_id: string | null;
  user_id: string;
}

async function auditRowsOf(requestId: unknown): Promise<AuditRow[]> {
  return dataSource.query<AuditRow[]>(
    `SELECT route, action, outcome, refusal_reason, http_status, row_count, data_classes,
            class_bases, relations, purpose, basis, path_id, user_id
       FROM audit_record WHERE request_id = $1`,
    [String(requestId)],
  );
}

describe('who may read dashboards', () => {
  it.each([
    ['a caseworker', 'tiina.tyollisyys'],
    ['a team lead', 'pekka.esihenkilo'],
    ['an administrator', 'olli.yllapito'],
    ['a registry administrator', 'rea.rekisteri'],
  ])(
    'should answer %s 403 problem+json before reading the query, ask no service and audit the refusal',
    async (_label, username) => {
      for (const url of [
        '/api/v1/dashboards',
        '/api/v1/dashboards/destinations?format=csv',
        `/api/v1/dashboards/destinations?orgId=${employmentArea}`,
      ]) {
        const response = await call(url, username);

        expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json()).toMatchObject({ type: 'urn:polku:problem:forbidden' });
        expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
          expect.objectContaining({
            action: 'READ',
            outcome: 'REFUSED',
            refusal_reason: 'NOT_A_MANAGER',
            http_status: 403,
            path_id: null,
            data_classes: [],
          }),
        ]);
      }
      expect(asked).toEqual([]);
    },
  );

  it('should answer a manager’s request with the service’s table and the filters sent on signed', async () => {
    const response = await call(
      '/api/v1/dashboards/destinations?scope=ORGANISATION&period=MONTH&from=2026-01-01&to=2026-02-28&municipality=205&measureType=WORK_TRIAL&ageBand=AGE_18_24',
      'marja.johtaja',
    );

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers.vary).toContain('Accept');
    expect(response.json()).toMatchObject({ view: 'destinations', rows: expect.any(Array) });
    expect(asked).toEqual([
      {
        subject: DASHBOARD_COMMANDS.view,
        payload: {
          view: 'destinations',
          scope: 'ORGANISATION',
          period: 'MONTH',
          from: '2026-01-01',
          to: '2026-02-28',
          municipality: '205',
          measureType: 'WORK_TRIAL',
          ageBand: 'AGE_18_24',
        },
        principal: expect.objectContaining({ roles: ['MANAGER'], orgId: employmentArea }),
      },
    ]);
  });

  it('should answer the page with every view, its filters sent on', async () => {
    const response = await call('/api/v1/dashboards?scope=REGION', 'mikko.tyonsilta');

    expect(response.statusCode).toBe(200);
    expect(response.json().views).toHaveLength(DASHBOARD_VIEWS.length);
    expect(asked).toEqual([
      expect.objectContaining({ subject: DASHBOARD_COMMANDS.page, payload: { scope: 'REGION' } }),
    ]);
  });
});

describe('a dashboard’s query', () => {
  it.each([
    ['an organisation', `orgId=${DEMO_ORGANISATIONS.tyonsilta.id}`, 'orgId'],
    ['an organisation beside a valid scope', `scope=REGION&orgId=${employmentArea}`, 'orgId'],
    ['an unknown scope', 'scope=EVERYONE', 'scope'],
    ['a scope given twice', 'scope=ORGANISATION&scope=REGION', 'scope'],
    ['a day that does not exist', 'from=2026-02-30', 'from'],
    ['a municipality by name', 'municipality=Kajaani', 'municipality'],
    ['a format that is not json or csv', 'format=xlsx', 'format'],
  ])(
    'should answer a manager 400 problem+json naming the parameter and ask no service when it has %s',
    async (_label, query, field) => {
      const response = await call(`/api/v1/dashboards/destinations?${query}`, 'marja.johtaja');

      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        type: 'urn:polku:problem:validation-failed',
        errors: [expect.objectContaining({ field })],
      });
      expect(asked).toEqual([]);
    },
  );

  it('should refuse an organisation and a format on the page too', async () => {
    for (const query of [`orgId=${employmentArea}`, 'format=csv']) {
      const response = await call(`/api/v1/dashboards?${query}`, 'marja.johtaja');
      expect(response.statusCode).toBe(400);
    }
    expect(asked).toEqual([]);
  });

  it('should answer 400 naming the view for a view that does not exist', async () => {
    const response = await call('/api/v1/dashboards/salaries', 'marja.johtaja');

    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      type: 'urn:polku:problem:validation-failed',
      errors: [expect.objectContaining({ field: 'view' })],
    });
    expect(response.body).not.toContain('salaries');
    expect(asked).toEqual([]);
  });
});

describe('the CSV export', () => {
  it.each([
    ['?format=csv', '?format=csv', {}],
    ['Accept: text/csv', '', { accept: 'text/csv' }],
    ['format=csv over Accept: application/json', '?format=csv', { accept: 'application/json' }],
  ])('should answer the same table as a CSV file when asked by %s', async (_l, query, headers) => {
    const response = await call(
      `/api/v1/dashboards/destinations${query}`,
      'marja.johtaja',
      headers,
    );

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="polku-destinations-2026-01-01-2026-02-28.csv"',
    );
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(parse(response.body, { bom: true, delimiter: ';' })).toEqual([
      ['key', 'group', 'from', 'to', '2026-01-01', '2026-02-01', 'total'],
      ['OPEN_LABOUR_MARKET', 'LABOUR_MARKET', '', '', '7', '<5', '9'],
      ['Työkokeilu', 'OTHER', '', '', '0', '12', '12'],
      ['TOTAL', '', '', '', '7', '14', '21'],
    ]);
    expect(asked).toEqual([expect.objectContaining({ payload: { view: 'destinations' } })]);
  });

  it('should answer JSON when asked for format=json whatever the Accept header says', async () => {
    const response = await call('/api/v1/dashboards/flows?format=json', 'marja.johtaja', {
      accept: 'text/csv',
    });

    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ view: 'flows' });
  });

  it('should answer the page as JSON even to Accept: text/csv', async () => {
    const response = await call('/api/v1/dashboards', 'marja.johtaja', { accept: 'text/csv' });

    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/json');
  });
});

describe('audit', () => {
  it('should audit a view read as an aggregate read: no path, no data class, its rows and scope', async () => {
    const json = await call('/api/v1/dashboards/destinations', 'marja.johtaja');
    const csv = await call('/api/v1/dashboards/destinations?format=csv', 'marja.johtaja');

    for (const response of [json, csv]) {
      expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
        {
          route: 'GET /api/v1/dashboards/:view',
          action: 'READ',
          outcome: 'DONE',
          refusal_reason: null,
          http_status: 200,
          row_count: 2,
          data_classes: [],
          class_bases: [],
          relations: [],
          purpose: 'MANAGEMENT_STATISTICS',
          basis: 'aggregate:ORGANISATION',
          path_id: null,
          user_id: expect.any(String),
        },
      ]);
    }
  });

  it('should audit a page read with the rows of every view', async () => {
    const response = await call('/api/v1/dashboards', 'marja.johtaja');

    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        route: 'GET /api/v1/dashboards',
        outcome: 'DONE',
        row_count: 2 * DASHBOARD_VIEWS.length,
        path_id: null,
      }),
    ]);
  });

  it('should audit a refused query as failed, with nothing disclosed', async () => {
    const response = await call(`/api/v1/dashboards?orgId=${employmentArea}`, 'marja.johtaja');

    expect(await auditRowsOf(response.headers['x-request-id'])).toEqual([
      expect.objectContaining({
        outcome: 'FAILED',
        http_status: 400,
        row_count: null,
        basis: null,
        data_classes: [],
      }),
    ]);
  });
});
