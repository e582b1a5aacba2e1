import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { exitOfFollowUp, monthsAfterExit, placementCategory } from './follow-up-cohort';

/**
 * FOLLOW_UP_STATUS: one per follow-up once completed or missed, counted in its exit's cohort
 * (the exit date), by where the client is (a destination category, BACK_IN_VTM, UNKNOWN, or
 * MISSED until a completion replaces it) and the months after the exit (detail).
 */
export function followUpStatusFacts(history: PathHistory): FactDraft[] {
  return history.followUps.flatMap((followUp): FactDraft[] => {
    const exit = exitOfFollowUp(history, followUp);
    const { dueDate, ownerOrgId } = followUp;
    if (exit === undefined || dueDate === undefined || ownerOrgId === undefined) {
      return [];
    }
    const category =
      placementCategory(exit, followUp) ?? (followUp.missed === undefined ? undefined : 'MISSED');
    if (category === undefined) {
      return [];
    }
    return [
      {
        key: `FOLLOW_UP_STATUS:${followUp.followUpId}`,
        kind: 'FOLLOW_UP_STATUS',
        factDate: exit.exitDate,
        orgId: ownerOrgId,
        category,
        detail: String(monthsAfterExit(exit.exitDate, dueDate)),
      },
    ];
  });
}
