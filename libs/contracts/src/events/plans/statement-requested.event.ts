import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsExactlyOneOf, IsIsoDate, WHEN_PRESENT } from '../event-validators';

/**
 * What is asked for: a statement (lausunto) on the client, or a summary of the coaching given.
 */
export const STATEMENT_KINDS = ['STATEMENT', 'COACHING_SUMMARY'] as const;

/** One of {@link STATEMENT_KINDS}. */
export type StatementKind = (typeof STATEMENT_KINDS)[number];

/** Payload of StatementRequested v1: a dated task to write a statement; never its content. */
export class StatementRequestedPayload {
  @FieldDoc('The statement; StatementIssued names it.')
  @IsUUID()
  readonly statementId!: string;

  @FieldDoc('The measure the statement is about, e.g. at its end; absent when it is about a plan.')
  @IsUUID('all', WHEN_PRESENT)
  @IsExactlyOneOf(['measureId', 'planId'])
  readonly measureId?: string;

  @FieldDoc('The activation plan the statement is about; absent when it is about a measure.')
  @IsUUID('all', WHEN_PRESENT)
  @IsExactlyOneOf(['measureId', 'planId'])
  readonly planId?: string;

  @FieldDoc('What is asked for: a statement, or a summary of the coaching given.')
  @IsIn(STATEMENT_KINDS)
  readonly kind!: StatementKind;

  @FieldDoc('The organisation that asks for it, e.g. the referrer at the end of a measure.')
  @IsUUID()
  readonly requestedByOrgId!: string;

  @FieldDoc('When the statement is due; the writer is reminded before it.')
  @IsIsoDate()
  readonly dueDate!: string;
}

/** A party asks for a statement (docs/domain.md §10.2 S3, §5.8). */
export const STATEMENT_REQUESTED_V1 = defineEvent({
  subject: 'polku.plans.statement.statement-requested.v1',
  type: 'StatementRequested',
  version: 1,
  // PATH: a dated task between the parties of the path, part of a transition (docs/domain.md §3.5);
  // the statement itself stays in the writer's records and never travels in an event.
  dataClass: 'PATH',
  payloadClass: StatementRequestedPayload,
  summary:
    'A party asked for a statement or a coaching summary about a measure or a plan, by a due date; the statement itself never travels in an event.',
  emittedBy: 'activation-plans, for the referring party (or another party of the path).',
});
