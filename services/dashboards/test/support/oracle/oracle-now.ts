import type { BareFact } from './oracle-fact';
import { firstOf, ofType, type OracleEvent, type OraclePath } from './oracle-path';

/** The path's NextStepSet events in pathVersion order. */
function course(path: OraclePath): OracleEvent[] {
  return ofType(path, 'NextStepSet').sort((a, b) => a.data.pathVersion - b.data.pathVersion);
}

/** The NextStepSet the path's current stay began with (its state entered), and the latest. */
function standing(path: OraclePath): { latest?: OracleEvent; entered?: OracleEvent } {
  const sets = course(path);
  const latest = sets.at(-1);
  let entered = latest;
  for (let i = sets.length - 1; i >= 0 && sets[i].data.state === latest?.data.state; i -= 1) {
    entered = sets[i];
  }
  return { latest, entered };
}

const ENDED = ['CLOSED', 'REENTERED'];

/** PLANS and ORGANISATIONS: one each per path, on its referral day, for its accountable org. */
export function fragmentationFacts(path: OraclePath): BareFact[] {
  const referral = firstOf(path, 'ClientReferred');
  const org = standing(path).latest?.data.accountableOrgId;
  if (referral === undefined || org === undefined) {
    return [];
  }
  const facts: BareFact[] = [];
  const plans = ofType(path, 'ActivationPlanAgreed').sort(
    (a, b) => a.data.planVersion - b.data.planVersion,
  );
  const plan = plans.at(-1);
  if (plan !== undefined) {
    const count = 1 + plan.data.linkedPlans.length;
    facts.push({
      kind: 'PLANS',
      date: referral.day,
      org,
      category: count >= 4 ? '4+' : String(count),
    });
  }
  const parties = new Set<string>();
  for (const event of path.events) {
    const data = event.data;
    for (const id of [
      data.fromOrgId,
      data.toOrgId,
      data.receivingOrgId,
      // Plan parties (agreed or revised) and the organisations at a network meeting.
      ...(data.parties ?? []).map((party: { orgId: string }) => party.orgId),
      ...(event.type === 'NetworkMeetingHeld'
        ? data.participants.map((party: { orgId: string }) => party.orgId)
        : []),
    ]) {
      if (typeof id === 'string') {
        parties.add(id);
      }
    }
  }
  facts.push({
    kind: 'ORGANISATIONS',
    date: referral.day,
    org,
    category: parties.size >= 6 ? '6+' : String(parties.size),
  });
  return facts;
}

/** NOW_OPEN and NOW_UNCLEAR: the path as it stands, since the day it entered its state. */
export function openFacts(path: OraclePath): BareFact[] {
  const { latest, entered } = standing(path);
  if (latest === undefined || entered === undefined || ENDED.includes(latest.data.state)) {
    return [];
  }
  const org = latest.data.accountableOrgId;
  const step = latest.data.nextStep === undefined ? {} : { detail: latest.data.nextStep };
  const facts: BareFact[] = [
    { kind: 'NOW_OPEN', date: entered.day, org, category: latest.data.state, ...step },
  ];
  if (latest.data.state === 'UNCLEAR_PATH') {
    facts.push({ kind: 'NOW_UNCLEAR', date: entered.day, org, category: 'UNCLEAR_PATH', ...step });
  }
  return facts;
}

/** NOW_HANDOFF: each hand-off still unanswered, for its sender and for its receiver. */
export function pendingHandoffFacts(path: OraclePath): BareFact[] {
  const answered = new Set(
    ['HandoffAccepted', 'HandoffDeclined', 'HandoffCompleted'].flatMap((type) =>
      ofType(path, type).map((event) => event.data.handoffId),
    ),
  );
  return ofType(path, 'HandoffProposed')
    .filter((proposed) => !answered.has(proposed.data.handoffId))
    .flatMap((proposed) => {
      const escalated = ofType(path, 'HandoffEscalated').some(
        (event) => event.data.handoffId === proposed.data.handoffId,
      );
      const row = {
        kind: 'NOW_HANDOFF',
        date: proposed.day,
        due: proposed.data.answerDueDate as string,
        ...(escalated ? { detail: 'ESCALATED' } : {}),
      };
      return [
        { ...row, org: proposed.org, category: 'SENDER' },
        { ...row, org: proposed.data.receivingOrgId, category: 'RECEIVER' },
      ];
    });
}

/** The organisation an escalation signal is for (COMMON brief, OVERDUE), as `signalOrg` says. */
export type SignalOrg = (path: OraclePath, event: OracleEvent) => string;

/**
 * NOW_LOST: a path lost now, as the work queue counts lost (docs/work-queue.md): a missed
 * follow-up not completed since, a manager-rung escalation of the step that is still the path's
 * step, or of a hand-off still unanswered. One per path, for its accountable organisation, on
 * the day of the first such signal.
 */
export function lostFacts(path: OraclePath): BareFact[] {
  const { latest } = standing(path);
  if (latest === undefined || ENDED.includes(latest.data.state)) {
    return [];
  }
  const completed = new Set(ofType(path, 'FollowUpCompleted').map((e) => e.data.followUpId));
  const answered = new Set(
    ['HandoffAccepted', 'HandoffDeclined', 'HandoffCompleted'].flatMap((type) =>
      ofType(path, type).map((event) => event.data.handoffId),
    ),
  );
  const first = path.events.find(
    (event) =>
      (event.type === 'FollowUpMissed' && !completed.has(event.data.followUpId)) ||
      (event.type === 'HandoffEscalated' &&
        event.data.level === 'MANAGER' &&
        !answered.has(event.data.handoffId)) ||
      (event.type === 'NextStepOverdue' &&
        event.data.level === 'MANAGER' &&
        latest.data.nextStep === event.data.nextStep &&
        latest.data.dueDate === event.data.dueDate),
  );
  return first === undefined
    ? []
    : [
        {
          kind: 'NOW_LOST',
          date: first.day,
          org: latest.data.accountableOrgId,
          category: first.type,
        },
      ];
}
