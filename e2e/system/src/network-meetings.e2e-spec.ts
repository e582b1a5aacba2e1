import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import { gatewayClient } from './support/gateway-client';
import { pathSeeder } from './support/seed-paths';
import { startServiceProcesses, type ServiceProcesses } from './support/service-processes';

// An experiential expert at a network meeting through the real gateway and services: the
// client's consent for EXPERT_PARTICIPATION naming the expert's organisation lets it be invited;
// no consent, or a consent for another purpose, is refused with 422 EXPERT_CONSENT_MISSING and
// nothing is written (docs/meetings.md).
const org = DEMO_ORGANISATIONS;
const SERVICES = ['gateway', 'client-intake', 'network-meetings'] as const;

let system: ServiceProcesses;
const { api } = gatewayClient(() => system.baseUrl);
const { acceptedPath } = pathSeeder(api, 'Verkosto');

beforeAll(async () => {
  system = await startServiceProcesses(SERVICES);
}, 180_000);

afterAll(async () => {
  await system?.stop();
});

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

/** A meeting Työnsilta convenes, with Kumppaniksi sending an experiential expert. */
const withExpert = (expertConsentRef?: string) => ({
  kind: 'PROGRESS_MEETING',
  convenor: 'ORGANISATION',
  invitees: [
    { orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] },
    {
      orgId: org.kumppaniksi.id,
      roles: ['EXPERIENTIAL_EXPERT'],
      ...(expertConsentRef === undefined ? {} : { expertConsentRef }),
    },
  ],
  startsAt: inHours(2),
  endsAt: inHours(3),
  venue: 'REMOTE',
});

async function grantConsent(pathId: string, purpose: string): Promise<string> {
  const granted = await api('POST', `/paths/${pathId}/consents`, 'tiina.tyollisyys', {
    orgIds: [org.kumppaniksi.id],
    dataClasses: ['PATH'],
    howGiven: 'WRITTEN',
    purpose,
  });
  expect(granted.status).toBe(201);
  return (granted.body as { consentId: string }).consentId;
}

it('should refuse an experiential expert without the client’s consent for it and accept one with it', async () => {
  const pathId = await acceptedPath();
  const otherPurpose = await grantConsent(pathId, 'NETWORK_MEETING');
  const expertConsent = await grantConsent(pathId, 'EXPERT_PARTICIPATION');

  // Accepted once network-meetings has projected the consents (both: they come in order).
  const scheduled = await waitFor(
    async () => {
      const answer = await api(
        'POST',
        `/paths/${pathId}/meetings`,
        'ville.tyonsilta',
        withExpert(expertConsent),
      );
      return answer.status === 201 ? answer : undefined;
    },
    { timeoutMs: 30_000, description: 'the meeting with a consented expert scheduled' },
  );
  const missing = await api('POST', `/paths/${pathId}/meetings`, 'ville.tyonsilta', withExpert());
  const wrongPurpose = await api(
    'POST',
    `/paths/${pathId}/meetings`,
    'ville.tyonsilta',
    withExpert(otherPurpose),
  );

  for (const refused of [missing, wrongPurpose]) {
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      type: 'urn:polku:problem:rule-violated',
      errors: [{ rule: 'EXPERT_CONSENT_MISSING', field: 'invitees[1].expertConsentRef' }],
    });
  }
  const listed = await api('GET', `/paths/${pathId}/meetings`, 'ville.tyonsilta');
  expect((listed.body as { items: { meetingId: string }[] }).items).toEqual([
    expect.objectContaining({ meetingId: (scheduled.body as { meetingId: string }).meetingId }),
  ]);
});
