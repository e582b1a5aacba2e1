import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { HasNoPersonalIdentityCode } from '../events/event-validators';
import {
  PLAN_REVISION_REASONS,
  type PlanRevisionReason,
} from '../events/plans/activation-plan-revised.event';
import {
  GOAL_PROGRESS_ASSESSORS,
  type GoalProgressAssessor,
} from '../events/plans/goal-progress-recorded.event';
import { FieldDoc } from '../field-doc.decorator';
import { PlanContentInput } from './plan-content.input';

/**
 * Request/reply subjects of activation-plans. Only the gateway sends them, with the caller's
 * principal in its signed internal token (`polku-internal-token`); the service checks access again. Every command is
 * path-scoped (`PathScoped`, or `VersionedPathCommand` when it names a plan version or an id).
 */
export const PLAN_COMMANDS = {
  agreePlan: 'polku-rpc.activation-plans.agree-plan.v1',
  revisePlan: 'polku-rpc.activation-plans.revise-plan.v1',
  getPlan: 'polku-rpc.activation-plans.get-plan.v1',
  getPlanHistory: 'polku-rpc.activation-plans.get-plan-history.v1',
  recordGoalProgress: 'polku-rpc.activation-plans.record-goal-progress.v1',
  startMeasure: 'polku-rpc.activation-plans.start-measure.v1',
  listMeasures: 'polku-rpc.activation-plans.list-measures.v1',
  recordAttendance: 'polku-rpc.activation-plans.record-attendance.v1',
  reportAbsence: 'polku-rpc.activation-plans.report-absence.v1',
  pauseMeasure: 'polku-rpc.activation-plans.pause-measure.v1',
  resumeMeasure: 'polku-rpc.activation-plans.resume-measure.v1',
  endMeasure: 'polku-rpc.activation-plans.end-measure.v1',
  requestStatement: 'polku-rpc.activation-plans.request-statement.v1',
  issueStatement: 'polku-rpc.activation-plans.issue-statement.v1',
  listStatements: 'polku-rpc.activation-plans.list-statements.v1',
} as const;

/**
 * What the gateway adds to agreePlan and revisePlan besides the body: the organisation
 * registry's role of every organisation the body names as a party, looked up with
 * INTAKE_COMMANDS.organisationRoles. A party's role, and so any cover by law, comes only from
 * here, never from the caller's body (docs/plans.md).
 */
export interface PlanPartyRegistryRoles {
  readonly partyRoles: Readonly<Record<string, string>>;
}

/** At most this many characters in the note that says why a plan was revised. */
export const MAX_REVISION_NOTE_LENGTH = 500;

/** POST /api/v1/paths/{pathId}/activation-plan: version 1 of the path's one activation plan. */
export class AgreePlanCommand extends PlanContentInput {}

/**
 * PUT /api/v1/paths/{pathId}/activation-plan with If-Match: the next version, whole. The
 * service works out what changed (parties, linked plans, goals, review date) and refuses a
 * revision that changes nothing.
 */
export class RevisePlanCommand extends PlanContentInput {
  @FieldDoc('Why the plan is revised, as a category.')
  @IsIn(PLAN_REVISION_REASONS)
  reasonCategory!: PlanRevisionReason;

  @FieldDoc(
    'Why, in a sentence, for the plan’s history. Stays in activation-plans; never in events.',
  )
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_REVISION_NOTE_LENGTH)
  @HasNoPersonalIdentityCode()
  note?: string;
}

/** POST /api/v1/paths/{pathId}/activation-plan/goals/{goalId}/progress */
export class RecordGoalProgressCommand {
  @FieldDoc('The GAS level reached, for a goal with a GAS scale.')
  @IsOptional()
  @IsInt()
  @Min(-2)
  @Max(2)
  gasLevel?: number;

  @FieldDoc('Who assessed the progress.')
  @IsIn(GOAL_PROGRESS_ASSESSORS)
  assessedBy!: GoalProgressAssessor;
}
