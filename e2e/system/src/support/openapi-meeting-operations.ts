import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import type { FixtureWorld, OperationFixture } from './openapi-operation-fixtures';

const org = DEMO_ORGANISATIONS;

/** A path in intake with a meeting Työnsilta scheduled, and the meeting's ETag. */
async function scheduledMeeting(w: FixtureWorld) {
  const pathId = await w.inIntake();
  const meeting = await w.expectStatus(
    w.api('POST', `/paths/${pathId}/meetings`, 'ville.tyonsilta', {
      kind: 'PROGRESS_MEETING',
      convenor: 'ORGANISATION',
      invitees: [{ orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] }],
      startsAt: '2026-11-30T09:00:00.000Z',
      endsAt: '2026-11-30T10:30:00.000Z',
      venue: 'REMOTE',
    }),
    201,
    'the meeting',
  );
  return { params: { pathId, meetingId: meeting.meetingId as string }, ifMatch: '"1"' };
}

/** Operations of network-meetings: meetings, agreed next steps, client voice. */
export function meetingOperations(): Record<string, OperationFixture> {
  return {
    'GET /api/v1/paths/{pathId}/meetings': {
      as: 'tiina.tyollisyys',
      prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
    },
    'POST /api/v1/paths/{pathId}/meetings': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({
        params: { pathId: await w.inIntake() },
        references: { 'invitees.0.orgId': org.tyonsilta.id },
      }),
    },
    'GET /api/v1/paths/{pathId}/meetings/{meetingId}': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: (await scheduledMeeting(w)).params }),
    },
    'POST /api/v1/paths/{pathId}/meetings/{meetingId}/cancellation': {
      as: 'ville.tyonsilta',
      prepare: scheduledMeeting,
    },
    'POST /api/v1/paths/{pathId}/meetings/{meetingId}/record': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({
        ...(await scheduledMeeting(w)),
        references: { 'participants.0.orgId': org.tyonsilta.id },
      }),
    },
    'GET /api/v1/paths/{pathId}/agreed-steps': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
    },
    'POST /api/v1/paths/{pathId}/agreed-steps': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({
        params: { pathId: await w.inIntake() },
        references: { ownerOrgId: org.tyonsilta.id },
      }),
    },
    'POST /api/v1/paths/{pathId}/agreed-steps/{actionItemId}/completion': {
      as: 'ville.tyonsilta',
      prepare: async (w) => {
        const pathId = await w.inIntake();
        const item = await w.expectStatus(
          w.api('POST', `/paths/${pathId}/agreed-steps`, 'ville.tyonsilta', {
            description: 'Soita työkokeilupaikkaan',
            ownerOrgId: org.tyonsilta.id,
            ownerWorkerId: 'usr_7b1d4e08',
            dueDate: '2027-12-15',
          }),
          201,
          'the action item',
        );
        return { params: { pathId, actionItemId: item.actionItemId as string }, ifMatch: '"1"' };
      },
    },
    'POST /api/v1/paths/{pathId}/client-voice': {
      as: 'ville.tyonsilta',
      // Client voice needs the client's consent for it: granted, then awaited until the gateway
      // and network-meetings both have it (a first entry goes through).
      prepare: async (w) => {
        const pathId = await w.inIntake();
        await w.expectStatus(
          w.api('POST', `/paths/${pathId}/consents`, 'tiina.tyollisyys', {
            orgIds: [org.tyonsilta.id],
            dataClasses: ['CLIENT_VOICE'],
            howGiven: 'WRITTEN',
            purpose: 'CLIENT_WORK',
          }),
          201,
          'the client-voice consent',
        );
        await waitFor(
          async () =>
            (
              await w.api('POST', `/paths/${pathId}/client-voice`, 'ville.tyonsilta', {
                kind: 'OWN_GOALS',
                author: 'CLIENT',
                text: 'Haluan takaisin töihin.',
                visibility: 'WRITER_ORGANISATION',
              })
            ).status === 201,
          { timeoutMs: 20_000, description: 'client voice accepted on the new consent' },
        );
        return { params: { pathId } };
      },
    },
  };
}
