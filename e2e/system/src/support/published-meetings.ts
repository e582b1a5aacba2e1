import { randomUUID } from 'node:crypto';
import { NETWORK_MEETING_SCHEDULED_V1 } from '@polku/contracts';
import { DEMO_ORGANISATIONS } from '@polku/demo';
import { newOutboxEvent, publishEventAsOwner, testServiceConfig } from '@polku/testing';
import { streamEvents } from './event-stream';

/**
 * Puts a network meeting of the path, convened by the employment area and going on now, on the
 * bus as network-meetings would publish it (same client reference, emitter and ground as the
 * employment area's own events of the path); answers its meeting id.
 */
export async function publishMeetingScheduled(
  env: Readonly<Record<string, string>>,
  pathId: string,
  invitees: readonly string[],
): Promise<string> {
  const meetingId = randomUUID();
  const own = (await streamEvents(env)).find(
    (event) =>
      event.pathId === pathId && event.emitter.orgId === DEMO_ORGANISATIONS.employmentArea.id,
  );
  if (own === undefined) {
    throw new Error('the path has no event of the employment area');
  }
  const now = Date.now();
  await publishEventAsOwner(
    testServiceConfig(env),
    NETWORK_MEETING_SCHEDULED_V1.subject,
    newOutboxEvent(NETWORK_MEETING_SCHEDULED_V1.subject, {
      pathId,
      clientRef: own.clientRef,
      emitter: own.emitter,
      consentRef: own.consentRef,
      legalBasis: own.legalBasis,
      data: {
        meetingId,
        kind: 'PROGRESS_MEETING',
        convenor: 'ORGANISATION',
        convenorOrgId: DEMO_ORGANISATIONS.employmentArea.id,
        invitees: invitees.map((orgId) => ({ orgId, roles: ['EMPLOYMENT_COUNSELLOR'] })),
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 3_600_000).toISOString(),
        venue: 'REMOTE',
        venueOrgId: undefined,
        handoffId: undefined,
      },
    }),
  );
  return meetingId;
}
