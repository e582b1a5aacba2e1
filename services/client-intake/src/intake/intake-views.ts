import type { ActionItemRow, AssessmentRow } from './intake.repository';
import type { ParallelServiceReferralRow } from './parallel-service.repository';

export function actionItemView(row: ActionItemRow) {
  return {
    actionItemId: row.id,
    issueId: row.issue_id,
    kind: row.kind,
    ownerOrgId: row.owner_org_id,
    dueDate: row.due_date,
    status: row.status,
    resolution: row.resolution,
    version: row.version,
  };
}

/** The path's intake as the API shows it: its latest assessment, action items and services. */
export function intakeView(intake: {
  readonly assessment: AssessmentRow | undefined;
  readonly actionItems: readonly ActionItemRow[];
  readonly parallelServices: readonly ParallelServiceReferralRow[];
}) {
  const { assessment } = intake;
  return {
    parallelServices: intake.parallelServices.map((row) => ({
      referralId: row.id,
      service: row.service,
      toOrgId: row.to_org_id,
      referredAt: row.created_at.toISOString(),
    })),
    assessment: assessment
      ? {
          intakeId: assessment.id,
          ...assessment.situation,
          basics: assessment.basics,
          completedByOrgId: assessment.completed_by_org_id,
          completedAt: assessment.completed_at.toISOString(),
        }
      : null,
    actionItems: intake.actionItems.map(actionItemView),
  };
}
