import type { PlanContent } from './plan-content';
import { diffPlanContent } from './plan-diff';
import type { LatestProgressRow, PlanRow, PlanVersionRow } from './plan.repository';

/** The plan as the API shows it: the current version's content, with each goal's latest progress. */
export function planView({
  plan,
  content,
  progress,
}: {
  plan: PlanRow;
  content: PlanContent;
  progress: LatestProgressRow[];
}) {
  const latest = new Map(progress.map((row) => [row.goal_id, row]));
  return {
    planId: plan.id,
    pathId: plan.path_id,
    version: plan.version,
    reviewDate: plan.review_date,
    parties: content.parties,
    clientAgreed: content.clientAgreed,
    linkedPlans: content.linkedPlans,
    goals: content.goals.map((goal) => {
      const last = latest.get(goal.goalId);
      return {
        goalId: goal.goalId,
        text: goal.text,
        gasScale: goal.gasScale,
        latestProgress: last
          ? {
              gasLevel: last.gas_level,
              assessedBy: last.assessed_by,
              recordedAt: last.recorded_at.toISOString(),
            }
          : null,
      };
    }),
    // "Plans per client" (docs/domain.md §3.4): the activation plan and every plan it links, so
    // parallel plans of other bodies show up as one family instead of being lost.
    planFamily: {
      plansPerClient: 1 + content.linkedPlans.length,
      plans: [
        { kind: 'ACTIVATION_PLAN', reference: plan.id, heldByOrgId: null },
        ...content.linkedPlans,
      ],
    },
    createdAt: plan.created_at.toISOString(),
    updatedAt: plan.updated_at.toISOString(),
  };
}

/**
 * One page of the versions, oldest first, each with who changed it, why, and a readable diff
 * against the version before it (`previous`: the content of the version before the page's
 * first, null when the page starts at version 1).
 */
export function planHistoryView(
  plan: PlanRow,
  page: { readonly versions: readonly PlanVersionRow[]; readonly previous: PlanContent | null },
) {
  const { versions, previous } = page;
  return {
    planId: plan.id,
    pathId: plan.path_id,
    currentVersion: plan.version,
    items: versions.map((row, index) => ({
      version: row.version,
      changedAt: row.changed_at.toISOString(),
      changedBy: { userId: row.changed_by_user_id, orgId: row.changed_by_org_id },
      reasonCategory: row.reason_category,
      note: row.note,
      changed: row.changed,
      // Version 1 is the agreement: its lines list what was agreed, as added.
      diff: diffPlanContent(index === 0 ? previous : versions[index - 1].content, row.content)
        .lines,
    })),
  };
}
