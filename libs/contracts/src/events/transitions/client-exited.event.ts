import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import { ExitDestination } from '../shared/exit-destination';

/** Payload of ClientExited v1: a client left the path, with a destination from Table 7. */
export class ClientExitedPayload {
  @FieldDoc('Where the client went: a group, a category of that group and optionally its kind.')
  @IsObject()
  @ValidateNested()
  @Type(() => ExitDestination)
  readonly destination!: ExitDestination;

  @FieldDoc(
    'The organisation that takes the client on, e.g. the school or the employer; absent when there is none or it is not in polku.',
  )
  @IsOptional()
  @IsUUID()
  readonly receivingOrgId?: string;

  @FieldDoc(
    'True when the destination is confirmed, false when it is only expected; follow-up confirms it later.',
  )
  @IsBoolean()
  readonly confirmed!: boolean;

  @FieldDoc('The day the client left the measure and the path.')
  @IsIsoDate()
  readonly exitDate!: string;
}

/** A client exits with a destination (docs/domain.md §10.2 S5, §3.7; docs/domain.md §4.5). */
export const CLIENT_EXITED_V1 = defineEvent({
  subject: 'polku.transitions.path.client-exited.v1',
  type: 'ClientExited',
  version: 1,
  // docs/domain.md §9.3 puts the destination category in the path skeleton that every party sees.
  dataClass: 'PATH',
  payloadClass: ClientExitedPayload,
  summary:
    'A client left the path with a destination from the thesis’s Table 7 taxonomy; every exit schedules follow-ups, and a client who comes back gets a new, linked path.',
  emittedBy: 'transitions, for the provider or the path’s owner.',
});
