import type {
  CaseloadPathView,
  EscalationLevel,
  MeasureType,
  NextStepKind,
  PathStateName,
} from '@polku/contracts';
import { isOverdue } from '../queue/queue-rules';
import type { CaseloadRow } from './caseload.repository';

/** A path of a caseload as the caller sees it: ids, kinds, dates and counts only. */
export function caseloadPathView(row: CaseloadRow, today: string): CaseloadPathView {
  return {
    pathId: row.path_id,
    state: row.state as PathStateName,
    ...(row.accountable_org_id === null ? {} : { accountableOrgId: row.accountable_org_id }),
    ...(row.worker_id === null ? {} : { workerId: row.worker_id }),
    ...(row.next_step === null ? {} : { nextStep: row.next_step as NextStepKind }),
    ...(row.due_date === null ? {} : { dueDate: row.due_date }),
    ...(row.level === null ? {} : { level: row.level as EscalationLevel }),
    overdue: isOverdue(row.due_date, today),
    ...(row.measure_type === null ? {} : { measureType: row.measure_type as MeasureType }),
    ...(row.provider_org_id === null ? {} : { providerOrgId: row.provider_org_id }),
    plansCount: row.plans_count,
    organisationsCount: row.organisations_count,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
