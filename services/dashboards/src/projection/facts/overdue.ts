import type { PathHistory } from '../fold/path-history';
import type { FactDraft } from './fact-row';
import { actingOrg } from './path-orgs';

/**
 * OVERDUE: one per escalation signal (HandoffEscalated, NextStepOverdue, FollowUpMissed,
 * PlanReviewOverdue, ActionItemOverdue, WaitExceeded), category the event type and its rung
 * (`NextStepOverdue:MANAGER`) where it has one, on the day it was raised. A timer raises them,
 * so the organisation is the one the payload escalates to or names as owner (a hand-off's
 * escalation: the sender's or the receiver's), else the one accountable for the path then.
 */
export function overdueFacts(history: PathHistory): FactDraft[] {
  return history.signals.map((signal) => ({
    key: `OVERDUE:${signal.eventId}`,
    kind: 'OVERDUE',
    factDate: signal.day,
    orgId: signal.targetOrgId ?? actingOrg(history, signal),
    category: signal.level === undefined ? signal.type : `${signal.type}:${signal.level}`,
  }));
}
