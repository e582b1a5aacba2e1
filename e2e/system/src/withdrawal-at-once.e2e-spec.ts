import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { gatewayClient } from './support/gateway-client';
import { serviceQuery } from './support/service-database';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// Issue 15 item 7 (ADR 0014): once the gateway has answered a withdrawal 2xx, no endpoint
// discloses what the withdrawn consent covered, even though client-intake's outbox relay never
// delivers the ConsentWithdrawn event to the gateway or to any other service.
const org = DEMO_ORGANISATIONS;
const SERVICES = [
  'gateway',
  'client-intake',
  'transitions',
  'activation-plans',
  'network-meetings',
] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { plannablePath, agreePlan, whenStatus } = pathSeeder(api, 'Peruutus');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

/**
 * Every GET of the API that reads one path's data, from the OpenAPI document the route table
 * generates (docs/openapi.json): the endpoints that could disclose consent-covered data.
 */
function pathReads(): string[] {
  const document = JSON.parse(
    readFileSync(resolve(__dirname, '../../../docs/openapi.json'), 'utf8'),
  ) as {
    paths: Record<
      string,
      Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>
    >;
  };
  // Live streams never end by themselves; each push is checked by the service and the gateway
  // (live-updates.e2e-spec.ts ends one on a withdrawal).
  const isStream = (operations: (typeof document.paths)[string]) =>
    operations.get?.responses?.['200']?.content?.['text/event-stream'] !== undefined;
  return Object.entries(document.paths)
    .filter(
      ([url, operations]) =>
        'get' in operations && url.includes('{pathId}') && !isStream(operations),
    )
    .map(([url]) => url.replace(/^\/api\/v1/, ''));
}

/**
 * Stops client-intake's outbox relay for good: from now on every row client-intake writes to its
 * outbox is born marked as published, so the relay never sends it (the event never reaches
 * JetStream, the gateway's projection or any service).
 */
async function stopClientIntakeRelay(): Promise<void> {
  await serviceQuery(
    system.env,
    'client-intake',
    `CREATE FUNCTION e2e_relay_stopped() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN NEW.published_at := now(); RETURN NEW; END $$`,
  );
  await serviceQuery(
    system.env,
    'client-intake',
    `CREATE TRIGGER e2e_relay_stopped BEFORE INSERT ON outbox_message
       FOR EACH ROW EXECUTE FUNCTION e2e_relay_stopped()`,
  );
}

describe('a consent withdrawal takes effect at once', () => {
  it('withdrawal with the relay stopped: every read the consent covered answers 404 to the organisation it named, which keeps only the path it is accountable for', async () => {
    const pathId = await plannablePath();
    const agreed = await agreePlan(pathId, 'tiina.tyollisyys', {
      parties: [{ orgId: org.employmentArea.id }, { orgId: org.tyonsilta.id }],
      clientAgreed: true,
      linkedPlans: [],
      goals: [{ text: 'Käyn työtoiminnassa kolmena päivänä viikossa.' }],
    });
    expect(agreed.status).toBe(201);
    // Työnsilta reads the plan on the client's consent, once the plan events reached it.
    await whenStatus(`/paths/${pathId}/activation-plan`, 'ville.tyonsilta', 200);
    // And the agreed next steps (PLAN) in network-meetings, once it has the consent too.
    await whenStatus(`/paths/${pathId}/agreed-steps`, 'ville.tyonsilta', 200);
    const referrals = await api('GET', `/paths/${pathId}/referrals`, 'ville.tyonsilta');
    const { referralId } = (referrals.body as { items: { referralId: string }[] }).items[0];
    const consents = await api('GET', `/paths/${pathId}/consents`, 'ville.tyonsilta');
    const consent = (
      consents.body as { items: { consentId: string; kind: string; version: number }[] }
    ).items.find((record) => record.kind === 'GRANT');
    if (consent === undefined) {
      throw new Error('the referral recorded no consent');
    }
    const urls = pathReads().map((url) =>
      url.replace('{pathId}', pathId).replace('{referralId}', referralId),
    );
    const before = new Map<string, number>();
    for (const url of urls) {
      before.set(url, (await api('GET', url, 'ville.tyonsilta')).status);
    }
    // The positive control: the path, its plan, its client and its records were readable.
    for (const readable of ['', '/activation-plan', '/client', '/consents', '/referrals']) {
      expect([`/paths/${pathId}${readable}`, before.get(`/paths/${pathId}${readable}`)]).toEqual([
        `/paths/${pathId}${readable}`,
        200,
      ]);
    }

    await stopClientIntakeRelay();
    const withdrawn = await api(
      'POST',
      `/paths/${pathId}/consents/${consent.consentId}/withdrawal`,
      'tiina.tyollisyys',
      undefined,
      { 'if-match': `"${consent.version}"` },
    );
    expect(withdrawn.status).toBe(201);

    const after: [string, number][] = [];
    for (const url of urls) {
      after.push([url, (await api('GET', url, 'ville.tyonsilta')).status]);
    }
    // Työnsilta accepted the referral and is accountable for the path: it keeps the path itself
    // (PATH) on its task (issue 16, docs/auth.md). Everything only the consent covered — the plan
    // (Työnsilta is no statutory plan party), the intake's health flag, the prior information
    // given for that package — is gone at once.
    const consentOnly = new Set(
      ['/activation-plan', '/activation-plan/history', '/intake', '/agreed-steps'].map(
        (read) => `/paths/${pathId}${read}`,
      ),
    );
    consentOnly.add(`/paths/${pathId}/referrals/${referralId}/prior-information`);
    expect(after).toEqual(urls.map((url) => [url, consentOnly.has(url) ? 404 : before.get(url)]));
    for (const readable of ['', '/client', '/consents', '/referrals']) {
      expect(after).toContainEqual([`/paths/${pathId}${readable}`, 200]);
    }
    // The relay really is stopped: the withdrawal event is still only in client-intake.
    const [gatewayRow] = await serviceQuery<{ withdrawn_at: Date | null }>(
      system.env,
      'gateway',
      'SELECT withdrawn_at FROM path_access_consent WHERE consent_id = $1',
      [consent.consentId],
    );
    expect(gatewayRow.withdrawn_at).not.toBeNull();
    const inPlans = await serviceQuery<{ withdrawn_at: Date | null }>(
      system.env,
      'activation-plans',
      'SELECT withdrawn_at FROM path_access_consent WHERE consent_id = $1',
      [consent.consentId],
    );
    expect(inPlans).toEqual([{ withdrawn_at: null }]);
    // The employment area keeps its own basis, the law of its task.
    expect((await api('GET', `/paths/${pathId}`, 'tiina.tyollisyys')).status).toBe(200);
  });
});
