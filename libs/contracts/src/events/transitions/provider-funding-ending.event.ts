import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';

/** Payload of ProviderFundingEnding v1: the provider that holds this path loses its funding. */
export class ProviderFundingEndingPayload {
  @FieldDoc('The provider whose funding ends and which is accountable for this path.')
  @IsUUID()
  readonly providerOrgId!: string;

  @FieldDoc('The provider’s last funded day; before it the path needs a hand-off or a new owner.')
  @IsIsoDate()
  readonly endDate!: string;
}

/** A provider's funding ends: one event per affected path (docs/domain.md §10.3 FundingEndSaga). */
export const PROVIDER_FUNDING_ENDING_V1 = defineEvent({
  subject: 'polku.transitions.path.provider-funding-ending.v1',
  type: 'ProviderFundingEnding',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ProviderFundingEndingPayload,
  summary:
    'The funding of the provider accountable for this path ends; one event for each active path it holds, each of which must get a hand-off or a new owner before the end date.',
  emittedBy: 'transitions, for the provider or a manager who announces the end of the funding.',
});
