import type { ClearItem, OpenItem, RecipientKind } from './work-item-ops';

/** A row of work_item as the projection reads and writes it (dates as ISO strings). */
export interface WorkItemRow {
  readonly itemKey: string;
  readonly kind: string;
  readonly pathId: string;
  readonly signal: string;
  readonly subjectId: string | null;
  readonly underlyingKey: string | null;
  readonly nextStep: string | null;
  readonly level: string | null;
  readonly dueDate: string | null;
  readonly lost: boolean;
  readonly recipientOrgId: string | null;
  readonly recipientKind: RecipientKind | null;
  readonly recipientWorkerId: string | null;
  readonly openedAt: string | null;
  readonly openedEventId: string | null;
  readonly clearedAt: string | null;
  readonly clearedEventId: string | null;
}

/** When and by which event something happened: the earlier of two, ties broken by event id. */
interface Moment {
  readonly at: string;
  readonly eventId: string;
}

/** Whether `a` happened before `b` (ISO-8601 UTC instants compare as text; ties by event id). */
export function isBefore(a: Moment, b: Moment): boolean {
  const at = Date.parse(a.at) - Date.parse(b.at);
  return at < 0 || (at === 0 && a.eventId < b.eventId);
}

/** The clear a row carries, if any. */
function clearOf(row: WorkItemRow | undefined): Moment | undefined {
  return row?.clearedAt && row.clearedEventId
    ? { at: row.clearedAt, eventId: row.clearedEventId }
    : undefined;
}

/** The earlier of two clears: what clears an item first stays its clear, whatever arrives last. */
function earlierClear(a: Moment | undefined, b: Moment | undefined): Moment | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return isBefore(b, a) ? b : a;
}

/**
 * The row after an opening event. A first opening fills in the item (or the tombstone of a clear
 * that came first, which stays cleared); another opening of the same item replaces it only when
 * it is the one that counts — the latest of a reminder (`latestWins`, unread again), else the
 * first — so the result does not depend on the order of arrival. An item whose underlying item
 * is cleared (an escalation of an answered hand-off) lands cleared.
 */
export function decideOpening(
  existing: WorkItemRow | undefined,
  open: OpenItem,
  underlying?: WorkItemRow,
): WorkItemRow {
  const opening: Moment = { at: open.occurredAt, eventId: open.eventId };
  const current: Moment | undefined =
    existing?.openedAt && existing.openedEventId
      ? { at: existing.openedAt, eventId: existing.openedEventId }
      : undefined;
  const takes =
    current === undefined ||
    (open.latestWins ? isBefore(current, opening) : isBefore(opening, current));
  const cleared = earlierClear(clearOf(existing), clearOf(underlying));
  const base: WorkItemRow =
    existing !== undefined && !takes
      ? existing
      : {
          itemKey: open.key,
          kind: open.kind,
          pathId: open.pathId,
          signal: open.signal,
          subjectId: open.subjectId,
          underlyingKey: open.underlyingKey ?? null,
          nextStep: open.nextStep ?? null,
          level: open.level ?? null,
          dueDate: open.dueDate ?? null,
          lost: open.lost,
          recipientOrgId: open.recipientOrgId ?? null,
          recipientKind: open.recipientKind,
          recipientWorkerId: open.recipientWorkerId ?? null,
          openedAt: open.occurredAt,
          openedEventId: open.eventId,
          clearedAt: null,
          clearedEventId: null,
        };
  return { ...base, clearedAt: cleared?.at ?? null, clearedEventId: cleared?.eventId ?? null };
}

/**
 * The row after a clearing event: the item leaves every queue. One that has not arrived yet
 * becomes a tombstone (no recipient, never shown) that its opening fills in without reopening.
 * Of several clears the earliest stays.
 */
export function decideClear(existing: WorkItemRow | undefined, clear: ClearItem): WorkItemRow {
  const cleared = earlierClear(clearOf(existing), { at: clear.occurredAt, eventId: clear.eventId });
  const base: WorkItemRow = existing ?? {
    itemKey: clear.key,
    kind: clear.kind,
    pathId: clear.pathId,
    signal: clear.openingSignal,
    subjectId: clear.subjectId,
    underlyingKey: null,
    nextStep: null,
    level: null,
    dueDate: null,
    lost: false,
    recipientOrgId: null,
    recipientKind: null,
    recipientWorkerId: null,
    openedAt: null,
    openedEventId: null,
    clearedAt: null,
    clearedEventId: null,
  };
  return { ...base, clearedAt: cleared?.at ?? null, clearedEventId: cleared?.eventId ?? null };
}
