import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { daysFrom } from './path-orgs';

/**
 * FOLLOW_UP: one per scheduled follow-up, on its due date, of its owner: DONE (with the days
 * from the due date to the completion, negative when done early), MISSED while a miss has not
 * been made good by a completion, else OPEN.
 */
export function followUpFacts(history: PathHistory): FactDraft[] {
  return history.followUps.flatMap(
    ({ followUpId, dueDate, ownerOrgId, completed, missed }): FactDraft[] => {
      if (dueDate === undefined || ownerOrgId === undefined) {
        return [];
      }
      const category = completed !== undefined ? 'DONE' : missed !== undefined ? 'MISSED' : 'OPEN';
      return [
        {
          key: `FOLLOW_UP:${followUpId}`,
          kind: 'FOLLOW_UP',
          factDate: dueDate,
          orgId: ownerOrgId,
          category,
          days: completed === undefined ? null : daysFrom(dueDate, completed.day),
        },
      ];
    },
  );
}
