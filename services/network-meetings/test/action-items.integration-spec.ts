import {
  ACTION_ITEM_ASSIGNED_V1,
  ACTION_ITEM_COMPLETED_V1,
  ACTION_ITEM_OVERDUE_V1,
  MEETING_COMMANDS,
} from '@polku/contracts';
import { POLKU_SYSTEM_ORG_ID } from '@polku/auth';
import { finnishDateOf, startOfFinnishDay, TimerScheduler } from '@polku/timers';
import { rungDate } from '../src/action-items/action-item-rules';
import { EscalationPoller } from '../src/action-items/escalation-poller';
import { ACTION_ITEM_OVERDUE } from '../src/action-items/escalation-timers';
import { daysFromToday } from './support/meeting-bodies';
import {
  outboxEvents,
  startMeetingsService,
  type MeetingsService,
} from './support/meetings-service';
import { seedPath, type SeededPath } from './support/seeded-path';

interface ActionItemAnswer {
  actionItemId: string;
  state: string;
  escalationLevel: string | null;
  dueDate: string;
}

interface TimerRow {
  key: string;
  status: string;
  due_at: Date;
}

describe('agreed next steps (action items)', () => {
  let service: MeetingsService;

  beforeAll(async () => {
    service = await startMeetingsService({ ACTION_ITEM_ESCALATION_BUSINESS_DAYS: '3' });
  });

  afterAll(async () => {
    await service.close();
  });

  const fireDue = () => service.app.get(EscalationPoller).poller.fireDue();

  async function assign(path: SeededPath, dueDate = finnishDateOf(new Date())) {
    return service.ask<ActionItemAnswer>(MEETING_COMMANDS.assignActionItem, path.provider, {
      pathId: path.pathId,
      body: {
        description: 'Call the work trial host',
        ownerOrgId: path.provider.orgId,
        ownerWorkerId: 'worker-1',
        dueDate,
      },
    });
  }

  const complete = (path: SeededPath, actionItemId: string, as = path.provider) =>
    service.ask<ActionItemAnswer>(MEETING_COMMANDS.completeActionItem, as, {
      pathId: path.pathId,
      id: actionItemId,
      expectedVersion: 1,
      body: {},
    });

  async function timersOf(actionItemId: string): Promise<TimerRow[]> {
    return service.dataSource.query<TimerRow[]>(
      `SELECT key, status, due_at FROM timer WHERE key LIKE $1 ORDER BY created_at, key`,
      [`%:${actionItemId}:%`],
    );
  }

  /** Brings the item's live rung to now instead of waiting for it, then runs the poller once. */
  async function reachNextRung(actionItemId: string): Promise<void> {
    await service.dataSource.query(
      `UPDATE timer SET due_at = now() - interval '1 second'
        WHERE key LIKE $1 AND status = 'SCHEDULED'`,
      [`%:${actionItemId}:%`],
    );
    await fireDue();
  }

  const overdueLevels = async (path: SeededPath) =>
    (
      await outboxEvents<{ level: string }>(
        service.dataSource,
        ACTION_ITEM_OVERDUE_V1.subject,
        path.pathId,
      )
    ).map((event) => event.data.level);

  it('should write ActionItemAssigned and set the worker’s rung for the day after the due date when a step is assigned', async () => {
    const path = await seedPath(service.dataSource);
    const dueDate = daysFromToday(10);

    const item = await assign(path, dueDate);

    expect(item).toMatchObject({ state: 'ASSIGNED', escalationLevel: null, dueDate });
    const [assigned] = await outboxEvents(
      service.dataSource,
      ACTION_ITEM_ASSIGNED_V1.subject,
      path.pathId,
    );
    expect(assigned.data).toEqual({
      actionItemId: item.actionItemId,
      description: 'Call the work trial host',
      ownerOrgId: path.provider.orgId,
      ownerWorkerId: 'worker-1',
      dueDate,
    });
    expect(await timersOf(item.actionItemId)).toEqual([
      {
        key: `action-item-overdue:${item.actionItemId}:WORKER`,
        status: 'SCHEDULED',
        due_at: startOfFinnishDay(rungDate(dueDate, 'WORKER', 3)),
      },
    ]);
  });

  it('should escalate worker, team lead and manager exactly once each when an overdue item is never completed', async () => {
    const path = await seedPath(service.dataSource);
    const today = finnishDateOf(new Date());
    const item = await assign(path, today);

    await reachNextRung(item.actionItemId);
    await fireDue();
    expect(await overdueLevels(path)).toEqual(['WORKER']);
    expect((await timersOf(item.actionItemId)).at(-1)).toEqual({
      key: `action-item-overdue:${item.actionItemId}:TEAM_LEAD`,
      status: 'SCHEDULED',
      due_at: startOfFinnishDay(rungDate(today, 'TEAM_LEAD', 3)),
    });

    await reachNextRung(item.actionItemId);
    await reachNextRung(item.actionItemId);
    await reachNextRung(item.actionItemId);

    expect(await overdueLevels(path)).toEqual(['WORKER', 'TEAM_LEAD', 'MANAGER']);
    expect((await timersOf(item.actionItemId)).map((timer) => timer.status)).toEqual([
      'FIRED',
      'FIRED',
      'FIRED',
    ]);
    const [worker] = await outboxEvents(
      service.dataSource,
      ACTION_ITEM_OVERDUE_V1.subject,
      path.pathId,
    );
    expect(worker).toMatchObject({
      emitter: { orgId: POLKU_SYSTEM_ORG_ID, orgRole: 'SYSTEM' },
      data: {
        actionItemId: item.actionItemId,
        dueDate: today,
        level: 'WORKER',
        ownerOrgId: path.provider.orgId,
        ownerWorkerId: 'worker-1',
      },
    });
    const listed = await service.ask<{ items: ActionItemAnswer[] }>(
      MEETING_COMMANDS.listActionItems,
      path.provider,
      { pathId: path.pathId, limit: 10 },
    );
    expect(listed.items).toEqual([
      expect.objectContaining({ actionItemId: item.actionItemId, escalationLevel: 'MANAGER' }),
    ]);
  });

  it('should write nothing when a rung already climbed fires again', async () => {
    const path = await seedPath(service.dataSource);
    const today = finnishDateOf(new Date());
    const item = await assign(path, today);
    await reachNextRung(item.actionItemId);

    // A second live timer for the worker's rung, as a replayed or duplicated schedule would make.
    await service.dataSource.transaction((em) =>
      service.app.get(TimerScheduler).schedule(em, {
        kind: ACTION_ITEM_OVERDUE,
        key: `action-item-overdue:${item.actionItemId}:WORKER`,
        dueAt: new Date(Date.now() - 1_000),
        payload: {
          actionItemId: item.actionItemId,
          pathId: path.pathId,
          dueDate: today,
          level: 'WORKER',
        },
      }),
    );
    await fireDue();

    expect(await overdueLevels(path)).toEqual(['WORKER']);
  });

  it('should cancel every rung and escalate nothing when the item is completed before its due date', async () => {
    const path = await seedPath(service.dataSource);
    const item = await assign(path);

    const done = await complete(path, item.actionItemId);
    await reachNextRung(item.actionItemId);

    expect(done.state).toBe('COMPLETED');
    expect(await overdueLevels(path)).toEqual([]);
    expect((await timersOf(item.actionItemId)).map((timer) => timer.status)).toEqual(['CANCELLED']);
    const [completed] = await outboxEvents(
      service.dataSource,
      ACTION_ITEM_COMPLETED_V1.subject,
      path.pathId,
    );
    expect(completed.data).toMatchObject({ actionItemId: item.actionItemId });
  });

  it('should stop at the rung reached when the item is completed after the worker’s rung', async () => {
    const path = await seedPath(service.dataSource);
    const item = await assign(path);
    await reachNextRung(item.actionItemId);

    await complete(path, item.actionItemId);
    await reachNextRung(item.actionItemId);

    expect(await overdueLevels(path)).toEqual(['WORKER']);
    expect((await timersOf(item.actionItemId)).map((timer) => timer.status)).toEqual([
      'FIRED',
      'CANCELLED',
    ]);
  });

  it('should refuse another organisation with 403 and a second completion with 409 when completing', async () => {
    const path = await seedPath(service.dataSource);
    const item = await assign(path);
    const request = { pathId: path.pathId, id: item.actionItemId, expectedVersion: 1, body: {} };

    const other = await service.askError(
      MEETING_COMMANDS.completeActionItem,
      path.employmentAuthority,
      request,
    );
    await complete(path, item.actionItemId);
    const again = await service.askError(MEETING_COMMANDS.completeActionItem, path.provider, {
      ...request,
      expectedVersion: 2,
    });

    expect([other.code, again.code]).toEqual(['FORBIDDEN', 'CONFLICT']);
    expect(
      await outboxEvents(service.dataSource, ACTION_ITEM_COMPLETED_V1.subject, path.pathId),
    ).toHaveLength(1);
  });

  it('should list ASSIGNED, OVERDUE and COMPLETED soonest due first when the path has several', async () => {
    const path = await seedPath(service.dataSource);
    const late = await assign(path, daysFromToday(1));
    const open = await assign(path, daysFromToday(5));
    const done = await assign(path, daysFromToday(9));
    await complete(path, done.actionItemId);
    // Its due date passed: moved back in the table instead of waiting for it.
    await service.dataSource.query(`UPDATE action_item SET due_date = due_date - 3 WHERE id = $1`, [
      late.actionItemId,
    ]);

    const first = await service.ask<{ items: ActionItemAnswer[]; nextCursor: string | null }>(
      MEETING_COMMANDS.listActionItems,
      path.provider,
      { pathId: path.pathId, limit: 2 },
    );
    const second = await service.ask<{ items: ActionItemAnswer[]; nextCursor: string | null }>(
      MEETING_COMMANDS.listActionItems,
      path.provider,
      { pathId: path.pathId, limit: 2, cursor: first.nextCursor },
    );

    expect(
      [...first.items, ...second.items].map((item) => [item.actionItemId, item.state]),
    ).toEqual([
      [late.actionItemId, 'OVERDUE'],
      [open.actionItemId, 'ASSIGNED'],
      [done.actionItemId, 'COMPLETED'],
    ]);
    const outsider = await service.askError(MEETING_COMMANDS.listActionItems, path.outsider, {
      pathId: path.pathId,
      limit: 2,
    });
    expect(outsider.code).toBe('NOT_FOUND');
  });

  it('should refuse a due date in the past when a step is assigned', async () => {
    const path = await seedPath(service.dataSource);

    const error = await service.askError(MEETING_COMMANDS.assignActionItem, path.provider, {
      pathId: path.pathId,
      body: {
        description: 'Too late',
        ownerOrgId: path.provider.orgId,
        ownerWorkerId: 'worker-1',
        dueDate: daysFromToday(-1),
      },
    });

    expect(error.code).toBe('VALIDATION_FAILED');
  });
});
