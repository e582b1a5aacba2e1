import {
  ACTION_ITEM_COMPLETED_V1,
  ACTION_ITEM_OVERDUE_V1,
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  GOAL_PROGRESS_RECORDED_V1,
  MEASURE_STARTED_V1,
  NETWORK_MEETING_HELD_V1,
  PLAN_REVIEW_OVERDUE_V1,
} from '@polku/contracts';
import {
  addParties,
  entryOf,
  orgIdsOf,
  text,
  type Folder,
  type HistoryBuilder,
} from './history-builder';
import type { Plan } from './path-history';

function planOf(history: HistoryBuilder, planId: string | undefined): Plan {
  const id = planId ?? '';
  return entryOf(history.plans, id, () => ({ planId: id, linkedVersion: 0, linkedPlans: 0 }));
}

const numberOr = (value: unknown, fallback: number): number =>
  typeof value === 'number' ? value : fallback;

/** Plans, goals, measures and the network's meetings and agreed steps. */
export const PLAN_FOLDERS: Readonly<Record<string, Folder>> = {
  [ACTIVATION_PLAN_AGREED_V1.subject]: (history, { occurrence, data }) => {
    history.firstPlan ??= occurrence;
    const plan = planOf(history, text(data, 'planId'));
    plan.firstAgreed ??= occurrence;
    // The linked plans of the latest agreed version (a revision does not list them).
    const version = numberOr(data.planVersion, 1);
    if (version >= plan.linkedVersion) {
      plan.linkedVersion = version;
      plan.linkedPlans = numberOr(data.linkedPlans, 0);
    }
    addParties(history, ...orgIdsOf(data.parties));
  },
  [ACTIVATION_PLAN_REVISED_V1.subject]: (history, { data }) => {
    planOf(history, text(data, 'planId'));
    addParties(history, ...orgIdsOf(data.parties));
  },
  [GOAL_PROGRESS_RECORDED_V1.subject]: (history, { occurrence, data }) => {
    const goalId = text(data, 'goalId');
    const recordedAt = text(data, 'recordedAt');
    if (goalId === undefined || recordedAt === undefined || typeof data.gasLevel !== 'number') {
      return; // a follow-up without a GAS scale says nothing of attainment
    }
    const latest = history.goals.get(goalId);
    // The latest assessment counts; of two at the same instant, the later in the fold's order.
    if (latest === undefined || Date.parse(recordedAt) >= Date.parse(latest.recordedAt)) {
      history.goals.set(goalId, { ...occurrence, goalId, gasLevel: data.gasLevel, recordedAt });
    }
  },
  [PLAN_REVIEW_OVERDUE_V1.subject]: (history, { occurrence, data }) => {
    history.signals.push({
      ...occurrence,
      type: 'PlanReviewOverdue',
      ref: text(data, 'planId'),
      dueDate: text(data, 'dueDate'),
    });
  },
  [MEASURE_STARTED_V1.subject]: (history, { occurrence, data }) => {
    history.measures.push({
      ...occurrence,
      measureId: text(data, 'measureId') ?? '',
      measureType: text(data, 'measureType') ?? 'OTHER',
      startDate: text(data, 'startDate') ?? occurrence.day,
    });
  },
  [NETWORK_MEETING_HELD_V1.subject]: (history, { data }) => {
    addParties(history, ...orgIdsOf(data.participants));
  },
  [ACTION_ITEM_OVERDUE_V1.subject]: (history, { occurrence, data }) => {
    history.signals.push({
      ...occurrence,
      type: 'ActionItemOverdue',
      level: text(data, 'level'),
      targetOrgId: text(data, 'ownerOrgId'),
      ref: text(data, 'actionItemId'),
      dueDate: text(data, 'dueDate'),
    });
  },
  [ACTION_ITEM_COMPLETED_V1.subject]: (history, { data }) => {
    const actionItemId = text(data, 'actionItemId');
    if (actionItemId !== undefined) {
      history.completedActionItems.add(actionItemId);
    }
  },
};
