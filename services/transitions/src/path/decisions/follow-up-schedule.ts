import { addBusinessDays, addCalendarMonths, type IsoDate } from '@polku/timers';
import { v5 as uuidv5 } from 'uuid';
import type { DecisionDraft } from '../decision-draft';
import { MANDATORY_FOLLOW_UP_MONTHS, type PathPolicy } from '../path-policy';
import type { FollowUp, PathDestination } from '../path-state';
import { step } from '../next-step';

// Follow-ups after an exit (docs/domain.md §4.5; docs/domain.md §3.8): the part of the path nobody
// saw before. Their ids are derived from the path, so a replay of the same inputs gives the same
// ids and decide() stays a pure function.

/** Namespace of the follow-up ids (UUID v5 of `<pathId>/follow-up/<n>`). Never change it. */
const FOLLOW_UP_ID_NAMESPACE = '6f1d3c2a-8b4e-4f6a-9c71-2d5e8a0b4c13';

export function followUpId(pathId: string, n: number): string {
  return uuidv5(`${pathId}/follow-up/${n}`, FOLLOW_UP_ID_NAMESPACE);
}

export function followUpMonthsFor(
  destination: PathDestination,
  policy: PathPolicy,
): readonly number[] {
  const months = policy.followUpMonthsByCategory[destination.category] ?? policy.followUpMonths;
  // pathPolicy() refuses empty lists; a hand-built policy still cannot switch follow-ups off.
  return months.length > 0 ? months : MANDATORY_FOLLOW_UP_MONTHS;
}

/** Adds follow-ups on the given days, with their timers, and announces them in one event. */
export function scheduleFollowUps(draft: DecisionDraft, dueDates: readonly IsoDate[]): void {
  const { accountable, followUps, pathId } = draft.state;
  if (accountable === null) {
    throw new Error('bug: follow-ups without an owner');
  }
  const added: FollowUp[] = dueDates.map((dueDate, i) => ({
    followUpId: followUpId(pathId, followUps.length + i + 1),
    dueDate,
    status: 'SCHEDULED',
  }));
  draft.update({ followUps: [...followUps, ...added] });
  for (const followUp of added) {
    draft.schedule({ type: 'followUpDue', followUpId: followUp.followUpId }, followUp.dueDate);
  }
  draft.emit({
    name: 'FollowUpScheduled',
    data: {
      ownerOrgId: accountable.orgId,
      followUps: added.map(({ followUpId: id, dueDate }) => ({ followUpId: id, dueDate })),
    },
  });
}

export function scheduleExitFollowUps(
  draft: DecisionDraft,
  exitDate: IsoDate,
  destination: PathDestination,
): void {
  const months = followUpMonthsFor(destination, draft.policy);
  scheduleFollowUps(
    draft,
    months.map((n) => addCalendarMonths(exitDate, n)),
  );
}

/** Closing needs a confirmed destination and every follow-up done, late ones included. */
export function isClosable(draft: DecisionDraft): boolean {
  const { exit, followUps } = draft.state;
  return exit !== null && exit.confirmed && followUps.every((f) => f.status === 'COMPLETED');
}

function byDueDate(a: FollowUp, b: FollowUp): number {
  return a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0;
}

/**
 * The next step in FOLLOW_UP: the earliest open follow-up; else the earliest missed one, which is
 * already with the manager; else closing once the destination is confirmed; else one more
 * follow-up, since the path may not end without a confirmed destination.
 */
export function settleFollowUpStep(draft: DecisionDraft): void {
  const followUps = draft.state.followUps;
  const open = followUps
    .filter((f) => f.status === 'SCHEDULED' || f.status === 'DUE')
    .sort(byDueDate);
  if (open.length > 0) {
    draft.update({ nextStep: step('FOLLOW_UP', open[0].dueDate) });
    return;
  }
  const missed = followUps.filter((f) => f.status === 'MISSED').sort(byDueDate);
  if (missed.length > 0) {
    draft.update({ nextStep: { kind: 'FOLLOW_UP', dueDate: missed[0].dueDate, level: 'MANAGER' } });
    return;
  }
  if (isClosable(draft)) {
    draft.update({
      nextStep: step('CLOSE_PATH', addBusinessDays(draft.at, draft.policy.closePathBusinessDays)),
    });
    return;
  }
  const again = addCalendarMonths(draft.at, draft.policy.repeatFollowUpMonths);
  scheduleFollowUps(draft, [again]);
  draft.update({ nextStep: step('FOLLOW_UP', again) });
}
