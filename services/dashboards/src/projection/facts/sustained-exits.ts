import type { Exit, FollowUp, PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { exitOfFollowUp, monthsAfterExit, placementCategory } from './follow-up-cohort';
import { actingOrg } from './path-orgs';

/** The destinations a sustained exit stays in: the labour market group, and studies. */
function sustainedClassOf(group: string | undefined, category: string | undefined): string {
  if (category === 'STUDIES') {
    return 'STUDIES';
  }
  return group === 'LABOUR_MARKET' ? 'LABOUR_MARKET' : 'OTHER';
}

const isCounted = (exit: Exit): boolean => sustainedClassOf(exit.group, exit.category) !== 'OTHER';

/**
 * The follow-up that tells whether an exit lasted: the 6-month one when it found out where the
 * client is, else the latest that did at 6 months or more.
 */
function decidingFollowUp(history: PathHistory, exit: Exit): FollowUp | undefined {
  const known = history.followUps
    .filter((followUp) => exitOfFollowUp(history, followUp)?.eventId === exit.eventId)
    .filter((followUp) => followUp.dueDate !== undefined)
    .filter((followUp) => {
      const status = followUp.completed?.statusNow;
      return status !== undefined && status !== 'UNKNOWN';
    })
    .map((followUp) => ({
      followUp,
      months: monthsAfterExit(exit.exitDate, followUp.dueDate as string),
    }))
    .filter(({ months }) => months >= 6);
  const sixMonths = known.filter(({ months }) => months === 6).at(-1);
  if (sixMonths !== undefined) {
    return sixMonths.followUp;
  }
  // The latest due date; of two on one day, the later in the fold's order.
  let latest: FollowUp | undefined;
  for (const { followUp } of known) {
    if (latest === undefined || (followUp.dueDate as string) >= (latest.dueDate as string)) {
      latest = followUp;
    }
  }
  return latest;
}

/** SUSTAINED, TRANSITIONAL or NOT_KNOWN for one exit. */
function outcomeOf(history: PathHistory, exit: Exit): string {
  const followUp = decidingFollowUp(history, exit);
  if (followUp === undefined) {
    return 'NOT_KNOWN';
  }
  const category = placementCategory(exit, followUp);
  const group = followUp.completed?.statusNow === 'SAME' ? exit.group : followUp.completed?.group;
  return sustainedClassOf(group, category) === sustainedClassOf(exit.group, exit.category)
    ? 'SUSTAINED'
    : 'TRANSITIONAL';
}

/**
 * SUSTAINED_EXIT: one per exit to the labour market or to studies, on its exit date, of the
 * organisation that recorded it: SUSTAINED when the follow-up at 6 months (or failing that the
 * latest at 6 months or more) finds the client still in the labour market (or, for studies, in
 * studies), TRANSITIONAL when elsewhere or back in the intermediate labour market, NOT_KNOWN
 * while no such follow-up has found out. Detail: the exit's destination category.
 */
export function sustainedExitFacts(history: PathHistory): FactDraft[] {
  return history.exits.filter(isCounted).map((exit) => ({
    key: `SUSTAINED_EXIT:${exit.eventId}`,
    kind: 'SUSTAINED_EXIT',
    factDate: exit.exitDate,
    orgId: actingOrg(history, exit),
    category: outcomeOf(history, exit),
    detail: exit.category,
  }));
}
