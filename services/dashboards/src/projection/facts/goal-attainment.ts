import { finnishDateOf } from '@polku/timers';
import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg } from './path-orgs';

/**
 * GAS: one per goal with a GAS scale, its latest assessed level ('-2' … '+2'), on the Helsinki
 * day it was assessed, of the organisation that recorded it.
 */
export function gasFacts(history: PathHistory): FactDraft[] {
  return history.goals.map((goal) => ({
    key: `GAS:${goal.goalId}`,
    kind: 'GAS',
    factDate: finnishDateOf(new Date(goal.recordedAt)),
    orgId: actingOrg(history, goal),
    category: goal.gasLevel > 0 ? `+${goal.gasLevel}` : String(goal.gasLevel),
  }));
}
