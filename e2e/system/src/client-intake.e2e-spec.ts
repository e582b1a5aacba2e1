import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import { natsLinkOptionsFor } from '@polku/bus-permissions';
import { CLIENT_EXITED_V1, SERVICE_NAMES, validateEvent } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { NatsLink, namespacedSubject, streamNames } from '@polku/messaging';
import { serviceDatabaseName, urlWithDatabase } from '@polku/persistence';
import { testServiceConfig, testToolsLink, waitFor } from '@polku/testing';
import { Client } from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { gatewayClient, type Answer } from './support/gateway-client';
import { startSystem, waitForHealth, type SystemUnderTest } from './system-under-test';

// Client intake through the gateway, against the running services (`npm start`, six
// processes), with the demo issuer's Kainuu users. The identities below are made up; the last
// test searches the whole run for them.
const org = DEMO_ORGANISATIONS;
const CLIENTS = {
  accepted: { code: '010190-123M', givenNames: 'Ainomaija', familyName: 'Kyllönenkoski' },
  declined: { code: '150285-2465', givenNames: 'Eeromatti', familyName: 'Tervahautala' },
  duplicate: { code: '131052-308T', givenNames: 'Lyydiaelina', familyName: 'Ruokolahtinen' },
  consented: { code: '240503A357T', givenNames: 'Veikkojuhani', familyName: 'Pirttimäkinen' },
  returning: { code: '311299-468A', givenNames: 'Sointuhelmi', familyName: 'Kärkkäisharju' },
  toNewProvider: { code: '121270-131P', givenNames: 'Aarnekalevi', familyName: 'Nuottalainen' },
  resolving: { code: '050670-232L', givenNames: 'Iltatähtiina', familyName: 'Suomussalmela' },
} as const;

let system: SystemUnderTest;

