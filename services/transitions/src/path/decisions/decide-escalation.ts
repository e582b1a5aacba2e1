import { businessDaysBetween } from '@polku/timers';
import type { DecisionDraft } from '../decision-draft';
import type { PathInputOf } from '../path-inputs';
import { climb } from '../next-step';

// The escalation ladder firing (invariant 2, docs/domain.md §4.4): the named worker, 5 business
// days later the team lead, 5 more the manager's dashboard.

function overdueDays(draft: DecisionDraft, dueDate: string): number {
  return Math.max(0, businessDaysBetween(dueDate, draft.at));
}

export function escalateHandoff(
  draft: DecisionDraft,
  input: PathInputOf<'handoffAnswerOverdue'>,
): void {
  const { pendingHandoff, accountable } = draft.state;
  if (pendingHandoff?.handoffId !== input.handoffId || accountable === null) {
    return draft.bug(`a hand-off timer outlived its hand-off ${input.handoffId}`);
  }
  climb(draft, input);
  const escalated = {
    handoffId: pendingHandoff.handoffId,
    level: input.level,
    answerDueDate: pendingHandoff.answerDueDate,
    businessDaysOverdue: overdueDays(draft, pendingHandoff.answerDueDate),
  };
  // The sender is still accountable, so the ladder climbs in the sender's organisation.
  draft.emit({
    name: 'HandoffEscalated',
    data: { ...escalated, escalatedToOrgId: accountable.orgId, escalatedToParty: 'SENDER' },
  });
  // The silence is the receiver's: from the team lead's rung on its own team lead and manager
  // hear of it too (issue 18 hole e). Its organisation, not a worker, sees the answer waiting,
  // so the worker's rung stays the sender's.
  if (input.level !== 'WORKER') {
    draft.emit({
      name: 'HandoffEscalated',
      data: {
        ...escalated,
        escalatedToOrgId: pendingHandoff.receivingOrgId,
        escalatedToParty: 'RECEIVER',
      },
    });
  }
}

/** NextStepOverdue, for an ordinary step and for an unclear path's review alike. */
export function escalateNextStep(
  draft: DecisionDraft,
  input: PathInputOf<'nextStepOverdue' | 'unclearPathReviewDue'>,
): void {
  const { nextStep, accountable } = draft.state;
  if (nextStep === null || accountable === null) {
    return draft.bug(`a ${input.type} timer on a path without a next step`);
  }
  climb(draft, input);
  draft.emit({
    name: 'NextStepOverdue',
    data: {
      nextStep: nextStep.kind,
      dueDate: nextStep.dueDate,
      level: input.level,
      accountableOrgId: accountable.orgId,
      businessDaysOverdue: overdueDays(draft, nextStep.dueDate),
    },
  });
}
