import { newEvent } from '@polku/testing';
import { decideWorkItems } from './decide-work-items';

describe('decideWorkItems', () => {
  it('should open a referral answer for the whole receiving organisation, keyed by the referral', () => {
    const event = newEvent('polku.intake.referral.client-referred.v1');
    const [op] = decideWorkItems(event);

    expect(op).toMatchObject({
      op: 'open',
      key: `REFERRAL_ANSWER:${event.data.referralId}`,
      recipientKind: 'ORGANISATION',
      recipientOrgId: event.data.toOrgId,
      pathId: event.pathId,
      eventId: event.id,
      occurredAt: event.occurredAt,
      lost: false,
    });
  });

  it.each([
    ['polku.intake.referral.referral-linked.v1', 'REFERRAL_ANSWER', 'referralId'],
    ['polku.transitions.handoff.handoff-completed.v1', 'HANDOFF_ANSWER', 'handoffId'],
    ['polku.transitions.follow-up.follow-up-completed.v1', 'FOLLOW_UP', 'followUpId'],
    ['polku.meetings.action-item.action-item-completed.v1', 'AGREED_STEP', 'actionItemId'],
    ['polku.plans.statement.statement-issued.v1', 'STATEMENT', 'statementId'],
    ['polku.plans.measure.measure-ended.v1', 'MEASURE_ENDING', 'measureId'],
    ['polku.transitions.wait.waiting-ended.v1', 'WAIT_EXCEEDED', 'waitId'],
  ] as const)('should clear by %s the item %s it acts on', (subject, kind, field) => {
    const event = newEvent(subject);
    const id = (event.data as unknown as Record<string, string>)[field];

    expect(decideWorkItems(event)).toEqual([
      expect.objectContaining({ op: 'clear', key: `${kind}:${id}`, kind, subjectId: id }),
    ]);
  });

  it('should address a hand-off escalation per rung and organisation, cleared with the answer', () => {
    const worker = newEvent('polku.transitions.handoff.handoff-escalated.v1', {
      data: { level: 'WORKER' },
    });
    const manager = newEvent('polku.transitions.handoff.handoff-escalated.v1', {
      data: { level: 'MANAGER', handoffId: worker.data.handoffId },
    });
    const [first] = decideWorkItems(worker);
    const [second] = decideWorkItems(manager);

    expect(first).toMatchObject({
      recipientKind: 'PATH_WORKER',
      recipientOrgId: worker.data.escalatedToOrgId,
      underlyingKey: `HANDOFF_ANSWER:${worker.data.handoffId}`,
      lost: false,
    });
    expect(second).toMatchObject({ recipientKind: 'MANAGER', lost: true });
    expect(first.key).not.toEqual(second.key);
  });

  it('should give a late agreed step at the worker rung to its named owner', () => {
    const event = newEvent('polku.meetings.action-item.action-item-overdue.v1', {
      data: { level: 'WORKER' },
    });

    expect(decideWorkItems(event)[0]).toMatchObject({
      recipientKind: 'WORKER',
      recipientWorkerId: event.data.ownerWorkerId,
      recipientOrgId: event.data.ownerOrgId,
    });
  });

  it('should make a missed follow-up a lost item of the owner’s manager', () => {
    const event = newEvent('polku.transitions.follow-up.follow-up-missed.v1');

    expect(decideWorkItems(event)[0]).toMatchObject({
      kind: 'ESCALATION',
      recipientKind: 'MANAGER',
      recipientOrgId: event.data.ownerOrgId,
      lost: true,
      underlyingKey: `FOLLOW_UP:${event.data.followUpId}`,
    });
  });

  it('should key a late next step by its path, kind and due date, so a later late step is another item', () => {
    const late = newEvent('polku.transitions.path.next-step-overdue.v1');
    const later = newEvent('polku.transitions.path.next-step-overdue.v1', {
      pathId: late.pathId,
      data: { dueDate: '2026-12-01' },
    });

    expect(decideWorkItems(late)[0].key).toContain(late.pathId);
    expect(decideWorkItems(late)[0].key).not.toEqual(decideWorkItems(later)[0].key);
  });

  it('should key a plan review by plan and due date, for the path’s accountable organisation', () => {
    const event = newEvent('polku.plans.plan.plan-review-due.v1');

    expect(decideWorkItems(event)[0]).toMatchObject({
      key: `PLAN_REVIEW:${event.data.planId}@${event.data.dueDate}`,
      recipientKind: 'PATH_WORKER',
      subjectId: event.data.planId,
    });
    expect(decideWorkItems(event)[0]).not.toHaveProperty('recipientOrgId');
  });

  it('should let the latest measure-ending reminder win', () => {
    expect(
      decideWorkItems(newEvent('polku.transitions.measure.measure-ending-soon.v1'))[0],
    ).toMatchObject({
      latestWins: true,
    });
  });

  it('should leave items alone for an event that neither opens nor clears one', () => {
    expect(decideWorkItems(newEvent('polku.plans.goal.goal-set.v1'))).toEqual([]);
    expect(decideWorkItems(newEvent('polku.transitions.path.next-step-set.v1'))).toEqual([]);
  });
});
