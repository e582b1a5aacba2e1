import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { IsActorId } from '../events/event-validators';
import { MEASURE_TYPES, type MeasureType } from '../events/shared/measure-type';
import {
  NEXT_STEP_KINDS,
  type EscalationLevel,
  type NextStepKind,
} from '../events/transitions/next-step';
import { PATH_STATES, type PathStateName } from '../path/path-states';
import { FieldDoc } from '../field-doc.decorator';

/** Whose caseload: the caller's own paths (MINE) or every path of their organisation. */
export const CASELOAD_SCOPES = ['MINE', 'ORGANISATION'] as const;

/** One of {@link CASELOAD_SCOPES}. */
export type CaseloadScope = (typeof CASELOAD_SCOPES)[number];

/**
 * One path of a caseload: where it stands, what runs and how fragmented the client's services
 * are. Pseudonymous ids, kinds, dates and counts only.
 */
export interface CaseloadPathView {
  readonly pathId: string;
  readonly state: PathStateName;
  readonly accountableOrgId?: string;
  readonly workerId?: string;
  readonly nextStep?: NextStepKind;
  /** YYYY-MM-DD. */
  readonly dueDate?: string;
  readonly level?: EscalationLevel;
  /** The next step's due date is before today (Europe/Helsinki). */
  readonly overdue: boolean;
  /** The measure running or paused now; absent when none. */
  readonly measureType?: MeasureType;
  /** The organisation that runs it: the external host, else the organisation that started it. */
  readonly providerOrgId?: string;
  /** Plans per client: the activation plan and the other plans it links (docs/domain.md §3.4). */
  readonly plansCount: number;
  /** Organisations per client: every organisation that has been a party of the path. */
  readonly organisationsCount: number;
  /** When the path last changed here (ISO-8601 UTC). */
  readonly updatedAt: string;
}

/**
 * The filters of `WORK_QUEUE_COMMANDS.listCaseload` (GET /api/v1/caseload), sent beside `limit`
 * and `cursor`: every given filter must hold.
 */
export class ListCaseloadQuery {
  @FieldDoc(
    'MINE (the default): paths the caller is the named worker of; ORGANISATION: every path the caller’s organisation is accountable for.',
  )
  @IsOptional()
  @IsIn(CASELOAD_SCOPES)
  readonly scope?: CaseloadScope;

  @FieldDoc('Only paths in these states; open states when absent.')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PATH_STATES.length)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(PATH_STATES, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly state?: PathStateName[];

  @FieldDoc('Only paths whose next step is one of these.')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(NEXT_STEP_KINDS.length)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(NEXT_STEP_KINDS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly nextStep?: NextStepKind[];

  @FieldDoc('Only paths whose next step is overdue (true) or not (false).')
  @IsOptional()
  @IsBoolean()
  readonly overdue?: boolean;

  @FieldDoc('Only paths with a measure of this type running or paused.')
  @IsOptional()
  @IsIn(MEASURE_TYPES)
  readonly measureType?: MeasureType;

  @FieldDoc('Only paths whose measure this organisation runs.')
  @IsOptional()
  @IsUUID()
  readonly providerOrgId?: string;

  @FieldDoc('ORGANISATION scope only: only the paths of this worker.')
  @IsOptional()
  @IsActorId()
  readonly workerId?: string;
}