beforeAll(async () => {
  system = await startSystem();
  await system.launcher.waitForOutput(
    new RegExp(`polku is up: ${SERVICE_NAMES.length} services in [\\d.]+ s`),
  );
  await waitForHealth(system, (health) => health.status === 'up', 'all up');
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const { api } = gatewayClient(() => system.baseUrl);

function referral(
  client: { code: string; givenNames: string; familyName: string },
  toOrgId: string,
  extra: object = {},
) {
  return {
    client: {
      personalIdentityCode: client.code,
      givenNames: client.givenNames,
      familyName: client.familyName,
      language: 'fi',
      phone: '+358 40 123 4567',
      address: { street: 'Kauppakatu 1 A 2', postalCode: '87100', city: 'Kajaani' },
      addressProtected: true,
    },
    toOrgId,
    requestedMeasure: 'REHABILITATIVE_WORK_ACTIVITY',
    reasonCategory: 'LONG_TERM_UNEMPLOYMENT',
    fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-2026-0042' },
    desiredStart: '2027-01-07',
    ...extra,
  };
}

/** Waits until the user's organisation sees the path (the gateway's projection has caught up). */
function whenVisible(pathId: string, as: string): Promise<Answer> {
  return waitFor(
    async () => {
      const answer = await api('GET', `/paths/${pathId}/referrals`, as);
      return answer.status === 200 ? answer : undefined;
    },
    { description: `path ${pathId} visible to ${as}` },
  );
}

const intake = {
  economicSituation: 'WEAK',
  healthFlag: true,
  housingSituation: 'OWN_HOME',
  relationships: 'SOME_CONCERN',
  lifeManagement: 'SOME_CONCERN',
  educationLevel: 'BASIC_OR_LESS',
  educationCurrency: 'NO_VOCATIONAL_EDUCATION',
  unemploymentDurationBand: 'DAYS_500_TO_999',
  ageBand: 'AGE_30_39',
  languageAndIntegrationNeeds: [],
  currentBenefits: ['LABOUR_MARKET_SUBSIDY'],
  basics: {
    housing: 'OPEN',
    benefits: 'IN_ORDER',
    permits: 'NOT_APPLICABLE',
    debts: 'IN_ORDER',
    treatment: 'IN_ORDER',
  },
  basicNeedIssues: [{ kind: 'HOUSING_ARREARS', ownerOrgId: org.socialServices.id }],
};

it('should take a referral through acceptance to an intake with an owned action item', async () => {
  const created = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.accepted, org.tyonsilta.id, {
      consent: {
        orgIds: [org.tyonsilta.id],
        dataClasses: ['PATH', 'PLAN', 'HEALTH_FLAG'],
        howGiven: 'WRITTEN',
        purpose: 'REFERRAL',
      },
      priorInformation: {
        summary: 'Mornings are hard; start at ten. Wants to work outdoors.',
        workAdaptationNeeded: true,
      },
    }),
  );
  expect(created.status).toBe(201);
  // The answer says nothing of other paths of the client (docs/auth.md); of the identity only
  // whether it is verified (docs/identity.md).
  expect(Object.keys(created.body as object).sort()).toEqual([
    'clientRef',
    'identityStatus',
    'identityVerified',
    'legalBasis',
    'pathId',
    'referralId',
    'version',
  ]);
  const { pathId, referralId } = created.body as { pathId: string; referralId: string };
  expect(created.headers.get('location')).toBe(`/api/v1/paths/${pathId}/referrals/${referralId}`);

  const seen = await whenVisible(pathId, 'ville.tyonsilta');
  expect(seen.body.items).toEqual([
    expect.objectContaining({ referralId, status: 'PENDING', version: 1 }),
  ]);
  // A list answers one page: this one is the last.
  expect(seen.body.nextCursor).toBeNull();
  // The receiver gets the prior information its consent covers.
  const prior = await api(
    'GET',
    `/paths/${pathId}/referrals/${referralId}/prior-information`,
    'ville.tyonsilta',
  );
  expect(prior.status).toBe(200);
  expect(prior.body).toMatchObject({
    summary: 'Mornings are hard; start at ten. Wants to work outdoors.',
    workAdaptationNeeded: true,
    withheld: [],
  });

  const accepted = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/acceptance`,
    'ville.tyonsilta',
    { expectedStart: '2027-01-14' },
    { 'if-match': '"1"' },
  );
  expect(accepted.status).toBe(200);
  expect(accepted.body).toMatchObject({ status: 'ACCEPTED', expectedStart: '2027-01-14' });
  expect(accepted.headers.get('etag')).toBe('"2"');

  const stale = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/decline`,
    'ville.tyonsilta',
    { reasonCategory: 'NO_CAPACITY' },
    { 'if-match': '"1"' },
  );
  expect(stale.status).toBe(412);

  const recorded = await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', intake);
  expect(recorded.status).toBe(201);
  expect(recorded.body.actionItems).toEqual([
    expect.objectContaining({
      kind: 'HOUSING_ARREARS',
      ownerOrgId: org.socialServices.id,
      status: 'OPEN',
    }),
  ]);
  const parallel = await api('POST', `/paths/${pathId}/parallel-services`, 'ville.tyonsilta', {
    service: 'DEBT_COUNSELLING',
  });
  expect(parallel.status).toBe(201);
  const read = await api('GET', `/paths/${pathId}/intake`, 'ville.tyonsilta');
  expect(read.status).toBe(200);
  expect(read.body.assessment).toMatchObject({ healthFlag: true, basics: { housing: 'OPEN' } });
  expect(read.body.parallelServices).toEqual([
    expect.objectContaining({ service: 'DEBT_COUNSELLING' }),
  ]);

  // The health flag is covered only by the client's consent to the provider.
  expect((await api('GET', `/paths/${pathId}/intake`, 'tiina.tyollisyys')).status).toBe(404);
  expect((await api('GET', `/paths/${pathId}/intake`, 'sanna.sosiaalityo')).status).toBe(404);

  // The full code and the protected address only for the owning organisation.
  const asOwner = await api('GET', `/paths/${pathId}/client`, 'tiina.tyollisyys');
  expect(asOwner.body).toMatchObject({
    personalIdentityCode: CLIENTS.accepted.code,
    address: { city: 'Kajaani' },
  });
  const asProvider = await api('GET', `/paths/${pathId}/client`, 'ville.tyonsilta');
  expect(asProvider.status).toBe(200);
  expect(asProvider.body.personalIdentityCode).not.toBe(CLIENTS.accepted.code);
  expect(asProvider.body).toMatchObject({
    familyName: CLIENTS.accepted.familyName,
    address: null,
    addressProtected: true,
  });
});

