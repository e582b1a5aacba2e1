import { IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsDifferentFrom, IsUtcTimestamp } from '../event-validators';

/** Payload of ConsentWithdrawn v1: a new record that ends an earlier consent at once. */
export class ConsentWithdrawnPayload {
  @FieldDoc(
    'The withdrawal’s own record: consent records are immutable, so a withdrawal is a new one.',
  )
  @IsUUID()
  @IsDifferentFrom('withdrawnConsentId')
  readonly consentId!: string;

  @FieldDoc('The consent that is withdrawn, the `consentId` of its ConsentGranted.')
  @IsUUID()
  readonly withdrawnConsentId!: string;

  @FieldDoc(
    'When the withdrawal takes effect: at once, so normally the moment it was recorded; the consent covers nothing from then on.',
  )
  @IsUtcTimestamp()
  readonly effectiveAt!: string;
}

/** The client withdraws a consent (docs/domain.md §10.2 S0; docs/domain.md §9). */
export const CONSENT_WITHDRAWN_V1 = defineEvent({
  subject: 'polku.intake.consent.consent-withdrawn.v1',
  type: 'ConsentWithdrawn',
  version: 1,
  dataClass: 'PATH',
  payloadClass: ConsentWithdrawnPayload,
  summary:
    'The client withdrew a consent; the withdrawal is a new record and the withdrawn consent stops covering anything at once.',
  emittedBy: 'client-intake, when a worker records the client’s withdrawal.',
});
