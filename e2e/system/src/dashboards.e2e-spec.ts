import { DASHBOARD_VIEWS, type DashboardTable } from '@polku/contracts';
import { DEMO_ORGANISATIONS, DEMO_USERS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import {
  csvRecords,
  type DashboardAnswer,
  dashboardReader,
  expectedRecords,
  totalOf,
} from './support/dashboard-reads';
import { gatewayClient } from './support/gateway-client';
import { IDENTITY_CODE_IN_TEXT } from './support/identity-code-pattern';
import { INTAKE_BODY } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 19: the managers' dashboards through the real gateway and services. Paths are made as
// caseworkers make them: the employment area (A, manager Marja) refers six clients to Työnsilta
// (B, manager Mikko), Työnsilta accepts them all and completes the intake of two. So B answered
// six referrals and A none; two REFERRAL → INTAKE links are B's (a small cell). Nothing a client
// or a worker could be known by may appear in any answer, JSON or CSV, to anyone.
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'activation-plans',
  'transitions',
  'network-meetings',
  'dashboards',
] as const;
const MANAGER_A = 'marja.johtaja';
const MANAGER_B = 'mikko.tyonsilta';
const REFERRALS = 6;
const INTAKES = 2;
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

let system: ServiceProcesses;
const { api, tokenOf } = gatewayClient(() => system.baseUrl);
const { read, table, page } = dashboardReader(() => system.baseUrl, tokenOf);
/** Every string of the test's paths that must never appear in a dashboard answer. */
const secrets: string[] = DEMO_USERS.map((user) => user.userId);

function client(number: number) {
  const birth = `0303${String(70 + number).padStart(2, '0')}`;
  const individual = String(300 + number * 2).padStart(3, '0');
  const check = CHECK_CHARACTERS[Number(`${birth}${individual}`) % 31];
  return {
    personalIdentityCode: `${birth}-${individual}${check}`,
    givenNames: 'Polku',
    familyName: `Kojelauta${number}`,
    language: 'fi',
    addressProtected: false,
  };
}

/** A referral from A to B, accepted by B; answers its path id. */
async function referredAndAccepted(number: number): Promise<string> {
  const person = client(number);
  const created = await api('POST', '/referrals', 'tiina.tyollisyys', {
    client: person,
    toOrgId: org.tyonsilta.id,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
    consent: {
      orgIds: [org.tyonsilta.id],
      dataClasses: ['PATH', 'PLAN', 'ATTENDANCE', 'HEALTH_FLAG'],
      howGiven: 'WRITTEN',
      purpose: 'REFERRAL',
    },
  });
  expect(created.status).toBe(201);
  const { pathId, referralId, clientRef } = created.body as Record<string, string>;
  secrets.push(pathId, referralId, clientRef, person.personalIdentityCode, person.familyName);
  const accepted = await waitFor(
    async () => {
      const answer = await api(
        'POST',
        `/paths/${pathId}/referrals/${referralId}/acceptance`,
        'ville.tyonsilta',
        { expectedStart: '2027-01-14' },
        { 'if-match': '"1"' },
      );
      return answer.status === 404 ? undefined : answer;
    },
    { timeoutMs: 20_000, description: `Työnsilta to see the referral of ${pathId}` },
  );
  expect(accepted.status).toBe(200);
  return pathId;
}

/** waiting: the referrals accepted, in the group of referral answers. */
const isReferralAnswer = (row: DashboardTable['rows'][number]) =>
  row.group === 'REFERRAL_ANSWER' && row.key === 'ACCEPTED';
const isReferralToIntake = (row: DashboardTable['rows'][number]) =>
  row.from === 'REFERRAL' && row.to === 'INTAKE';

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
  const pathIds: string[] = [];
  for (let number = 1; number <= REFERRALS; number += 1) {
    pathIds.push(await referredAndAccepted(number));
  }
  for (const pathId of pathIds.slice(0, INTAKES)) {
    const intake = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', INTAKE_BODY);
    expect(intake.status).toBe(201);
  }
  // The dashboards service has consumed every event once B's figures show all of them.
  await waitFor(
    async () => {
      const waiting = await table('waiting', MANAGER_B);
      const flows = await table('flows', MANAGER_B);
      const intakes = flows.rows.find(isReferralToIntake);
      return totalOf(waiting, isReferralAnswer) === REFERRALS && intakes !== undefined
        ? true
        : undefined;
    },
    { timeoutMs: 60_000, description: 'the dashboards to count every referral answer and intake' },
  );
}, 240_000);

afterAll(async () => {
  await system?.stop();
});

/** Nothing that could name a client, a path or a worker of the test is in the answer. */
function expectNothingOfAClient(answer: DashboardAnswer, what: string): void {
  const leaked = secrets.filter((secret) => answer.text.includes(secret));
  expect({ what, leaked }).toEqual({ what, leaked: [] });
  expect(answer.text).not.toMatch(IDENTITY_CODE_IN_TEXT);
}

