import {
  CLIENT_EXITED_V1,
  FOLLOW_UP_COMPLETED_V1,
  FOLLOW_UP_DUE_V1,
  FOLLOW_UP_MISSED_V1,
  FOLLOW_UP_SCHEDULED_V1,
  PATH_CLOSED_V1,
  UNCLEAR_PATH_FLAGGED_V1,
  type DestinationCategory,
  type ExitDestination,
  type FollowUpStatus,
} from '@polku/contracts';
import { addCalendarDays, addCalendarMonths, type IsoDate } from '@polku/timers';
import { randomDestination } from './distributions';
import { handOff } from './story-handoff';
import { fundingEnds } from './story-parties';
import {
  advance,
  emitterOf,
  escalateLateStep,
  timer,
  workerIdOf,
  type Party,
  type Story,
} from './story-context';

/** What an exit left: its date, and the day the client comes back on a new path, if they do. */
export interface ExitOutcome {
  exitDate?: IsoDate;
  returnOn?: IsoDate;
  /** The unclear path was handed to a provider: the path goes on with its measures. */
  handedOff?: boolean;
}

/** The months after the exit at which follow-ups are due (transitions' default 1, 3, 6). */
const FOLLOW_UP_MONTHS = [1, 3, 6];

/** Whether `day` is on or after the client's return, when the old path stops. */
function returned(outcome: ExitOutcome, day: IsoDate): boolean {
  return outcome.returnOn !== undefined && day >= outcome.returnOn;
}

/** FollowUpCompleted: where the client is now; `CHANGED` names the new destination. */
function completeFollowUp(
  story: Story,
  owner: Party,
  followUpId: string,
  day: IsoDate,
  exitCategory: string,
): { confirms: boolean; destination?: ExitDestination } {
  const { random, rec } = story;
  const statusNow: FollowUpStatus = random.weighted({
    SAME: 55,
    CHANGED: 20,
    BACK_IN_VTM: 10,
    UNKNOWN: 15,
  });
  const destination =
    statusNow === 'CHANGED'
      ? randomDestination(random, [exitCategory as never, 'UNCLEAR_PATH', 'RETURNED_TO_VTM'])
      : undefined;
  const confirms = statusNow !== 'UNKNOWN' && random.chance(0.7);
  rec.emit(FOLLOW_UP_COMPLETED_V1.subject, rec.time(day), emitterOf(owner), {
    followUpId,
    statusNow,
    ...(destination === undefined ? {} : { destination }),
    contactMode:
      statusNow === 'UNKNOWN' ? 'NO_CONTACT' : random.pick(['PHONE', 'MEETING'] as const),
    helpGiven: random.chance(0.5) ? ['JOB_APPLICATIONS'] : [],
    confirmsDestination: confirms,
  });
  return { confirms, destination };
}

/** ClientExited on the story's day (recorded then or a few days later); its destination. */
function recordExit(
  story: Story,
  outcome: ExitOutcome,
  except: readonly DestinationCategory[],
): { destination: ExitDestination; at: Date } {
  const { random, rec } = story;
  const exitDate = story.day;
  const destination = randomDestination(random, except);
  const at = rec.time(random.chance(0.4) ? addCalendarDays(exitDate, random.int(1, 4)) : exitDate);
  rec.emit(CLIENT_EXITED_V1.subject, at, emitterOf(story.owner), {
    destination,
    confirmed: random.chance(0.5),
    exitDate,
  });
  outcome.exitDate = exitDate;
  return { destination, at };
}

/**
 * An unclear path: its owner searches, reviewing on time a few times (each review sets the next
 * date). The search may find the client a destination (`EXIT`: the story is then at the day of
 * the new exit) or a provider who takes them on (`HANDED_OFF`: the path goes on, in PLANNING);
 * else (`STAYS`) the review slides, escalates, and the path is lost.
 */
function searchUnclear(
  story: Story,
  outcome: ExitOutcome,
  at: Date,
): 'EXIT' | 'HANDED_OFF' | 'STAYS' {
  const { random, rec } = story;
  const owner = story.owner;
  let due = addCalendarDays(story.day, 28);
  rec.emit(UNCLEAR_PATH_FLAGGED_V1.subject, at, emitterOf(owner), {
    searchOwnerOrgId: owner.org.orgId,
    searchWorkerId: workerIdOf(owner),
    reviewDate: due,
  });
  rec.step(
    emitterOf(owner),
    { state: 'UNCLEAR_PATH', nextStep: 'REVIEW_UNCLEAR_PATH', dueDate: due },
    at,
  );
  for (let reviews = random.int(0, 3); reviews > 0 && !returned(outcome, due); reviews -= 1) {
    const reviewed = rec.time(due);
    story.day = due;
    due = addCalendarDays(due, 28);
    rec.step(emitterOf(owner), { dueDate: due }, reviewed);
  }
  const found = random.next();
  if (found < 0.45) {
    story.day = addCalendarDays(story.day, random.int(1, 20));
    if (!returned(outcome, story.day)) {
      // A destination (a second exit), or a provider to hand the client to.
      return found < 0.3 ? 'EXIT' : handOff(story) ? 'HANDED_OFF' : 'STAYS';
    }
  }
  escalateLateStep(story, 'REVIEW_UNCLEAR_PATH', due, outcome.returnOn ?? '9999-12-31');
  return 'STAYS';
}

