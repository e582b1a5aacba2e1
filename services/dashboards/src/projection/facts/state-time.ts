import type { PathHistory, Step } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg, daysFrom } from './path-orgs';

/** The path's stays: runs of consecutive path versions in one state. */
export function staysOf(history: PathHistory): Step[][] {
  const stays: Step[][] = [];
  for (const step of history.steps) {
    const current = stays.at(-1);
    if (current !== undefined && current[0].state === step.state) {
      current.push(step);
    } else {
      stays.push([step]);
    }
  }
  return stays;
}

/**
 * STATE_TIME: one per completed stay in a state (REFERRED … FOLLOW_UP), from the NextStepSet
 * versions in version order: the days from entering the state to leaving it, on the day it was
 * left, of the organisation accountable at the end of the stay.
 */
export function stateTimeFacts(history: PathHistory): FactDraft[] {
  const stays = staysOf(history);
  return stays.slice(0, -1).map((stay, index) => {
    const entered = stay[0];
    const last = stay[stay.length - 1];
    const left = stays[index + 1][0];
    return {
      key: `STATE_TIME:${index + 1}`,
      kind: 'STATE_TIME',
      factDate: left.day,
      orgId: last.accountableOrgId ?? actingOrg(history, last),
      category: entered.state,
      days: daysFrom(entered.day, left.day),
    };
  });
}