describe('who may read dashboards', () => {
  it('should answer a manager every view, on the page and one by one', async () => {
    const all = await page(MANAGER_A);

    expect(all.views.map((view) => view.view)).toEqual([...DASHBOARD_VIEWS]);
    for (const view of DASHBOARD_VIEWS) {
      const one = await table(view, MANAGER_A);
      expect(one).toMatchObject({ view, scope: 'ORGANISATION', orgId: org.employmentArea.id });
      expect(one.rows.every((row) => row.cells.length === one.columns.length)).toBe(true);
    }
  });

  it.each([
    ['a caseworker', 'tiina.tyollisyys'],
    ['a caseworker of the provider', 'ville.tyonsilta'],
    ['a team lead', 'pekka.esihenkilo'],
  ])('should answer %s 403 problem+json, as JSON and as CSV', async (_label, username) => {
    for (const path of [
      '/dashboards',
      '/dashboards/destinations',
      '/dashboards/destinations?format=csv',
      '/dashboards/flows?scope=REGION',
    ]) {
      const answer = await read(path, username);

      expect({ path, status: answer.status }).toEqual({ path, status: 403 });
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(JSON.parse(answer.text)).toMatchObject({ type: 'urn:polku:problem:forbidden' });
      expectNothingOfAClient(answer, `${path} as ${username}`);
    }
  });
});

describe('scope', () => {
  it('should show a manager with ORGANISATION scope only their own organisation’s figures', async () => {
    // B answered every referral; A answered none, so A's own figures have none of them.
    expect(totalOf(await table('waiting', MANAGER_B), isReferralAnswer)).toBe(REFERRALS);
    expect(totalOf(await table('waiting', MANAGER_A), isReferralAnswer)).toBe(0);
    expect(
      (await table('flows', MANAGER_A)).rows.find(isReferralToIntake)?.cells[0]?.value ?? 0,
    ).toBe(0);
    for (const view of (await page(MANAGER_A)).views) {
      expect({ view: view.view, orgId: view.orgId }).toEqual({
        view: view.view,
        orgId: org.employmentArea.id,
      });
    }
  });

  it('should show the region’s figures together, with no organisation named', async () => {
    const region = await table('waiting', MANAGER_A, '?scope=REGION');

    expect(region.scope).toBe('REGION');
    expect(region.orgId).toBeUndefined();
    expect(totalOf(region, isReferralAnswer)).toBe(REFERRALS);
  });

  it.each([
    ['the page', '/dashboards'],
    ['a view', '/dashboards/waiting'],
    ['a CSV file', '/dashboards/waiting?format=csv'],
    ['the region', '/dashboards/waiting?scope=REGION'],
  ])('should answer 400 when %s names an organisation', async (_label, path) => {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await read(`${path}${separator}orgId=${org.tyonsilta.id}`, MANAGER_A);

    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({
      type: 'urn:polku:problem:validation-failed',
      errors: [expect.objectContaining({ field: 'orgId' })],
    });
  });
});

describe('small cells', () => {
  it('should show a count of two clients as <5 with no value', async () => {
    const intakes = (await table('flows', MANAGER_B)).rows.find(isReferralToIntake);

    expect(intakes?.cells[0]).toMatchObject({
      value: null,
      display: '<5',
      suppressed: 'SMALL_CELL',
    });
  });

  it('should write the same <5 into the CSV file', async () => {
    const flows = await table('flows', MANAGER_B);
    const total = flows.columns.find((column) => column.kind === 'TOTAL')?.key;
    const records = csvRecords((await read('/dashboards/flows?format=csv', MANAGER_B)).text);

    const intakes = records.find((record) => record[2] === 'REFERRAL' && record[3] === 'INTAKE');
    expect(intakes?.[(records[0] ?? []).indexOf(String(total))]).toBe('<5');
  });
});

describe('every answer, JSON and CSV', () => {
  const readers = [
    [MANAGER_A, ''],
    [MANAGER_A, '?scope=REGION'],
    [MANAGER_B, ''],
    [MANAGER_B, '?scope=REGION&period=WEEK'],
  ] as const;

  it.each(readers)(
    'should give %s%s a CSV file of each view equal to its JSON table, cell by cell',
    async (manager, query) => {
      for (const view of DASHBOARD_VIEWS) {
        const json = await read(`/dashboards/${view}${query}`, manager);
        const csv = await read(`/dashboards/${view}${query}`, manager, { accept: 'text/csv' });
        const tableOfView = JSON.parse(json.text) as DashboardTable;

        expect(csv.status).toBe(200);
        expect(csv.headers.get('content-type')).toContain('text/csv');
        expect(csv.headers.get('content-disposition')).toBe(
          `attachment; filename="polku-${view}-${tableOfView.from}-${tableOfView.to}.csv"`,
        );
        expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect({ view, records: csvRecords(csv.text) }).toEqual({
          view,
          records: expectedRecords(tableOfView),
        });
        expectNothingOfAClient(json, `${view}${query} as ${manager}`);
        expectNothingOfAClient(csv, `${view}${query} as ${manager}, CSV`);
      }
    },
  );

  it('should hold nothing of a client on the page either', async () => {
    for (const [manager, query] of readers) {
      const answer = await read(`/dashboards${query}`, manager);
      expect(answer.status).toBe(200);
      expectNothingOfAClient(answer, `the page${query} as ${manager}`);
    }
  });
});
