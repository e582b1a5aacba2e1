import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { defineEvent } from '../event-contract';
import { FieldDoc } from '../../field-doc.decorator';
import { IsIsoDate } from '../event-validators';
import { BASIC_NEED_ISSUE_KINDS, type BasicNeedIssueKind } from './basic-needs';

/** Payload of BasicNeedIssueFlagged v1: an open basic matter becomes an owned action item. */
export class BasicNeedIssueFlaggedPayload {
  @FieldDoc('The issue; BasicNeedResolved closes it with the same id.')
  @IsUUID()
  readonly issueId!: string;

  @FieldDoc(
    'What kind of basic matter is open, as a category; each kind but `OTHER` belongs to one item of the intake checklist.',
  )
  @IsIn(BASIC_NEED_ISSUE_KINDS)
  readonly kind!: BasicNeedIssueKind;

  @FieldDoc('The action item that tracks the issue on the path’s timeline.')
  @IsUUID()
  readonly actionItemId!: string;

  @FieldDoc(
    'The organisation responsible for the action item, e.g. social services for rent arrears.',
  )
  @IsUUID()
  readonly ownerOrgId!: string;

  @FieldDoc('When the action item is due; absent when no date is agreed yet.')
  @IsOptional()
  @IsIsoDate()
  readonly dueDate?: string;
}

/** A client worker flags an open basic matter (docs/domain.md §10.2 S1, §3.3). */
export const BASIC_NEED_ISSUE_FLAGGED_V1 = defineEvent({
  subject: 'polku.intake.basic-need.basic-need-issue-flagged.v1',
  type: 'BasicNeedIssueFlagged',
  version: 1,
  // TREATMENT_NOT_STARTED is a health flag: the kind alone can be special-category data.
  dataClass: 'HEALTH_FLAG',
  payloadClass: BasicNeedIssueFlaggedPayload,
  summary:
    'A basic matter of the client (housing, benefits, permits, debts, treatment) is open; it blocks nothing but becomes an action item with an owner organisation.',
  emittedBy: 'The client worker, through client-intake, at intake or later.',
});
