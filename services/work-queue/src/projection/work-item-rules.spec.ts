import type { ClearItem, OpenItem } from './work-item-ops';
import { decideClear, decideOpening, isBefore } from './work-item-rules';

const open = (over: Partial<OpenItem> = {}): OpenItem => ({
  op: 'open',
  key: 'FOLLOW_UP:f1',
  kind: 'FOLLOW_UP',
  signal: 'FollowUpDue',
  subjectId: 'f1',
  lost: false,
  recipientKind: 'PATH_WORKER',
  recipientOrgId: 'org-1',
  latestWins: false,
  eventId: 'e-open',
  occurredAt: '2026-03-01T08:00:00.000Z',
  pathId: 'p1',
  dueDate: '2026-03-01',
  ...over,
});

const clear = (over: Partial<ClearItem> = {}): ClearItem => ({
  op: 'clear',
  key: 'FOLLOW_UP:f1',
  kind: 'FOLLOW_UP',
  openingSignal: 'FollowUpDue',
  subjectId: 'f1',
  eventId: 'e-clear',
  occurredAt: '2026-03-02T08:00:00.000Z',
  pathId: 'p1',
  ...over,
});

describe('work item rules', () => {
  it('should give the same row whether the opening or the clear arrives first', () => {
    const openFirst = decideClear(decideOpening(undefined, open()), clear());
    const clearFirst = decideOpening(decideClear(undefined, clear()), open());

    expect(clearFirst).toEqual(openFirst);
    expect(clearFirst).toMatchObject({ clearedEventId: 'e-clear', openedEventId: 'e-open' });
  });

  it('should keep a clear that came first as a tombstone with no recipient', () => {
    expect(decideClear(undefined, clear())).toMatchObject({
      signal: 'FollowUpDue',
      recipientKind: null,
      openedAt: null,
      clearedEventId: 'e-clear',
    });
  });

  it('should keep the earliest of two clears, whatever their order', () => {
    const early = clear({ eventId: 'e-early', occurredAt: '2026-03-01T09:00:00.000Z' });
    const late = clear({ eventId: 'e-late', occurredAt: '2026-03-03T09:00:00.000Z' });

    expect(decideClear(decideClear(undefined, late), early).clearedEventId).toBe('e-early');
    expect(decideClear(decideClear(undefined, early), late).clearedEventId).toBe('e-early');
  });

  it('should keep the first opening, but the latest reminder, whatever their order', () => {
    const first = open({
      eventId: 'e1',
      occurredAt: '2026-03-01T00:00:00.000Z',
      dueDate: '2026-04-01',
    });
    const second = open({
      eventId: 'e2',
      occurredAt: '2026-03-05T00:00:00.000Z',
      dueDate: '2026-04-02',
    });

    expect(decideOpening(decideOpening(undefined, second), first).openedEventId).toBe('e1');
    const reminders = [first, second].map((o) => ({ ...o, latestWins: true }));
    const inOrder = decideOpening(decideOpening(undefined, reminders[0]), reminders[1]);
    const reversed = decideOpening(decideOpening(undefined, reminders[1]), reminders[0]);
    expect(inOrder).toEqual(reversed);
    expect(inOrder).toMatchObject({ openedEventId: 'e2', dueDate: '2026-04-02' });
  });

  it('should land an escalation cleared when the item under it is already cleared', () => {
    const underlying = decideClear(undefined, clear());
    const escalation = decideOpening(
      undefined,
      open({
        key: 'ESCALATION:f1:MANAGER:org-1',
        kind: 'ESCALATION',
        underlyingKey: 'FOLLOW_UP:f1',
      }),
      underlying,
    );

    expect(escalation).toMatchObject({ clearedEventId: 'e-clear', underlyingKey: 'FOLLOW_UP:f1' });
  });

  it('should order moments by time, then by event id', () => {
    const at = '2026-03-01T00:00:00.000Z';
    expect(isBefore({ at, eventId: 'a' }, { at, eventId: 'b' })).toBe(true);
    expect(isBefore({ at, eventId: 'b' }, { at, eventId: 'a' })).toBe(false);
    expect(isBefore({ at: '2026-02-28T23:59:59.999Z', eventId: 'z' }, { at, eventId: 'a' })).toBe(
      true,
    );
  });
});