it('should resolve an action item only with If-Match on the version read: 428 without, 412 when stale', async () => {
  const created = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.resolving, org.tyonsilta.id, {
      consent: {
        orgIds: [org.tyonsilta.id],
        dataClasses: ['PATH', 'HEALTH_FLAG'],
        howGiven: 'WRITTEN',
        purpose: 'REFERRAL',
      },
    }),
  );
  const { pathId, referralId } = created.body as { pathId: string; referralId: string };
  await whenVisible(pathId, 'ville.tyonsilta');
  const accepted = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/acceptance`,
    'ville.tyonsilta',
    { expectedStart: '2027-01-14' },
    { 'if-match': '"1"' },
  );
  expect(accepted.status).toBe(200);
  expect((await api('POST', `/paths/${pathId}/intake`, 'ville.tyonsilta', intake)).status).toBe(
    201,
  );
  const itemsNow = async () =>
    (await api('GET', `/paths/${pathId}/intake`, 'ville.tyonsilta')).body.actionItems;
  const [item] = (await itemsNow()) as { actionItemId: string; version: number }[];
  expect(item).toMatchObject({ status: 'OPEN', version: 1 });
  const url = `/paths/${pathId}/action-items/${item.actionItemId}/resolution`;
  const body = { resolution: 'PAYMENT_PLAN_AGREED' };

  const without = await api('POST', url, 'ville.tyonsilta', body);
  const stale = await api('POST', url, 'ville.tyonsilta', body, { 'if-match': '"2"' });

  expect(without.status).toBe(428);
  expect(without.body).toMatchObject({ type: 'urn:polku:problem:precondition-required' });
  expect(stale.status).toBe(412);
  expect(stale.body).toMatchObject({ type: 'urn:polku:problem:precondition-failed' });
  expect(await itemsNow()).toEqual([
    expect.objectContaining({ status: 'OPEN', resolution: null, version: 1 }),
  ]);

  const resolved = await api('POST', url, 'ville.tyonsilta', body, { 'if-match': '"1"' });
  expect(resolved.status).toBe(200);
  expect(resolved.headers.get('etag')).toBe('"2"');
  expect(resolved.body).toMatchObject({ status: 'RESOLVED', ...body, version: 2 });
});

it('should return a declined referral to the referrer as a task with a due date', async () => {
  const created = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.declined, org.kumppaniksi.id),
  );
  expect(created.status).toBe(201);
  const { pathId, referralId } = created.body as { pathId: string; referralId: string };
  await whenVisible(pathId, 'kaisa.kumppaniksi');

  const declined = await api(
    'POST',
    `/paths/${pathId}/referrals/${referralId}/decline`,
    'kaisa.kumppaniksi',
    { reasonCategory: 'NO_CAPACITY', alternativeSuggested: 'Työnsilta has places in January' },
    { 'if-match': '"1"' },
  );
  expect(declined.status).toBe(200);
  expect(declined.body).toMatchObject({ status: 'DECLINED' });

  // One page of the organisation's tasks, the largest there is: earlier tests leave tasks too.
  const tasks = await api('GET', '/tasks?limit=100', 'tiina.tyollisyys');
  expect(tasks.body.items).toContainEqual(
    expect.objectContaining({ pathId, referralId, kind: 'FIND_ANOTHER_PATH', status: 'OPEN' }),
  );
  const task = (tasks.body.items as { referralId: string; dueDate: string }[]).find(
    (item) => item.referralId === referralId,
  );
  expect(task?.dueDate.localeCompare(new Date().toISOString().slice(0, 10))).toBeGreaterThan(0);
  // The provider that declined no longer sees the path.
  expect((await api('GET', `/paths/${pathId}/referrals`, 'kaisa.kumppaniksi')).status).toBe(404);
});

it('should find the same client however the identity code is written', async () => {
  const first = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.duplicate, org.tyonsilta.id),
  );
  const second = await api(
    'POST',
    '/referrals',
    'sanna.sosiaalityo',
    referral(
      { ...CLIENTS.duplicate, code: ` ${CLIENTS.duplicate.code.toLowerCase()} ` },
      org.kumppaniksi.id,
    ),
  );
  expect(first.status).toBe(201);
  expect(second.status).toBe(201);
  // The same client; but another organisation's referral never joins the open path: it is held
  // on a path of its own until the owner links it (docs/auth.md).
  expect(second.body).toMatchObject({ clientRef: first.body.clientRef });
  expect(second.body.pathId).not.toBe(first.body.pathId);
});

it('should hide the path from an organisation at once when the client withdraws consent', async () => {
  const created = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.consented, org.tyonsilta.id, {
      consent: {
        orgIds: [org.tyonsilta.id],
        dataClasses: ['PATH'],
        howGiven: 'ORAL_RECORDED_BY_WORKER',
        purpose: 'REFERRAL',
      },
      // A PATH-only consent: the HEALTH_FLAG field is refused at the door.
    }),
  );
  const { pathId } = created.body as { pathId: string };
  await whenVisible(pathId, 'ville.tyonsilta');
  const consents = await api('GET', `/paths/${pathId}/consents`, 'tiina.tyollisyys');
  const [consent] = consents.body.items as { consentId: string; version: number }[];
  expect(consent.version).toBe(1);

  const url = `/paths/${pathId}/consents/${consent.consentId}/withdrawal`;
  // Without If-Match, or at a version that is not the consent's, nothing is withdrawn.
  expect((await api('POST', url, 'tiina.tyollisyys')).status).toBe(428);
  expect(
    (await api('POST', url, 'tiina.tyollisyys', undefined, { 'if-match': '"2"' })).status,
  ).toBe(412);
  expect((await api('GET', `/paths/${pathId}/referrals`, 'ville.tyonsilta')).status).toBe(200);
  const withdrawn = await api('POST', url, 'tiina.tyollisyys', undefined, { 'if-match': '"1"' });
  expect(withdrawn.status).toBe(201);
  expect(withdrawn.headers.get('etag')).toBe('"2"');

  // At once: client-intake checks its own records whatever the gateway's projection says.
  expect((await api('GET', `/paths/${pathId}/referrals`, 'ville.tyonsilta')).status).toBe(404);
  expect((await api('GET', `/paths/${pathId}/referrals`, 'tiina.tyollisyys')).status).toBe(200);
});

it('should give a client who returns after an exit a new path linked to the previous one', async () => {
  const first = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.returning, org.tyonsilta.id),
  );
  const previousPathId = first.body.pathId as string;
  await publishClientExited(previousPathId, first.body.clientRef as string);
  await waitFor(
    async () =>
      (await intakeQuery(`SELECT status FROM client_path WHERE id = $1`, [previousPathId]))[0]
        ?.status === 'EXITED',
    { description: 'client-intake to record the exit' },
  );

  const again = await api(
    'POST',
    '/referrals',
    'timo.typ',
    referral(CLIENTS.returning, org.kumppaniksi.id),
  );
  expect(again.status).toBe(201);
  expect(again.body).toMatchObject({ clientRef: first.body.clientRef });
  expect(again.body.pathId).not.toBe(previousPathId);
  // The link and the loop are recorded (and announced as a return), not told to the referrer.
  expect(
    await intakeQuery(`SELECT previous_path_id, loop_count FROM client_path WHERE id = $1`, [
      again.body.pathId,
    ]),
  ).toEqual([{ previous_path_id: previousPathId, loop_count: 1 }]);
});

it('should let only a registry administrator register a provider that can then receive referrals', async () => {
  const orgId = crypto.randomUUID();
  const registration = { name: 'Kainuun Nuotta ry', role: 'PROVIDER', active: true };
  // "0": the organisation does not exist yet (docs/auth.md, the registry).
  const newOne = { 'if-match': '"0"' };
  // A caseworker may not, and an ADMIN keeps only its own organisation: neither registers one.
  for (const user of ['tiina.tyollisyys', 'olli.yllapito']) {
    expect((await api('PUT', `/organisations/${orgId}`, user, registration, newOne)).status).toBe(
      403,
    );
  }
  const registered = await api(
    'PUT',
    `/organisations/${orgId}`,
    'rea.rekisteri',
    registration,
    newOne,
  );
  expect(registered.status).toBe(200);
  const listed = await api('GET', '/organisations?limit=100', 'ville.tyonsilta');
  expect(listed.body.items).toContainEqual(expect.objectContaining({ id: orgId, ...registration }));
  const referred = await api(
    'POST',
    '/referrals',
    'tiina.tyollisyys',
    referral(CLIENTS.toNewProvider, orgId),
  );
  expect(referred.status).toBe(201);
});

it('should answer bad referrals 400 problem+json and write nothing', async () => {
  // Prior information the consent does not cover, or without any consent.
  for (const body of [
    referral(CLIENTS.accepted, org.tyonsilta.id, { priorInformation: { summary: 'Hei' } }),
    referral(CLIENTS.accepted, org.tyonsilta.id, {
      consent: {
        orgIds: [org.tyonsilta.id],
        dataClasses: ['PATH'],
        howGiven: 'WRITTEN',
        purpose: 'REFERRAL',
      },
      priorInformation: { workAdaptationNeeded: true },
    }),
  ]) {
    expect((await api('POST', '/referrals', 'tiina.tyollisyys', body)).status).toBe(400);
  }
  const before = await intakeQuery(
    'SELECT (SELECT count(*) FROM client)::int AS clients, (SELECT count(*) FROM referral)::int AS referrals',
  );
  const bad = [
    referral({ ...CLIENTS.accepted, code: '010190-123N' }, org.tyonsilta.id), // wrong check character
    referral({ ...CLIENTS.accepted, code: '310290-123M' }, org.tyonsilta.id), // 31 February
    referral(CLIENTS.accepted, '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0aff'), // unknown organisation
    referral(CLIENTS.accepted, org.employmentArea.id), // to oneself
    referral(CLIENTS.accepted, org.tyonsilta.id, {
      consent: { orgIds: [], dataClasses: ['PATH'], howGiven: 'WRITTEN', purpose: 'REFERRAL' },
    }), // consent naming no organisation
  ];
  for (const body of bad) {
    const answer = await api('POST', '/referrals', 'tiina.tyollisyys', body);
    expect({ status: answer.status, type: answer.body?.type }).toEqual({
      status: 400,
      type: 'urn:polku:problem:validation-failed',
    });
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(answer.body)).not.toContain(CLIENTS.accepted.familyName);
  }
  // A manager refers nobody: managers get aggregates only.
  const byManager = await api(
    'POST',
    '/referrals',
    'marja.johtaja',
    referral(CLIENTS.accepted, org.tyonsilta.id),
  );
  expect(byManager.status).toBe(403);
  const after = await intakeQuery(
    'SELECT (SELECT count(*) FROM client)::int AS clients, (SELECT count(*) FROM referral)::int AS referrals',
  );
  expect(after).toEqual(before);
});

it('should keep identity codes and names out of every event, log line and other service', async () => {
  const secrets = Object.values(CLIENTS).flatMap((client) => [
    client.code,
    client.code.toLowerCase(),
    client.givenNames,
    client.familyName,
  ]);
  const found = (where: string, text: string) =>
    secrets.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${where}`);

  // The search itself works: a planted name is found.
  expect(found('a control text', `… ${CLIENTS.accepted.familyName} …`)).toHaveLength(1);
  const leaks = [
    ...found('the launcher and service logs', system.launcher.output()),
    ...(await streamMessages()).flatMap((message, index) => found(`event #${index + 1}`, message)),
  ];
  for (const service of [
    'gateway',
    'activation-plans',
    'network-meetings',
    'transitions',
    'dashboards',
    'work-queue',
  ] as const) {
    leaks.push(...found(`the ${service} database`, await databaseText(service)));
  }
  expect(leaks).toEqual([]);
  // The search can find: the identities are in client-intake's tables, sealed, and nowhere in clear.
  expect(found('client-intake', await databaseText('client-intake'))).toEqual([]);
  expect((await intakeQuery('SELECT count(*)::int AS n FROM client'))[0].n).toBeGreaterThanOrEqual(
    5,
  );
});

