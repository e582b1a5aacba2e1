import {
  ACTION_ITEM_OVERDUE_V1,
  GOAL_PROGRESS_RECORDED_V1,
  MEASURE_ENDED_V1,
  MEASURE_PAUSED_V1,
  MEASURE_RESUMED_V1,
  MEASURE_STARTED_V1,
  PLAN_REVIEW_OVERDUE_V1,
  WAIT_EXCEEDED_V1,
  WAITING_ENDED_V1,
  WAITING_STARTED_V1,
} from '@polku/contracts';
import { systemEmitter } from '@polku/auth';
import {
  addCalendarDays,
  addCalendarMonths,
  calendarDaysBetween,
  startOfFinnishDay,
  type IsoDate,
} from '@polku/timers';
import { MEASURE_TYPE_WEIGHTS, WAITING_FOR_WEIGHTS } from './distributions';
import { PATH_COURSE, PathCutOff } from './path-recorder';
import { agreePlan } from './story-entry';
import { holdMeeting } from './story-parties';
import {
  advance,
  emitterOf,
  escalateLateStep,
  timer,
  workerIdOf,
  type Story,
} from './story-context';

/** Something that happens during a measure, on its day; run in day order. */
interface Happening {
  day: IsoDate;
  readonly run: (day: IsoDate) => void;
}

/** MeasureStarted (recorded on the start date or a little later) and its NextStepSet. */
function startMeasure(story: Story, startDate: IsoDate, plannedEnd: IsoDate): string {
  const { random, rec } = story;
  const measureId = random.uuid();
  const measureType = random.weighted(MEASURE_TYPE_WEIGHTS);
  const at = rec.time(
    random.chance(0.3) ? addCalendarDays(startDate, random.int(1, 3)) : startDate,
  );
  rec.emit(MEASURE_STARTED_V1.subject, at, emitterOf(story.owner), {
    measureId,
    planId: story.planId,
    measureType,
    placement: { kind: 'IN_HOUSE' },
    schedule: {
      daysPerWeek: random.int(2, 4),
      hoursPerDay: 6,
      startDate,
      plannedEndDate: plannedEnd,
    },
    ...(measureType === 'PAY_SUBSIDISED_WORK' ? { contractType: 'FIXED_TERM' as const } : {}),
  });
  rec.step(
    PATH_COURSE,
    { state: 'IN_MEASURE', nextStep: 'PLAN_NEXT_STEP', dueDate: plannedEnd },
    at,
  );
  return measureId;
}

/** GAS follow-ups of the plan's goals: some with a level, some without a scale. */
function goalProgress(story: Story, start: IsoDate, end: IsoDate): Happening[] {
  const { random } = story;
  const span = Math.max(1, calendarDaysBetween(start, end));
  return story.goals.flatMap((goalId) =>
    Array.from({ length: random.int(0, 2) }, () => ({
      day: addCalendarDays(start, random.int(0, span)),
      run: (day: IsoDate) => {
        const lag = random.chance(0.2) ? random.int(1, 3) : 0;
        const at = story.rec.time(addCalendarDays(day, lag));
        // Recorded later than assessed: the fact counts the day it was assessed.
        const recordedAt = lag === 0 ? at : new Date(startOfFinnishDay(day).getTime() + 36e6);
        story.rec.emit(GOAL_PROGRESS_RECORDED_V1.subject, at, emitterOf(story.owner), {
          goalId,
          ...(random.chance(0.85) ? { gasLevel: random.int(-2, 2) } : {}),
          recordedAt: recordedAt.toISOString(),
          assessedBy: 'CLIENT_WITH_WORKER',
        });
      },
    })),
  );
}

/** A wait between services: started, perhaps exceeded, ended (recorded maybe a day late). */
function wait(story: Story, start: IsoDate, end: IsoDate): Happening[] {
  const { random, rec } = story;
  const waitId = random.uuid();
  const waitingFor = random.weighted(WAITING_FOR_WEIGHTS);
  const threshold = random.pick([10, 20, 30]);
  const since = addCalendarDays(start, random.int(0, calendarDaysBetween(start, end) - 5));
  const endedOn = [addCalendarDays(since, random.int(3, 70)), end].sort()[0];
  const exceededOn = addCalendarDays(since, Math.ceil((threshold * 7) / 5) + 1);
  const happenings: Happening[] = [
    {
      day: since,
      run: (day) =>
        rec.emit(WAITING_STARTED_V1.subject, rec.time(day), emitterOf(story.owner), {
          waitId,
          waitingFor,
          thresholdBusinessDays: threshold,
        }),
    },
    {
      day: endedOn,
      run: (day) =>
        rec.emit(
          WAITING_ENDED_V1.subject,
          rec.time(addCalendarDays(day, random.int(0, 1))),
          emitterOf(story.owner),
          {
            waitId,
            endedOn: day,
          },
        ),
    },
  ];
  if (exceededOn < endedOn) {
    happenings.push({
      day: exceededOn,
      run: (day) =>
        rec.emit(WAIT_EXCEEDED_V1.subject, rec.time(day), timer('wait-timer'), {
          waitId,
          waitingFor,
          since,
          thresholdBusinessDays: threshold,
        }),
    });
  }
  return happenings;
}

