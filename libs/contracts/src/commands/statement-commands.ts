import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsIsoDate } from '../events/event-validators';
import { STATEMENT_KINDS, type StatementKind } from '../events/plans/statement-requested.event';
import { FieldDoc } from '../field-doc.decorator';

/** POST /api/v1/paths/{pathId}/statements: a statement or coaching summary is asked for. */
export class RequestStatementCommand {
  @FieldDoc('The kind of statement.')
  @IsIn(STATEMENT_KINDS)
  kind!: StatementKind;

  @FieldDoc('The measure it is about; absent: about the plan.')
  @IsOptional()
  @IsUUID()
  measureId?: string;

  @FieldDoc('Due date; absent: STATEMENT_DUE_BUSINESS_DAYS Finnish business days from today.', {
    example: '2027-02-15',
  })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;
}
