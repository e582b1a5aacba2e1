import type { WorkItemKind } from '@polku/contracts';

/**
 * Who an item is addressed to (docs/work-queue.md): a named worker; the path's current named
 * worker (resolved from the path's card when the queue is read); any caseworker of the
 * organisation; or a role of it.
 */
export type RecipientKind = 'WORKER' | 'PATH_WORKER' | 'ORGANISATION' | 'TEAM_LEAD' | 'MANAGER';

/** The facts of the event an operation comes from. */
export interface EventFacts {
  readonly eventId: string;
  /** ISO-8601 UTC, as in the envelope: what the item's dates are made of, so replay equals live. */
  readonly occurredAt: string;
  readonly pathId: string;
}

/** An event puts an item on someone's queue (or fills in the tombstone of its clear). */
export interface OpenItem extends EventFacts {
  readonly op: 'open';
  readonly key: string;
  readonly kind: WorkItemKind;
  readonly signal: string;
  readonly subjectId: string;
  /** The item whose clearing clears this one too (an escalation's answer, completion, …). */
  readonly underlyingKey?: string;
  readonly nextStep?: string;
  readonly level?: string;
  readonly dueDate?: string;
  readonly lost: boolean;
  readonly recipientKind: RecipientKind;
  /** Absent: the path's accountable organisation, read from its card. */
  readonly recipientOrgId?: string;
  readonly recipientWorkerId?: string;
  /** A reminder: the latest opening wins and makes the item unread again; else the first. */
  readonly latestWins: boolean;
}

/** An event acts on an item: it leaves every queue (a tombstone when it comes first). */
export interface ClearItem extends EventFacts {
  readonly op: 'clear';
  readonly key: string;
  readonly kind: WorkItemKind;
  /** The event type that opens such an item, kept on a tombstone until it arrives. */
  readonly openingSignal: string;
  readonly subjectId: string;
}

/** What one event does to work items. */
export type WorkItemOp = OpenItem | ClearItem;

/** `<KIND>:<subject>[:<level>][:<orgId>]`: one item per thing, rung and organisation. */
export function itemKey(
  kind: WorkItemKind,
  subject: string,
  level?: string,
  orgId?: string,
): string {
  return [kind, subject, level, orgId].filter((part) => part !== undefined).join(':');
}
