import {
  INTAKE_COMPLETED_V1,
  NETWORK_MEETING_HELD_V1,
  OWNERSHIP_TRANSFERRED_V1,
  UNASSIGNED_WORKER_ID,
  type IntakeCompletedPayload,
} from '@polku/contracts';
import { startOfFinnishDay, type IsoDate } from '@polku/timers';
import { MUNICIPALITY_WEIGHTS } from './distributions';
import {
  anotherParty,
  emitterOf,
  timer,
  workerIdOf,
  type Party,
  type Story,
} from './story-context';

// Organisations that come to a path besides its referrer and providers, and changes of who
// holds it: a network meeting's participants, a new intake by the receiver of a hand-off, the
// follow-ups moved when a provider's funding ends (docs/transitions.md).

/**
 * A network meeting held on the day: the owner convenes it with the referrer and, now and then,
 * an organisation not on the path before (a party from then on).
 */
export function holdMeeting(story: Story, day: IsoDate): void {
  const { random, rec } = story;
  const guest = anotherParty(random, story.world.referrers, story.referrer.org);
  const orgs = [story.owner, story.referrer, ...(random.chance(0.5) ? [guest] : [])];
  const participants = [...new Map(orgs.map((party) => [party.org.orgId, party])).values()];
  const heldAt = new Date(startOfFinnishDay(day).getTime() + 9 * 3_600_000);
  rec.emit(NETWORK_MEETING_HELD_V1.subject, rec.time(day), emitterOf(story.owner), {
    meetingId: random.uuid(),
    kind: 'PROGRESS_MEETING',
    heldAt: heldAt.toISOString(),
    endedAt: new Date(heldAt.getTime() + 3_600_000).toISOString(),
    participants: participants.map((party) => ({
      orgId: party.org.orgId,
      roles: [party.org.kind === 'PROVIDER' ? 'WORK_COACH' : 'EMPLOYMENT_COUNSELLOR'],
    })),
    clientPresent: true,
    expertPresent: false,
    decisions: [],
  });
}

/** A new intake by the organisation that took the path on: the client may have moved. */
export function intakeAgain(story: Story): void {
  const { random, rec } = story;
  const previous = story.intake;
  if (previous === undefined) {
    return;
  }
  const municipality = random.chance(0.3)
    ? random.weighted(MUNICIPALITY_WEIGHTS)
    : (previous.municipality ?? 'NONE');
  const { municipality: _before, ...rest } = previous;
  const intake: IntakeCompletedPayload = {
    ...rest,
    intakeId: random.uuid(),
    ...(municipality === 'NONE' ? {} : { municipality }),
  };
  rec.emit(INTAKE_COMPLETED_V1.subject, rec.time(story.day), emitterOf(story.owner), intake);
  story.intake = intake;
}

/**
 * The provider's funding ends while it follows the client up: the follow-ups move to the
 * path's referrer, whose team lead has still to name a worker (docs/transitions.md).
 * Answers the new owner.
 */
export function fundingEnds(story: Story, owner: Party, day: IsoDate): Party {
  const { rec } = story;
  const fallback: Party = { org: story.referrer.org, worker: story.referrer.worker };
  const at = rec.time(day);
  rec.emit(OWNERSHIP_TRANSFERRED_V1.subject, at, timer('funding-end-timer'), {
    fromOrgId: owner.org.orgId,
    fromWorkerId: workerIdOf(owner),
    toOrgId: fallback.org.orgId,
    toWorkerId: UNASSIGNED_WORKER_ID,
    reason: 'PROVIDER_FUNDING_ENDED',
  });
  rec.step(
    timer('funding-end-timer'),
    { accountableOrgId: fallback.org.orgId, workerId: UNASSIGNED_WORKER_ID, level: 'TEAM_LEAD' },
    at,
  );
  return fallback;
}
