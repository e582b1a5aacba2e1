import type { FollowUpHelpKind } from '@polku/contracts';
import type { Weighted } from '../random/seeded-random';
import { destination, isUnclear, type DestinationKey } from './destinations';
import type { StoryBuilder } from './story-builder';
import type { Destination, OrgKey, StepParams } from './steps';

// The exit and what follows it (docs/transitions.md, "Exits and follow-ups"): follow-ups 1, 3
// and 6 months after the exit (FOLLOW_UP_MONTHS), each done a few days after it is due, or
// missed (never done, or done late after FollowUpMissed); the path closed once every follow-up
// is done and one of them (or the exit) confirmed the destination. An exit to an unclear path
// has no follow-ups: its owner reviews it every four weeks until the client has a destination.

/** Days from the exit to each follow-up's due date, rounded up (1, 3 and 6 months). */
export const FOLLOW_UP_DAYS = [31, 92, 184] as const;

/** Follow-ups that do not reach the client. */
const UNREACHED_SHARE = 0.08;

const AFTER_UNCLEAR: Weighted<DestinationKey> = [
  ['UNEMPLOYED', 6],
  ['HEALTH_CARE', 1],
  ['LABOUR_MARKET_TRAINING', 1],
];

export interface ExitPlan {
  /** Probability that a follow-up is not done by its owner in time. */
  readonly missChance: number;
  /** Probability that a missed follow-up is still done late. */
  readonly lateChance?: number;
  /** Where a client who has moved on is found at a follow-up, if anywhere. */
  readonly laterDestinations?: readonly DestinationKey[];
  /** Probability that a later follow-up finds the client there (default 0.15). */
  readonly changeChance?: number;
  /** Where an unclear path ends after its reviews (default mostly unemployment). */
  readonly afterUnclear?: Weighted<DestinationKey>;
}

function helpGiven(b: StoryBuilder): FollowUpHelpKind[] {
  return b.random.weighted<FollowUpHelpKind[]>([
    [['NONE'], 5],
    [['JOB_APPLICATIONS'], 2],
    [['BENEFIT_APPLICATIONS'], 1],
    [['COUNSELLING'], 2],
    [['JOB_APPLICATIONS', 'COUNSELLING'], 1],
    [['REFERRAL_TO_SERVICE'], 1],
  ]);
}

/** One follow-up's finding; answers whether it confirms the destination. */
function findingOf(
  b: StoryBuilder,
  plan: ExitPlan,
  followUp: number,
): Omit<StepParams['completeFollowUp'], 'followUp'> {
  const contactMode = b.random.weighted([
    ['PHONE', 6],
    ['MEETING', 2],
    ['MESSAGE', 1],
    ['REGISTER_CHECK', 2],
  ] as const);
  const roll = b.random.float();
  const later = plan.laterDestinations ?? [];
  const change = plan.changeChance ?? 0.15;
  if (roll < UNREACHED_SHARE) {
    return { statusNow: 'UNKNOWN', contactMode: 'NO_CONTACT', helpGiven: [], confirms: false };
  }
  if (later.length > 0 && followUp > 0 && roll < UNREACHED_SHARE + change) {
    const now: Destination = destination(b.random.pick(later));
    return {
      statusNow: 'CHANGED',
      destination: now,
      contactMode,
      helpGiven: helpGiven(b),
      confirms: true,
    };
  }
  return { statusNow: 'SAME', contactMode, helpGiven: helpGiven(b), confirms: true };
}

/**
 * The exit to `key` by `owner`, its follow-ups and the closure. Returns whether the path was
 * closed (so a return can follow it).
 */
export function exitWithFollowUps(
  b: StoryBuilder,
  owner: OrgKey,
  key: DestinationKey,
  plan: ExitPlan,
): boolean {
  const exitDestination = destination(key);
  b.step('exit', owner, { destination: exitDestination, confirmed: !b.random.chance(0.15) });
  if (isUnclear(exitDestination)) {
    // A quarter stay unclear, reviewed every four weeks for as long as the story runs.
    const staysUnclear = b.random.chance(0.25);
    unclearPathReviews(b, owner, staysUnclear ? 26 : b.random.int(1, 4));
    if (staysUnclear) {
      return false;
    }
    const next = b.random.weighted(plan.afterUnclear ?? AFTER_UNCLEAR);
    b.after(3, 15);
    return exitWithFollowUps(b, owner, next, plan);
  }
  const exitDay = b.day;
  let confirmed = b.last('exit')?.confirmed ?? false;
  let allDone = true;
  FOLLOW_UP_DAYS.forEach((days, followUp) => {
    if (b.random.chance(plan.missChance)) {
      if (!b.random.chance(plan.lateChance ?? 0.3)) {
        allDone = false;
        return;
      }
      // Done after FollowUpMissed: 10 business days of grace are at least 14 days.
      b.on(exitDay + days + b.random.int(16, 30));
    } else {
      b.on(exitDay + days + b.random.int(1, 9));
    }
    const finding = findingOf(b, plan, followUp);
    b.step('completeFollowUp', owner, { followUp, ...finding });
    if (finding.statusNow !== 'UNKNOWN') {
      confirmed = finding.confirms;
    }
  });
  if (!allDone) {
    return false;
  }
  if (!confirmed) {
    // One more follow-up a month after the last (REPEAT_FOLLOW_UP_MONTHS), which confirms.
    b.after(31, 38).step('completeFollowUp', owner, {
      followUp: FOLLOW_UP_DAYS.length,
      statusNow: 'SAME',
      contactMode: 'PHONE',
      helpGiven: ['NONE'],
      confirms: true,
    });
  }
  b.after(1, 7).step('closePath', owner, {});
  return true;
}

/** Reviews of an unclear path every four weeks (the default 20 business days), `count` times. */
export function unclearPathReviews(b: StoryBuilder, owner: OrgKey, count: number): void {
  for (let review = 0; review < count; review += 1) {
    b.after(20, 27).step('reviewUnclearPath', owner, {});
  }
}
