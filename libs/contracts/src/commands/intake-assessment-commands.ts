import { Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsIsoDate } from '../events/event-validators';
import {
  BASIC_NEED_ISSUE_KINDS,
  BASIC_NEED_RESOLUTIONS,
  type BasicNeedIssueKind,
  type BasicNeedResolution,
} from '../events/intake/basic-needs';
import { IntakeCompletedPayload } from '../events/intake/intake-completed.event';
import {
  PARALLEL_SERVICES,
  type ParallelService,
} from '../events/intake/parallel-service-referred.event';
import { FieldDoc } from '../field-doc.decorator';
import { OmitFields } from './omit-fields';

/** One open "basics" item of an intake: what it is, who owns getting it in order, by when. */
export class BasicNeedIssueInput {
  @FieldDoc('What is not in order, as a category.')
  @IsIn(BASIC_NEED_ISSUE_KINDS)
  kind!: BasicNeedIssueKind;

  @FieldDoc('The organisation that owns the action item.')
  @IsUUID()
  ownerOrgId!: string;

  @FieldDoc('When it should be in order.', { example: '2027-02-01' })
  @IsOptional()
  @IsIsoDate()
  dueDate?: string;
}

/**
 * POST /api/v1/paths/{pathId}/intake: the intake assessment in coded categories (no free text,
 * health as a flag only) and the basics checklist; every OPEN item needs at least one issue,
 * which becomes an owned action item. The service assigns the intake id.
 */
export class CompleteIntakeCommand extends OmitFields(IntakeCompletedPayload, ['intakeId']) {
  // Empty in the example: every OPEN checklist item needs an issue and every issue an OPEN item,
  // and the checklist's example values are all IN_ORDER.
  @FieldDoc('The open basics items, each to become an owned action item.', { example: [] })
  @ValidateNested({ each: true })
  @Type(() => BasicNeedIssueInput)
  @ArrayMaxSize(20)
  basicNeedIssues!: BasicNeedIssueInput[];
}

/** POST /api/v1/paths/{pathId}/parallel-services: a service alongside the measure. */
export class ReferParallelServiceCommand {
  @FieldDoc('The service the client is referred to alongside the measure.')
  @IsIn(PARALLEL_SERVICES)
  service!: ParallelService;

  @FieldDoc('The organisation that provides it, when it is in polku.')
  @IsOptional()
  @IsUUID()
  toOrgId?: string;
}

/** POST /api/v1/paths/{pathId}/action-items/{actionItemId}/resolution */
export class ResolveBasicNeedCommand {
  @FieldDoc('How the action item was resolved.')
  @IsIn(BASIC_NEED_RESOLUTIONS)
  resolution!: BasicNeedResolution;
}
