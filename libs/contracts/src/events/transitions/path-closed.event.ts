import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsUtcTimestamp } from '../event-validators';
import { ExitDestination, IsDestinationOtherThan } from '../shared/exit-destination';

/** Payload of PathClosed v1: a path ends with a confirmed destination. */
export class PathClosedPayload {
  @FieldDoc(
    'Where the client is, confirmed at a follow-up or at the exit: a group, a category of that group and optionally its kind; never `UNCLEAR_PATH`.',
  )
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestination)
  @IsDestinationOtherThan(['UNCLEAR_PATH'])
  readonly confirmedDestination!: ExitDestination;

  @FieldDoc('When the path was closed.')
  @IsUtcTimestamp()
  readonly closedAt!: string;
}

/** The owner closes a path (docs/domain.md §10.2 S6, §4.1; docs/domain.md §4.5–4.6). */
export const PATH_CLOSED_V1 = defineEvent({
  subject: 'polku.transitions.path.path-closed.v1',
  type: 'PathClosed',
  version: 1,
  dataClass: 'PATH',
  payloadClass: PathClosedPayload,
  summary:
    'The owner closed the path with a confirmed destination; an unclear path cannot be closed, and a path without a confirmed destination stays in follow-up.',
  emittedBy: 'transitions, for the path’s owner.',
});