async function intakeQuery(sql: string, parameters: unknown[] = []) {
  const client = new Client({
    connectionString: urlWithDatabase(
      system.env.DATABASE_URL,
      serviceDatabaseName(system.env.DATABASE_NAME_PREFIX, 'client-intake'),
    ),
  });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

/** Every row of every table of a service's database, as text. */
async function databaseText(service: Parameters<typeof serviceDatabaseName>[1]): Promise<string> {
  const client = new Client({
    connectionString: urlWithDatabase(
      system.env.DATABASE_URL,
      serviceDatabaseName(system.env.DATABASE_NAME_PREFIX, service),
    ),
  });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name
         FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    let text = '';
    for (const { name } of tables.rows) {
      const rows = await client.query(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      text += rows.rows.map((row: { row: string }) => row.row).join('\n');
    }
    return text;
  } finally {
    await client.end();
  }
}

/** Every message in the run's event stream, headers and payload, as text. */
async function streamMessages(): Promise<string[]> {
  const link = testToolsLink(testServiceConfig({ ...system.env }), 'polku-test-privacy');
  try {
    const jsm = await jetstreamManager(await link.connect());
    const stream = streamNames(system.env.NATS_NAMESPACE).events;
    const { state } = await jsm.streams.info(stream);
    const messages: string[] = [];
    for (let seq = state.first_seq; seq <= state.last_seq; seq += 1) {
      const message = await jsm.streams.getMessage(stream, { seq });
      if (message) {
        messages.push(`${JSON.stringify(message.header ?? {})} ${message.string()}`);
      }
    }
    expect(messages.length).toBeGreaterThan(10);
    return messages;
  } finally {
    await link.close();
  }
}

/** The exit of a path, as the transitions service will publish it (issue 8). */
async function publishClientExited(pathId: string, clientRef: string): Promise<void> {
  const id = uuidv7();
  const envelope = {
    id,
    type: CLIENT_EXITED_V1.type,
    version: CLIENT_EXITED_V1.version,
    occurredAt: new Date().toISOString(),
    pathId,
    clientRef,
    emitter: {
      orgId: org.employmentArea.id,
      orgRole: 'EMPLOYMENT_AUTHORITY',
      actorId: 'demo-user-01',
      actorRole: 'CASEWORKER',
    },
    correlationId: pathId,
    causationId: null,
    dataClass: CLIENT_EXITED_V1.dataClass,
    legalBasis: 'Act on Organising Employment Services 380/2023',
    data: {
      destination: { group: 'LABOUR_MARKET', category: 'OPEN_LABOUR_MARKET' },
      confirmed: true,
      exitDate: new Date().toISOString().slice(0, 10),
    },
  };
  const validation = validateEvent(CLIENT_EXITED_V1.subject, envelope);
  if (!validation.ok) {
    throw new Error(`test ClientExited is invalid: ${validation.errors.join('; ')}`);
  }
  // As the transitions service's own NATS user: the subject is its own.
  const link = new NatsLink(
    natsLinkOptionsFor(
      testServiceConfig({ ...system.env }),
      'transitions',
      'polku-test-transitions',
    ),
  );
  try {
    const headers = natsHeaders();
    headers.set('Nats-Msg-Id', id);
    await jetstream(await link.connect()).publish(
      namespacedSubject(system.env.NATS_NAMESPACE, CLIENT_EXITED_V1.subject),
      JSON.stringify(envelope),
      { headers, msgID: id },
    );
  } finally {
    await link.close();
  }
}
