import { daysFrom, roundedMonths } from './oracle-dates';
import { followUpOutcomes, placedIn } from './oracle-exits';
import type { BareFact } from './oracle-fact';
import { ofType, type OracleEvent, type OraclePath } from './oracle-path';

/** WAIT: each ended wait, by what was waited for, on the day it ended. */
export function waitFacts(path: OraclePath): BareFact[] {
  return ofType(path, 'WaitingEnded').flatMap((ended) => {
    const started = ofType(path, 'WaitingStarted').find(
      (event) => event.data.waitId === ended.data.waitId,
    );
    if (started === undefined) {
      return [];
    }
    return [
      {
        kind: 'WAIT',
        date: ended.data.endedOn,
        org: ended.org,
        category: started.data.waitingFor ?? 'WAIT',
        days: daysFrom(started.day, ended.data.endedOn),
      },
    ];
  });
}

/** ANSWER_DELAY: referral and hand-off answers, by the answer, for the answering organisation. */
export function answerDelayFacts(path: OraclePath): BareFact[] {
  const answers = [
    ['REFERRAL', 'ClientReferred', 'referralId', 'ReferralAccepted', 'ACCEPTED'],
    ['REFERRAL', 'ClientReferred', 'referralId', 'ReferralDeclined', 'DECLINED'],
    ['HANDOFF', 'HandoffProposed', 'handoffId', 'HandoffAccepted', 'ACCEPTED'],
    ['HANDOFF', 'HandoffProposed', 'handoffId', 'HandoffDeclined', 'DECLINED'],
  ] as const;
  return answers.flatMap(([category, askedType, id, answerType, detail]) =>
    ofType(path, answerType).flatMap((answer) => {
      const asked = ofType(path, askedType).find((event) => event.data[id] === answer.data[id]);
      return asked === undefined
        ? []
        : [
            {
              kind: 'ANSWER_DELAY',
              date: answer.day,
              org: answer.org,
              category,
              detail,
              days: daysFrom(asked.day, answer.day),
            },
          ];
    }),
  );
}

const SIGNALS = [
  'HandoffEscalated',
  'NextStepOverdue',
  'FollowUpMissed',
  'PlanReviewOverdue',
  'ActionItemOverdue',
  'WaitExceeded',
];

/**
 * The organisation an escalation is for. polku's timers emit them as polku's own organisation,
 * which no manager belongs to, so the organisation is the one the payload names (escalated to,
 * accountable, owner), else the path's accountable organisation when the signal came.
 */
export function signalOrg(path: OraclePath, event: OracleEvent): string {
  const named = event.data.escalatedToOrgId ?? event.data.accountableOrgId ?? event.data.ownerOrgId;
  if (named !== undefined) {
    return named;
  }
  const before = ofType(path, 'NextStepSet').filter((set) => set.at <= event.at);
  return before.sort((a, b) => a.data.pathVersion - b.data.pathVersion).at(-1)?.data
    .accountableOrgId;
}

/** OVERDUE: every escalation signal, by type and rung, on its day. */
export function overdueFacts(path: OraclePath): BareFact[] {
  return path.events
    .filter((event) => SIGNALS.includes(event.type))
    .map((event) => ({
      kind: 'OVERDUE',
      date: event.day,
      org: signalOrg(path, event),
      category: event.data.level === undefined ? event.type : `${event.type}:${event.data.level}`,
    }));
}

/** The class an exit must stay in to count as sustained: studies is one of its own. */
function classOf(destination: { category: string; group: string }): string {
  return destination.category === 'STUDIES' ? 'STUDIES' : destination.group;
}

/**
 * SUSTAINED_EXIT: each exit to the labour market or to studies, on the exit date: SUSTAINED
 * when the 6-month follow-up (or the latest at 6 months or more) that found out where the client
 * is places them in the same class still (the labour market; studies), TRANSITIONAL when
 * elsewhere or back, NOT_KNOWN while none has.
 */
export function sustainedFacts(path: OraclePath): BareFact[] {
  return ofType(path, 'ClientExited').flatMap((exit) => {
    const { category, group } = exit.data.destination;
    if (group !== 'LABOUR_MARKET' && category !== 'STUDIES') {
      return [];
    }
    const exitDate = exit.data.exitDate as string;
    const foundOut = followUpOutcomes(path).filter((followUp) => {
      const placed = placedIn(followUp);
      return (
        followUp.exitDate === exitDate &&
        placed !== undefined &&
        placed !== 'MISSED' &&
        placed !== 'UNKNOWN' &&
        roundedMonths(exitDate, followUp.dueDate) >= 6
      );
    });
    const decides =
      foundOut.find((followUp) => roundedMonths(exitDate, followUp.dueDate) === 6) ??
      foundOut.sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1)).at(-1);
    let status = 'NOT_KNOWN';
    if (decides !== undefined) {
      const completion = decides.completion!.data;
      const now =
        completion.statusNow === 'BACK_IN_VTM'
          ? 'BACK_IN_VTM'
          : completion.statusNow === 'CHANGED'
            ? classOf(completion.destination as { category: string; group: string })
            : classOf({ category, group });
      status = now === classOf({ category, group }) ? 'SUSTAINED' : 'TRANSITIONAL';
    }
    return [
      { kind: 'SUSTAINED_EXIT', date: exitDate, org: exit.org, category: status, detail: category },
    ];
  });
}