/** The plan's review: agreed again (the next version) or, unreviewed, PlanReviewOverdue. */
function review(story: Story, reviewDate: IsoDate): Happening[] {
  const { random, rec } = story;
  if (random.chance(0.4)) {
    return [{ day: reviewDate, run: (day) => agreePlan(story, story.planVersion + 1, day) }];
  }
  if (!random.chance(0.4)) {
    return [];
  }
  return [
    {
      day: addCalendarDays(reviewDate, 14),
      run: (day) =>
        rec.emit(
          PLAN_REVIEW_OVERDUE_V1.subject,
          rec.time(day),
          systemEmitter('activation-plans:plan-review-timer'),
          { planId: story.planId, dueDate: reviewDate },
        ),
    },
  ];
}

/** An agreed next step of a network meeting that went overdue (network-meetings' timer). */
function actionItemOverdue(story: Story, day: IsoDate): Happening {
  return {
    day,
    run: (on) =>
      story.rec.emit(
        ACTION_ITEM_OVERDUE_V1.subject,
        story.rec.time(on),
        systemEmitter('network-meetings:action-item-timer'),
        {
          actionItemId: story.random.uuid(),
          dueDate: addCalendarDays(on, -1),
          level: 'WORKER',
          ownerOrgId: story.owner.org.orgId,
          ownerWorkerId: workerIdOf(story.owner),
          businessDaysOverdue: 1,
        },
      ),
  };
}

/**
 * One measure from its start to its end: goal follow-ups, perhaps a pause (everything after it
 * moves by its length), a wait, the plan's review. Ends with MeasureEnded and the path in
 * TRANSITION_PENDING; a pause that never ends leaves the path PAUSED (its step escalates).
 */
export function runMeasure(story: Story): void {
  const { random, rec } = story;
  const due = rec.current.dueDate ?? story.day;
  const startDate = advance(story, 3, 14, 0.04);
  escalateLateStep(story, 'START_MEASURE', due, startDate);
  let end = addCalendarDays(startDate, random.int(45, 400));
  const measureId = startMeasure(story, startDate, end);
  const happenings = [...goalProgress(story, startDate, end)];
  if (random.chance(0.12)) {
    happenings.push(...wait(story, startDate, end));
  }
  const reviewDate = addCalendarMonths(story.planAgreedOn, 6 * story.measures);
  if (reviewDate > startDate && reviewDate < end) {
    happenings.push(...review(story, reviewDate));
  }
  if (random.chance(0.04)) {
    happenings.push(actionItemOverdue(story, addCalendarDays(startDate, 20)));
  }
  if (random.chance(0.15)) {
    const day = addCalendarDays(startDate, random.int(5, 25));
    happenings.push({ day, run: (on) => holdMeeting(story, on) });
  }
  if (random.chance(0.15) && calendarDaysBetween(startDate, end) > 20) {
    const pausedOn = addCalendarDays(
      startDate,
      random.int(7, calendarDaysBetween(startDate, end) - 7),
    );
    const length = random.int(7, 60);
    const resumes = random.chance(0.9);
    for (const happening of happenings) {
      happening.day =
        happening.day > pausedOn ? addCalendarDays(happening.day, length) : happening.day;
    }
    end = addCalendarDays(end, length);
    const resumeDue = addCalendarDays(pausedOn, 28);
    happenings.push({
      day: pausedOn,
      run: (day) => {
        const at = rec.time(day);
        rec.emit(MEASURE_PAUSED_V1.subject, at, emitterOf(story.owner), {
          measureId,
          reasonCategory: random.pick(['SICK_LEAVE', 'HEALTH_CARE_MEASURE', 'WAITING'] as const),
          pausedAt: at.toISOString(),
          expectedResume: resumeDue,
        });
        rec.step(
          PATH_COURSE,
          { state: 'PAUSED', nextStep: 'RESUME_MEASURE', dueDate: resumeDue },
          at,
        );
        if (!resumes) {
          escalateLateStep(story, 'RESUME_MEASURE', resumeDue, '9999-12-31');
          throw new PathCutOff();
        }
      },
    });
    const resumedOn = addCalendarDays(pausedOn, length);
    happenings.push({
      day: resumedOn,
      run: (day) => {
        const at = rec.time(day);
        rec.emit(MEASURE_RESUMED_V1.subject, at, emitterOf(story.owner), {
          measureId,
          resumedAt: at.toISOString(),
        });
        rec.step(
          PATH_COURSE,
          { state: 'IN_MEASURE', nextStep: 'PLAN_NEXT_STEP', dueDate: end },
          at,
        );
      },
    });
  }
  happenings.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  for (const happening of happenings) {
    happening.run(happening.day);
  }
  story.day = end;
  const at = rec.time(end);
  rec.emit(MEASURE_ENDED_V1.subject, at, emitterOf(story.owner), {
    measureId,
    endDate: end,
    endReason: random.chance(0.8) ? 'COMPLETED' : 'INTERRUPTED',
  });
  rec.step(
    PATH_COURSE,
    { state: 'TRANSITION_PENDING', nextStep: 'DECIDE_NEXT_STEP', dueDate: addCalendarDays(end, 7) },
    at,
  );
}
