import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg } from './path-orgs';

/**
 * DECLINE: one per declined referral (category `REFERRAL:<reason>`) and hand-off
 * (`HANDOFF:<reason>`), on the day of the decline, of the declining organisation.
 */
export function declineFacts(history: PathHistory): FactDraft[] {
  const referrals = history.referrals.flatMap(({ referralId, answer }): FactDraft[] =>
    answer === undefined || answer.accepted
      ? []
      : [
          {
            key: `DECLINE:REFERRAL:${referralId}`,
            kind: 'DECLINE',
            factDate: answer.day,
            orgId: answer.byOrgId,
            category: `REFERRAL:${answer.reasonCategory ?? 'OTHER'}`,
          },
        ],
  );
  const handoffs = history.handoffs.flatMap(({ handoffId, answer }): FactDraft[] =>
    answer === undefined || answer.accepted
      ? []
      : [
          {
            key: `DECLINE:HANDOFF:${handoffId}`,
            kind: 'DECLINE',
            factDate: answer.day,
            orgId: actingOrg(history, answer),
            category: `HANDOFF:${answer.reasonCategory ?? 'OTHER'}`,
          },
        ],
  );
  return [...referrals, ...handoffs];
}
