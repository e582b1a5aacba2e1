import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';

/** Payload of StatementIssued v1: a requested statement was delivered. */
export class StatementIssuedPayload {
  @FieldDoc('The statement, as in StatementRequested.')
  @IsUUID()
  readonly statementId!: string;

  @FieldDoc('When the statement was delivered to the party that asked for it.')
  @IsUtcTimestamp()
  readonly issuedAt!: string;
}

/** A requested statement is delivered (docs/domain.md §10.2 S3). */
export const STATEMENT_ISSUED_V1 = defineEvent({
  subject: 'polku.plans.statement.statement-issued.v1',
  type: 'StatementIssued',
  version: 1,
  // PATH, like the request it closes; the content stays in the writer's records.
  dataClass: 'PATH',
  payloadClass: StatementIssuedPayload,
  summary:
    'A requested statement or coaching summary was delivered to the party that asked for it; the task closes.',
  emittedBy: 'activation-plans, for the client worker who wrote it.',
});
