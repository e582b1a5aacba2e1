import { exitWithFollowUps } from '../story/exit-phase';
import { intake, measure, plan, referral } from '../story/phases';
import type { StoryBuilder } from '../story/story-builder';
import type { OrgKey } from '../story/steps';
import { situation } from './persona';

/**
 * With probability `chance`, the client comes back months after the path was closed: the
 * referrer refers them again and a shorter path of rehabilitative work activity follows. The
 * demo's clients have artificial identity codes, which polku never matches to an earlier client
 * (docs/identity.md), so the return opens a new path of a new unverified client and is not
 * counted as a re-entry (no ClientReturnedToIntermediateMarket; docs/dashboards.md).
 */
export function returnLater(b: StoryBuilder, referrer: OrgKey, chance: number): void {
  const r = b.random;
  if (!r.chance(chance)) {
    return;
  }
  b.after(90, 300);
  const provider = referral(b, {
    referrer,
    provider: r.chance(0.6) ? 'tyonsilta' : 'kumppaniksi',
    measure: 'REHABILITATIVE_WORK_ACTIVITY',
    reason: 'LONG_TERM_UNEMPLOYMENT',
    funding: 'ACTIVATION_PLAN',
    newPath: true,
  });
  if (provider === undefined) {
    return;
  }
  intake(
    b,
    provider,
    situation({ economicSituation: 'VERY_WEAK', unemploymentDurationBand: 'DAYS_1000_OR_MORE' }),
  );
  plan(b, provider, [referrer], [{ text: 'Palaan työtoimintaan.', gas: false }]);
  measure(b, provider, {
    measure: {
      measure: 'REHABILITATIVE_WORK_ACTIVITY',
      months: r.int(6, 12),
      daysPerWeek: 2,
      hoursPerDay: 4,
    },
  });
  b.after(1, 4);
  exitWithFollowUps(b, provider, r.chance(0.8) ? 'UNEMPLOYED' : 'PAY_SUBSIDY', { missChance: 0.2 });
}
