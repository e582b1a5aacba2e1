import { IsInt, IsUUID, Min } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';

/** Payload of ClientReturnedToIntermediateMarket v1: a new path, linked to the one that ended. */
export class ClientReturnedToIntermediateMarketPayload {
  @FieldDoc(
    'The client’s previous path, which ended with ClientExited; the envelope’s `pathId` is the new, linked path.',
  )
  @IsUUID()
  readonly previousPathId!: string;

  @FieldDoc(
    'Whole months from the previous path’s exit date to this return; 0 within the first month.',
  )
  @IsInt()
  @Min(0)
  readonly monthsSinceExit!: number;

  @FieldDoc(
    'How many times the client has returned to the intermediate labour market after an exit: 1 on the first return.',
  )
  @IsInt()
  @Min(1)
  readonly loopCount!: number;
}

/** A client whose path ended comes back (docs/domain.md §10.2 S0). */
export const CLIENT_RETURNED_TO_INTERMEDIATE_MARKET_V1 = defineEvent({
  subject: 'polku.intake.path.client-returned-to-intermediate-market.v1',
  type: 'ClientReturnedToIntermediateMarket',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ClientReturnedToIntermediateMarketPayload,
  summary:
    'A client whose previous path ended with an exit was referred again; client-intake opened a new path linked to the previous one, which counts toward the “VTM loop”.',
  emittedBy: 'client-intake, when a referral arrives for a client whose previous path has ended.',
});
