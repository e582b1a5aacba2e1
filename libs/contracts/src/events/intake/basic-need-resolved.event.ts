import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { BASIC_NEED_RESOLUTIONS, type BasicNeedResolution } from './basic-needs';

/** Payload of BasicNeedResolved v1: a flagged basic matter is closed, with how. */
export class BasicNeedResolvedPayload {
  @FieldDoc('The issue, as in BasicNeedIssueFlagged.')
  @IsUUID()
  readonly issueId!: string;

  @FieldDoc('The action item that tracked the issue, as in BasicNeedIssueFlagged; it is done.')
  @IsUUID()
  readonly actionItemId!: string;

  @FieldDoc('How the issue was resolved, as a category.')
  @IsIn(BASIC_NEED_RESOLUTIONS)
  readonly resolution!: BasicNeedResolution;
}

/** A client worker records that a basic matter is resolved (docs/domain.md §10.2 S1). */
export const BASIC_NEED_RESOLVED_V1 = defineEvent({
  subject: 'polku.intake.basic-need.basic-need-resolved.v1',
  type: 'BasicNeedResolved',
  version: 1,
  // The same class as BasicNeedIssueFlagged: whoever sees an issue sees how it ended.
  dataClass: 'HEALTH_FLAG',
  payloadClass: BasicNeedResolvedPayload,
  summary: 'A flagged basic matter of the client was resolved and its action item is done.',
  emittedBy:
    'The client worker or the owner organisation of the action item, through client-intake.',
});