/**
 * The exit with a Table 7 destination. An unclear path gets a search owner and reviews, and
 * sometimes a second exit once a destination is found; any other exit schedules follow-ups 1, 3
 * and 6 months on, each completed, missed (and maybe completed late) or still open, and the
 * path is closed when every follow-up was done and one confirmed the destination. With
 * `returnAfterDays` the client comes back that long after the first exit and the path stops.
 */
export function exitAndFollowUp(story: Story, returnAfterDays?: number): ExitOutcome {
  const { random, rec } = story;
  const outcome: ExitOutcome = {
    returnOn:
      returnAfterDays === undefined ? undefined : addCalendarDays(story.day, returnAfterDays),
  };
  let { destination, at } = recordExit(story, outcome, []);
  if (destination.category === 'UNCLEAR_PATH') {
    const search = searchUnclear(story, outcome, at);
    if (search === 'HANDED_OFF') {
      return { handedOff: true };
    }
    if (search === 'STAYS') {
      return outcome;
    }
    ({ destination, at } = recordExit(story, outcome, ['UNCLEAR_PATH']));
  }
  const exitDate = story.day;
  const owner = story.owner;
  // The last provider follows the client up; now and then the referrer takes it.
  let followOwner = random.chance(0.15) ? story.referrer : owner;
  const followUps = FOLLOW_UP_MONTHS.map((months) => ({
    followUpId: random.uuid(),
    dueDate: addCalendarMonths(exitDate, months),
  }));
  rec.emit(FOLLOW_UP_SCHEDULED_V1.subject, at, emitterOf(owner), {
    ownerOrgId: followOwner.org.orgId,
    followUps,
  });
  rec.step(
    emitterOf(owner),
    {
      state: 'FOLLOW_UP',
      ...rec.owner(followOwner.org, workerIdOf(followOwner)),
      nextStep: 'FOLLOW_UP',
      dueDate: followUps[0].dueDate,
    },
    at,
  );
  let confirmed = false;
  let allDone = true;
  let lastDone = exitDate;
  // Follow-ups done without a confirmed destination get one more a month on (at most twice
  // here): transitions does not let the path end unconfirmed.
  let repeats = 0;
  for (let index = 0; index < followUps.length; index += 1) {
    const { followUpId, dueDate } = followUps[index];
    const next = followUps[index + 1]?.dueDate;
    if (returned(outcome, dueDate)) {
      return outcome;
    }
    if (followOwner !== story.referrer && random.chance(0.04)) {
      followOwner = fundingEnds(story, followOwner, addCalendarDays(dueDate, -random.int(1, 20)));
    }
    rec.emit(FOLLOW_UP_DUE_V1.subject, rec.time(dueDate), timer('follow-up-timer'), {
      followUpId,
      dueDate,
      ownerOrgId: followOwner.org.orgId,
    });
    let doneOn: IsoDate | undefined = addCalendarDays(dueDate, random.int(0, 10));
    if (random.chance(0.28)) {
      const missedOn = addCalendarDays(dueDate, 14);
      if (returned(outcome, missedOn)) {
        return outcome;
      }
      const missed = rec.time(missedOn);
      rec.emit(FOLLOW_UP_MISSED_V1.subject, missed, timer('follow-up-timer'), {
        followUpId,
        dueDate,
        ownerOrgId: followOwner.org.orgId,
        escalatedTo: 'MANAGER',
      });
      doneOn = random.chance(0.35) ? addCalendarDays(dueDate, random.int(20, 45)) : undefined;
      if (doneOn === undefined && next !== undefined) {
        rec.step(timer('follow-up-timer'), { nextStep: 'FOLLOW_UP', dueDate: next }, missed);
      }
    }
    if (doneOn === undefined) {
      allDone = false;
      continue;
    }
    if (returned(outcome, doneOn)) {
      return outcome;
    }
    const done = completeFollowUp(story, followOwner, followUpId, doneOn, destination.category);
    confirmed ||= done.confirms;
    destination = done.destination ?? destination;
    lastDone = doneOn;
    if (next !== undefined) {
      rec.step(emitterOf(followOwner), { nextStep: 'FOLLOW_UP', dueDate: next });
    } else if (confirmed && allDone) {
      rec.step(emitterOf(followOwner), {
        nextStep: 'CLOSE_PATH',
        dueDate: addCalendarDays(doneOn, 14),
      });
    } else if (allDone && repeats < 2) {
      repeats += 1;
      const again = { followUpId: random.uuid(), dueDate: addCalendarMonths(doneOn, 1) };
      followUps.push(again);
      rec.emit(FOLLOW_UP_SCHEDULED_V1.subject, rec.time(doneOn), emitterOf(followOwner), {
        ownerOrgId: followOwner.org.orgId,
        followUps: [again],
      });
      rec.step(emitterOf(followOwner), { nextStep: 'FOLLOW_UP', dueDate: again.dueDate });
    }
  }
  if (!confirmed || !allDone) {
    return outcome;
  }
  story.day = lastDone;
  const closedOn = advance(story, 1, 20);
  if (returned(outcome, closedOn)) {
    return outcome;
  }
  const closed = rec.time(closedOn);
  rec.emit(PATH_CLOSED_V1.subject, closed, emitterOf(followOwner), {
    confirmedDestination: destination,
    closedAt: closed.toISOString(),
  });
  rec.step(
    emitterOf(followOwner),
    // As transitions' machine does: the owner stays on the closed path, the step goes.
    { state: 'CLOSED', nextStep: undefined, dueDate: undefined },
    closed,
  );
  return outcome;
}
