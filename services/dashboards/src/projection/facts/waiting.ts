import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg, daysFrom } from './path-orgs';

/**
 * WAIT: one per ended wait between services, by what the client waited for, on the day it
 * ended, of the organisation that started it, with the days it lasted. A wait whose start has
 * not arrived is dated from the day its WaitExceeded says it began.
 */
export function waitFacts(history: PathHistory): FactDraft[] {
  return history.waits.flatMap((wait): FactDraft[] => {
    const start = wait.started ?? wait.exceeded;
    const since = wait.started?.day ?? wait.exceeded?.since;
    const waitingFor = wait.started?.waitingFor ?? wait.exceeded?.waitingFor;
    if (wait.endedOn === undefined || start === undefined || since === undefined) {
      return [];
    }
    return [
      {
        key: `WAIT:${wait.waitId}`,
        kind: 'WAIT',
        factDate: wait.endedOn,
        orgId: actingOrg(history, start),
        category: waitingFor ?? 'WAIT',
        days: daysFrom(since, wait.endedOn),
      },
    ];
  });
}

/**
 * ANSWER_DELAY: one per answered referral (category REFERRAL) and hand-off (HANDOFF), on the
 * day of the answer, of the answering organisation, detail ACCEPTED or DECLINED, with the days
 * from the question to the answer.
 */
export function answerDelayFacts(history: PathHistory): FactDraft[] {
  const referrals = history.referrals.flatMap(({ referralId, asked, answer }): FactDraft[] =>
    asked === undefined || answer === undefined
      ? []
      : [
          {
            key: `ANSWER_DELAY:REFERRAL:${referralId}`,
            kind: 'ANSWER_DELAY',
            factDate: answer.day,
            orgId: answer.byOrgId,
            category: 'REFERRAL',
            detail: answer.accepted ? 'ACCEPTED' : 'DECLINED',
            days: daysFrom(asked.day, answer.day),
          },
        ],
  );
  const handoffs = history.handoffs.flatMap(({ handoffId, proposed, answer }): FactDraft[] =>
    proposed === undefined || answer === undefined
      ? []
      : [
          {
            key: `ANSWER_DELAY:HANDOFF:${handoffId}`,
            kind: 'ANSWER_DELAY',
            factDate: answer.day,
            orgId: actingOrg(history, answer),
            category: 'HANDOFF',
            detail: answer.accepted ? 'ACCEPTED' : 'DECLINED',
            days: daysFrom(proposed.day, answer.day),
          },
        ],
  );
  return [...referrals, ...handoffs];
}
