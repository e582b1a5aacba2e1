import { systemEmitter } from '@polku/auth';
import {
  NEXT_STEP_OVERDUE_V1,
  type EnvelopeEmitter,
  type IntakeCompletedPayload,
  type OverdueReportedNextStepKind,
} from '@polku/contracts';
import { addCalendarDays, type IsoDate } from '@polku/timers';
import type { PathRecorder } from './path-recorder';
import type { Random } from './random';
import { workerEmitter, WORKERS_PER_ORG, type SyntheticOrg } from './synthetic-orgs';

/** The organisations a set's paths are drawn from. */
export interface StoryWorld {
  readonly random: Random;
  readonly referrers: readonly SyntheticOrg[];
  readonly providers: readonly SyntheticOrg[];
}

/** An organisation on a path with the worker it named. */
export interface Party {
  readonly org: SyntheticOrg;
  readonly worker: number;
}

/** One path's story as it unfolds: its recorder, day cursor, parties and plan. */
export interface Story {
  readonly world: StoryWorld;
  readonly random: Random;
  readonly rec: PathRecorder;
  /** The Helsinki day the story has reached. */
  day: IsoDate;
  readonly referrer: Party;
  /** The accountable provider: the one accepted, later the receiver of a completed hand-off. */
  owner: Party;
  planId: string;
  /** The plan's version: 1 when agreed, the next at each revision or renewal. */
  planVersion: number;
  /** The day the plan's first version was agreed: its reviews are every six months from it. */
  planAgreedOn: IsoDate;
  goals: string[];
  measures: number;
  /** The path's latest intake, which a new one after a hand-off repeats in part. */
  intake?: IntakeCompletedPayload;
  /** The client's previous path, which this one continues after a return. */
  readonly previousPath?: PathRecorder;
}

/** A transitions timer as the emitter of an escalation or a due reminder. */
export function timer(kind: string): EnvelopeEmitter {
  return systemEmitter(`transitions:${kind}`);
}

export function emitterOf(party: Party): EnvelopeEmitter {
  return workerEmitter(party.org, party.worker);
}

export function workerIdOf(party: Party): string {
  return emitterOf(party).actorId;
}

/** A party of another organisation of the kind, with one of its workers. */
export function anotherParty(
  random: Random,
  orgs: readonly SyntheticOrg[],
  except?: SyntheticOrg,
): Party {
  const choices = orgs.filter((org) => org !== except);
  return {
    org: random.pick(choices.length > 0 ? choices : orgs),
    worker: random.int(0, WORKERS_PER_ORG - 1),
  };
}

/** Moves the day cursor on by `days`; a step that comes late by `late` more, now and then. */
export function advance(story: Story, min: number, max: number, lateChance = 0): IsoDate {
  const late = story.random.chance(lateChance) ? story.random.int(15, 40) : 0;
  story.day = addCalendarDays(story.day, story.random.int(min, max) + late);
  return story.day;
}

/**
 * The ladder of a late next step (docs/transitions.md, escalation): NextStepOverdue to the worker
 * the day after the due date, the team lead and the manager a week apart, each with the
 * NextStepSet that records the rung, for every rung reached before the step was taken on `doneOn`.
 */
export function escalateLateStep(
  story: Story,
  kind: OverdueReportedNextStepKind,
  dueDate: IsoDate,
  doneOn: IsoDate,
): void {
  const rungs = [
    ['WORKER', 1],
    ['TEAM_LEAD', 8],
    ['MANAGER', 15],
  ] as const;
  const accountableOrgId = story.rec.current.accountableOrgId;
  if (accountableOrgId === undefined) {
    return;
  }
  for (const [level, after] of rungs) {
    const on = addCalendarDays(dueDate, after);
    if (on >= doneOn) {
      return;
    }
    const at = story.rec.time(on);
    story.rec.emit(NEXT_STEP_OVERDUE_V1.subject, at, timer('next-step-timer'), {
      nextStep: kind,
      dueDate,
      level,
      accountableOrgId,
      businessDaysOverdue: Math.round((after * 5) / 7),
    });
    story.rec.step(timer('next-step-timer'), { level }, at);
  }
}

/** The due date of the path's current next step (every open path has one). */
export function currentDue(story: Story): IsoDate {
  return story.rec.current.dueDate ?? story.day;
}
