import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg, daysFrom } from './path-orgs';

/**
 * EXIT: one per ClientExited, on its exit date, of the organisation that recorded it, by
 * destination category (detail: its group), with the days from the first referral.
 */
export function exitFacts(history: PathHistory): FactDraft[] {
  return history.exits.map((exit) => ({
    key: `EXIT:${exit.eventId}`,
    kind: 'EXIT',
    factDate: exit.exitDate,
    orgId: actingOrg(history, exit),
    category: exit.category,
    detail: exit.group,
    days: history.referral === undefined ? null : daysFrom(history.referral.day, exit.exitDate),
  }));
}
