import { DEMO_ORGANISATIONS } from '@polku/demo';
import { waitFor } from '@polku/testing';
import type { FixtureWorld, OperationFixture } from './openapi-operation-fixtures';

const org = DEMO_ORGANISATIONS;

/**
 * A path with a measure Työnsilta paused and a meeting it held that decided the pause, both on
 * the path's timeline: the meeting, its decision and the MeasurePaused event that carried it out.
 */
async function heldPauseDecision(w: FixtureWorld) {
  const pathId = await w.inIntake();
  await w.withIntake(pathId);
  await w.withPlan(pathId);
  const measureId = await w.withMeasure(pathId);
  await w.expectStatus(
    w.api(
      'POST',
      `/paths/${pathId}/measures/${measureId}/pause`,
      'ville.tyonsilta',
      { reasonCategory: 'SICK_LEAVE' },
      { 'if-match': '"1"' },
    ),
    200,
    'the pause',
  );
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
  const meetingId = meeting.meetingId as string;
  const recorded = await w.api(
    'POST',
    `/paths/${pathId}/meetings/${meetingId}/record`,
    'ville.tyonsilta',
    {
      heldAt: '2026-11-30T09:05:00.000Z',
      endedAt: '2026-11-30T10:20:00.000Z',
      participants: [{ orgId: org.tyonsilta.id, roles: ['INSTRUCTOR'] }],
      clientPresent: true,
      decisions: [{ kind: 'PAUSE' }],
    },
    { 'if-match': '"1"' },
  );
  if (recorded.status >= 300) {
    throw new Error(`recording the meeting answered ${recorded.status}`);
  }
  const held = await w.eventOf(pathId, 'NetworkMeetingHeld');
  const paused = await w.eventOf(pathId, 'MeasurePaused');
  // The link is checked on the timeline: both must be on it first.
  await waitFor(
    async () => {
      const page = await w.api(
        'GET',
        `/paths/${pathId}/timeline?kind=MEETING&kind=PAUSE`,
        'ville.tyonsilta',
      );
      const ids = ((page.body as { items?: { eventId: string }[] }).items ?? []).map(
        (e) => e.eventId,
      );
      return ids.includes(held.id) && ids.includes(paused.id) ? true : undefined;
    },
    { timeoutMs: 20_000, description: 'the meeting and the pause on the timeline' },
  );
  const decisions = (held.data as { decisions: { decisionId: string }[] }).decisions;
  return {
    params: { pathId, meetingId, decisionId: decisions[0].decisionId },
    references: { eventId: paused.id },
  };
}

/** Operations of the shared timeline. */
export function timelineOperations(): Record<string, OperationFixture> {
  return {
    'GET /api/v1/paths/{pathId}/timeline': {
      as: 'ville.tyonsilta',
      prepare: async (w) => ({ params: { pathId: await w.inIntake() } }),
    },
    'POST /api/v1/paths/{pathId}/meetings/{meetingId}/decisions/{decisionId}/link': {
      as: 'ville.tyonsilta',
      prepare: heldPauseDecision,
    },
  };
}
