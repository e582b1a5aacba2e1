import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { accountableNow, actingOrg } from './path-orgs';

/** A count as a category, the last one open-ended: bucket(5, 4) is '4+'. */
function bucket(count: number, openFrom: number): string {
  return count >= openFrom ? `${openFrom}+` : String(count);
}

/**
 * PLANS and ORGANISATIONS: one each per path, on the day of its first referral (else its first
 * event), of the organisation accountable for it now (or when it was closed). PLANS counts the
 * activation plans and the linked plans of each one's latest agreed version ('1', '2', '3',
 * '4+'; none while the path has no plan); ORGANISATIONS the organisations that have been a
 * party ('1' … '5', '6+').
 */
export function fragmentationFacts(history: PathHistory): FactDraft[] {
  const start = history.referral ?? history.first;
  if (start === undefined) {
    return [];
  }
  const common = {
    factDate: start.day,
    orgId: accountableNow(history) ?? actingOrg(history, start),
  };
  const plans = history.plans.reduce((sum, plan) => sum + 1 + plan.linkedPlans, 0);
  const organisations = history.parties.size;
  return [
    ...(plans === 0
      ? []
      : [{ ...common, key: 'PLANS', kind: 'PLANS' as const, category: bucket(plans, 4) }]),
    ...(organisations === 0
      ? []
      : [
          {
            ...common,
            key: 'ORGANISATIONS',
            kind: 'ORGANISATIONS' as const,
            category: bucket(organisations, 6),
          },
        ]),
  ];
}
