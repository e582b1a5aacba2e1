import { IsIn, IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import {
  ESCALATION_LEVELS,
  OVERDUE_REPORTED_NEXT_STEP_KINDS,
  type EscalationLevel,
  type OverdueReportedNextStepKind,
} from './next-step';

/** Payload of NextStepOverdue v1: the path's next step is late and climbs the escalation ladder. */
export class NextStepOverduePayload {
  @FieldDoc(
    'The kind of next step that is late; an unanswered hand-off and a follow-up escalate by HandoffEscalated and FollowUpMissed instead.',
  )
  @IsIn(OVERDUE_REPORTED_NEXT_STEP_KINDS)
  readonly nextStep!: OverdueReportedNextStepKind;

  @FieldDoc('The next step’s due date that passed.')
  @IsIsoDate()
  readonly dueDate!: string;

  @FieldDoc(
    'Who in the accountable organisation it is escalated to: the named worker, then the team lead, then the manager.',
  )
  @IsIn(ESCALATION_LEVELS)
  readonly level!: EscalationLevel;

  @FieldDoc('The organisation accountable for the path and its next step.')
  @IsUUID()
  readonly accountableOrgId!: string;

  @FieldDoc('Finnish business days since the due date.')
  @IsInt()
  @Min(0)
  readonly businessDaysOverdue!: number;
}

/** A path's next step is overdue (docs/domain.md §4.3, §4.8; docs/domain.md §10.3). */
export const NEXT_STEP_OVERDUE_V1 = defineEvent({
  subject: 'polku.transitions.path.next-step-overdue.v1',
  type: 'NextStepOverdue',
  version: 1,
  dataClass: 'PATH',
  payloadClass: NextStepOverduePayload,
  summary:
    'A path’s next step passed its due date and was escalated one step in the accountable organisation; a step still late at the top of the ladder makes the path a lost path.',
  emittedBy: 'transitions (system timer), when the due date or the previous escalation has passed.',
});
