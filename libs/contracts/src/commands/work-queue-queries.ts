import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsUUID,
} from 'class-validator';
import { IsActorId } from '../events/event-validators';
import type { EscalationLevel, NextStepKind } from '../events/transitions/next-step';
import { FieldDoc } from '../field-doc.decorator';

/**
 * What a work-queue item asks of its person (docs/work-queue.md, "What lands where"):
 * - PATH_STEP: an open path the worker is responsible for, with its next step and due date;
 * - REFERRAL_ANSWER / HANDOFF_ANSWER: a referral or hand-off waiting for this organisation's answer;
 * - FOLLOW_UP: a follow-up that is due; AGREED_STEP: an agreed next step of a network meeting;
 * - PLAN_REVIEW: an activation plan's review that is due; STATEMENT: a requested statement;
 * - MEASURE_ENDING: a measure's planned end is near; WAIT_EXCEEDED: a wait passed its threshold;
 * - ESCALATION: a late step escalated to this person as worker, team lead or manager.
 */
export const WORK_ITEM_KINDS = [
  'PATH_STEP',
  'REFERRAL_ANSWER',
  'HANDOFF_ANSWER',
  'FOLLOW_UP',
  'AGREED_STEP',
  'PLAN_REVIEW',
  'STATEMENT',
  'MEASURE_ENDING',
  'WAIT_EXCEEDED',
  'ESCALATION',
] as const;

/** One of {@link WORK_ITEM_KINDS}. */
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

/**
 * Whose queue is read: MINE (the caller's own items and their organisation's unassigned ones),
 * TEAM (a team lead: every item of the organisation's workers and the team lead's escalations),
 * ORGANISATION (a manager: the organisation's escalations to managers and its lost paths).
 */
export const WORK_QUEUE_SCOPES = ['MINE', 'TEAM', 'ORGANISATION'] as const;

/** One of {@link WORK_QUEUE_SCOPES}. */
export type WorkQueueScope = (typeof WORK_QUEUE_SCOPES)[number];

/** Who an item is addressed to: an organisation, and within it a named worker or a role. */
export interface WorkItemRecipient {
  readonly orgId: string;
  /** The named worker; absent for an item of the whole organisation or of a role. */
  readonly workerId?: string;
  /** TEAM_LEAD or MANAGER for an escalation to that rung; absent otherwise. */
  readonly role?: 'TEAM_LEAD' | 'MANAGER';
}

/**
 * One item of a work queue. Pseudonymous ids, kinds and dates only: never a name, an identity
 * code or free text, so the queue (and a digest built from it) carries no client data.
 */
export interface WorkItemView {
  readonly itemId: string;
  readonly kind: WorkItemKind;
  /** The path it belongs to: the link target (GET /api/v1/paths/{pathId}). */
  readonly pathId: string;
  /** The event type that put the item here, e.g. `HandoffEscalated`. */
  readonly signal: string;
  /** The id of what is to be acted on: the referral, hand-off, follow-up, action item, … */
  readonly subjectId?: string;
  /** For PATH_STEP and an escalated next step: the step's kind. */
  readonly nextStep?: NextStepKind;
  /** The rung reached, for an escalation or an escalated path step. */
  readonly level?: EscalationLevel;
  /** YYYY-MM-DD; absent when the item has no date. */
  readonly dueDate?: string;
  /** The due date is before today (Europe/Helsinki). */
  readonly overdue: boolean;
  /** The path counts as lost (docs/transitions.md, lost paths) while this item is open. */
  readonly lost: boolean;
  readonly recipient: WorkItemRecipient;
  /** When the item landed (ISO-8601 UTC). */
  readonly openedAt: string;
  /** The caller has not marked it read since it landed. */
  readonly unread: boolean;
}

/** The counts of a queue under its filters, over all pages. */
export interface WorkQueueCounts {
  readonly total: number;
  readonly overdue: number;
  readonly unread: number;
  readonly byKind: Readonly<Record<WorkItemKind, number>>;
}

/** What `WORK_QUEUE_COMMANDS.listWorkQueue` answers: overdue first, then by due date. */
export interface WorkQueuePage {
  readonly items: readonly WorkItemView[];
  readonly nextCursor: string | null;
  readonly counts: WorkQueueCounts;
}

/**
 * The filters of `WORK_QUEUE_COMMANDS.listWorkQueue` (GET /api/v1/work-queue), sent beside
 * `limit` and `cursor`: every given filter must hold.
 */
export class ListWorkQueueQuery {
  @FieldDoc(
    'Whose queue: MINE (the default for caseworkers), TEAM (team leads), ORGANISATION (managers).',
  )
  @IsOptional()
  @IsIn(WORK_QUEUE_SCOPES)
  readonly scope?: WorkQueueScope;

  @FieldDoc('Only items of these kinds; every kind when absent.')
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(WORK_ITEM_KINDS.length)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsIn(WORK_ITEM_KINDS, {
    each: true,
    message: '$property must contain only the following values: $constraint1',
  })
  readonly kind?: WorkItemKind[];

  @FieldDoc('Only overdue items (true) or only items not overdue (false).')
  @IsOptional()
  @IsBoolean()
  readonly overdue?: boolean;

  @FieldDoc('Only unread items (true) or only read ones (false).')
  @IsOptional()
  @IsBoolean()
  readonly unread?: boolean;

  @FieldDoc('Only items of lost paths (true) or of paths not lost (false).')
  @IsOptional()
  @IsBoolean()
  readonly lost?: boolean;

  @FieldDoc('Only items of this path.')
  @IsOptional()
  @IsUUID()
  readonly pathId?: string;

  @FieldDoc('TEAM scope only: only the items of this worker of the organisation.')
  @IsOptional()
  @IsActorId()
  readonly workerId?: string;
}

/** The most items one `markItemsRead` marks. */
export const MAX_ITEMS_MARKED_READ = 100;

/** POST /api/v1/work-queue/read (`WORK_QUEUE_COMMANDS.markItemsRead`). */
export class MarkItemsReadCommand {
  @FieldDoc('The items the caller has read; items the caller cannot see are refused (404).')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ITEMS_MARKED_READ)
  @ArrayUnique({ message: '$property must not contain duplicates' })
  @IsUUID('all', { each: true, message: '$property must contain only UUIDs' })
  readonly itemIds!: string[];
}
