import { IsIn, IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { PATH_STATES, type PathStateName } from '../../path/path-states';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsActorId, IsIsoDate, IsRequiredOnlyWhen, WHEN_PRESENT } from '../event-validators';
import {
  ESCALATION_LEVELS,
  NEXT_STEP_KINDS,
  type EscalationLevel,
  type NextStepKind,
} from './next-step';

/**
 * Payload of NextStepSet v1: where the path stands after a decision changed its state, its
 * accountable organisation, its named worker or its next step. A summary of the path machine's
 * state, so read models (the work queue, the caseload, the dashboards) never re-run the machine.
 */
export class NextStepSetPayload {
  @FieldDoc('The path’s state after the change.')
  @IsIn(PATH_STATES)
  readonly state!: PathStateName;

  @FieldDoc(
    'The path’s version after the change; it only grows, so a consumer keeps the highest it has seen and ignores an older one delivered late.',
  )
  @IsInt()
  @Min(1)
  readonly pathVersion!: number;

  @FieldDoc(
    'The organisation accountable for the path; absent only when the path is closed or re-entered (every other path has one).',
  )
  @IsOptional()
  @IsUUID()
  readonly accountableOrgId?: string;

  @FieldDoc(
    'The named worker of the accountable organisation: the identity provider’s pseudonymous user id, never a name, or `unassigned` while an organisation that took the path over has not named one (its team lead names one); absent only when the path is closed or re-entered.',
  )
  @IsOptional()
  @IsActorId()
  readonly workerId?: string;

  @FieldDoc('The kind of the path’s next step; absent only when the path is closed or re-entered.')
  @IsOptional()
  @IsIn(NEXT_STEP_KINDS)
  readonly nextStep?: NextStepKind;

  @FieldDoc('The next step’s due date; present exactly when there is a next step.')
  @IsIsoDate(WHEN_PRESENT)
  @IsRequiredOnlyWhen('nextStep', NEXT_STEP_KINDS)
  readonly dueDate?: string;

  @FieldDoc(
    'The rung of the escalation ladder the late next step has reached (worker, team lead, manager); absent while it is not late.',
  )
  @IsOptional()
  @IsIn(ESCALATION_LEVELS)
  readonly level?: EscalationLevel;
}

/** The path's state, owner, worker or next step changed (docs/transitions.md, docs/work-queue.md). */
export const NEXT_STEP_SET_V1 = defineEvent({
  subject: 'polku.transitions.path.next-step-set.v1',
  type: 'NextStepSet',
  version: 1,
  // PATH: state, owner, worker and next step are the path skeleton (docs/domain.md §9.3).
  dataClass: 'PATH',
  payloadClass: NextStepSetPayload,
  summary:
    'A decision changed the path’s state, accountable organisation, named worker or next step; the event says where the path stands now, so read models follow it without re-running the path machine.',
  emittedBy:
    'transitions, in the same transaction as every decision that changes one of these, whatever caused it (a command, another service’s event, a timer).',
});
