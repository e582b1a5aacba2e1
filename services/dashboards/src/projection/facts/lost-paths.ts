import type { PathHistory, Signal } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { accountableNow } from './path-orgs';
import { openStep } from './open-paths';

/** Whether a signal is still open, as the work queue clears it (docs/work-queue.md). */
function isOpen(history: PathHistory, signal: Signal): boolean {
  switch (signal.type) {
    case 'HandoffEscalated': {
      const handoff = history.handoffs.find(({ handoffId }) => handoffId === signal.ref);
      return handoff?.answer === undefined && handoff?.completed === undefined;
    }
    case 'ActionItemOverdue':
      return signal.ref === undefined || !history.completedActionItems.has(signal.ref);
    case 'NextStepOverdue': {
      // Cleared by a path version at or after it with another step or due date.
      const at = Date.parse(signal.at);
      return !history.steps.some(
        (step) =>
          Date.parse(step.at) >= at &&
          (step.nextStep !== signal.nextStep || step.dueDate !== signal.dueDate),
      );
    }
    case 'FollowUpMissed': {
      const followUp = history.followUps.find(({ followUpId }) => followUpId === signal.ref);
      return followUp?.completed === undefined;
    }
    default:
      return false;
  }
}

/** The signals that make the path lost: a MANAGER-rung escalation or a missed follow-up, open. */
export function lostSignals(history: PathHistory): Signal[] {
  return history.signals.filter(
    (signal) =>
      (signal.type === 'FollowUpMissed' || signal.level === 'MANAGER') && isOpen(history, signal),
  );
}

/**
 * NOW_LOST: one for an open path that is lost as the work queue counts lost (an open escalation
 * at the MANAGER rung, or a missed follow-up not completed since): since the first such signal,
 * category its event type, due_date what it was late for, of the organisation accountable for
 * the path now.
 */
export function lostPathFacts(history: PathHistory): FactDraft[] {
  const current = openStep(history);
  const first = lostSignals(history)[0];
  if (current === undefined || first === undefined) {
    return [];
  }
  return [
    {
      key: 'NOW_LOST',
      kind: 'NOW_LOST',
      factDate: first.day,
      orgId: accountableNow(history) ?? first.targetOrgId ?? first.orgId,
      category: first.type,
      dueDate: first.dueDate ?? null,
    },
  ];
}
