import { REFERRAL_LEGAL_BASES } from '@polku/contracts';
import {
  addCalendarDays,
  addCalendarMonths,
  finnishDateOf,
  startOfFinnishDay,
  type IsoDate,
} from '@polku/timers';
import { PathCutOff, PathRecorder, type SyntheticEvent } from './path-recorder';
import { Random } from './random';
import { anotherParty, type Party, type Story, type StoryWorld } from './story-context';
import { enter, type Return } from './story-entry';
import { exitAndFollowUp, type ExitOutcome } from './story-exit';
import { runMeasures } from './story-handoff';
import { syntheticOrgs, type SyntheticOrg } from './synthetic-orgs';

/** What a synthetic event set is made of. */
export interface EventSetOptions {
  /** The same seed (and `now`) gives the same events. */
  readonly seed: number;
  /** Paths, re-entries included (each client's return is a new path). */
  readonly paths: number;
  /** Organisations, at least 3 (a third referrers, the rest providers); default 8. */
  readonly orgs?: number;
  /** Nothing happens after this instant; paths still running then are open. Default: now. */
  readonly now?: Date;
  /** Referrals are spread over this many days before `now`; default 730 (two years). */
  readonly spanDays?: number;
  /** Check every event against its contract as it is made (default true). */
  readonly validate?: boolean;
}

/** A client's paths: one, or more when they came back after an exit. */
export interface ClientEvents {
  readonly pathIds: readonly string[];
  readonly events: readonly SyntheticEvent[];
}

/** A whole synthetic event set, in generation order (each path's events in time order). */
export interface EventSet {
  readonly events: readonly SyntheticEvent[];
  readonly pathIds: readonly string[];
  readonly orgs: readonly SyntheticOrg[];
  readonly now: Date;
  /** `now` as a Helsinki calendar day. */
  readonly today: IsoDate;
}

/** Whole months from `from` to `to` (0 within the first month). */
function wholeMonths(from: IsoDate, to: IsoDate): number {
  let months = 0;
  while (addCalendarMonths(from, months + 1) <= to) {
    months += 1;
  }
  return months;
}

/** One path's story; a path cut off by `now` simply stops there, open. */
function runPath(story: Story, comeback: Return | undefined): ExitOutcome {
  const random = story.random;
  const returnAfter = random.chance(0.2) ? random.int(20, 540) : undefined;
  let outcome: ExitOutcome = {};
  try {
    if (enter(story, comeback)) {
      // An unclear path handed to a provider goes on: more measures, another exit.
      for (let first = true; first || outcome.handedOff === true; first = false) {
        runMeasures(story);
        outcome = exitAndFollowUp(story, first ? returnAfter : undefined);
      }
    }
  } catch (error) {
    if (!(error instanceof PathCutOff)) {
      throw error;
    }
  }
  return outcome;
}

/**
 * The clients of a set, one at a time: each client's paths and their events, so a large set
 * (the bench's 100,000 paths) is never held in memory at once. Paths are ClientReferred →
 * accepted or declined → IntakeCompleted → ActivationPlanAgreed → measures (paused, resumed,
 * waits, GAS follow-ups, hand-offs accepted, declined or escalated) → ClientExited → follow-ups
 * done or missed → PathClosed, with transitions' NextStepSet after every decision; a fifth of
 * the exited clients come back (ClientReturnedToIntermediateMarket on a new path).
 */
export function* syntheticClients(options: EventSetOptions): Generator<ClientEvents> {
  const random = new Random(options.seed);
  const orgs = syntheticOrgs(options.orgs ?? 8);
  const now = options.now ?? new Date();
  const today = finnishDateOf(now);
  const world: StoryWorld = {
    random,
    referrers: orgs.filter((org) => org.kind === 'REFERRER'),
    providers: orgs.filter((org) => org.kind === 'PROVIDER'),
  };
  let made = 0;
  while (made < options.paths) {
    const events: SyntheticEvent[] = [];
    const pathIds: string[] = [];
    const referrer: Party = anotherParty(random, world.referrers);
    const legalBasis =
      REFERRAL_LEGAL_BASES[referrer.org.role] ?? 'Act on Rehabilitative Work Activity 189/2001';
    const clientRef = `client_${random.letters(14)}`;
    let day = addCalendarDays(today, -random.int(1, options.spanDays ?? 730));
    let comeback: Return | undefined;
    let previous: PathRecorder | undefined;
    for (let loop = 1; made < options.paths; loop += 1) {
      made += 1;
      const rec = new PathRecorder(
        random,
        random.uuid(),
        clientRef,
        legalBasis,
        events,
        now,
        options.validate ?? true,
        startOfFinnishDay(day),
      );
      const story: Story = {
        world,
        random,
        rec,
        day,
        referrer,
        owner: anotherParty(random, world.providers),
        planId: random.uuid(),
        planVersion: 0,
        planAgreedOn: day,
        goals: [],
        measures: 0,
        previousPath: previous,
      };
      const outcome = runPath(story, comeback);
      pathIds.push(rec.pathId);
      if (outcome.exitDate === undefined || outcome.returnOn === undefined) {
        break;
      }
      if (outcome.returnOn >= today) {
        break;
      }
      comeback = {
        previousPathId: rec.pathId,
        monthsSinceExit: wholeMonths(outcome.exitDate, outcome.returnOn),
        loopCount: loop,
      };
      previous = rec;
      day = outcome.returnOn;
    }
    yield { pathIds, events };
  }
}

/** A whole event set in memory, for tests (a few hundred paths). */
export function generateEventSet(options: EventSetOptions): EventSet {
  const now = options.now ?? new Date();
  const events: SyntheticEvent[] = [];
  const pathIds: string[] = [];
  for (const client of syntheticClients({ ...options, now })) {
    events.push(...client.events);
    pathIds.push(...client.pathIds);
  }
  return {
    events,
    pathIds,
    orgs: syntheticOrgs(options.orgs ?? 8),
    now,
    today: finnishDateOf(now),
  };
}
