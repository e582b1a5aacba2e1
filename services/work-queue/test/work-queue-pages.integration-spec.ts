import { randomUUID } from 'node:crypto';
import {
  WORK_QUEUE_COMMANDS,
  type CaseloadPathView,
  type WorkItemView,
  type WorkQueuePage,
} from '@polku/contracts';
import { testOrg, TestPath, daysFromNow, type TestOrg } from './support/queue-world';
import {
  readAll,
  startWorkQueueService,
  type WorkQueueService,
} from './support/work-queue-service';

/** Pages, counts, filters, read markers and who may read what, through the real service. */
describe('reading the work queue', () => {
  let service: WorkQueueService;
  let org: TestOrg;
  let other: TestOrg;
  const due = [-3, -1, 0, 2, 5, 9, 14];
  beforeAll(async () => {
    service = await startWorkQueueService();
    org = testOrg();
    other = testOrg('EMPLOYMENT_AUTHORITY');
    // Seven paths of the worker, two of them overdue, and one referral of the organisation.
    const paths = due.map(() => new TestPath(org));
    await service.deliver(
      paths.map((path, i) => path.step(1, org, 'PLAN_NEXT_STEP', daysFromNow(due[i]))),
    );
    const referral = new TestPath(other);
    await service.deliver([
      referral.event(
        'polku.intake.referral.client-referred.v1',
        { referralId: randomUUID(), fromOrgId: other.orgId, toOrgId: org.orgId },
        other,
      ),
    ]);
  });
  afterAll(async () => {
    await service?.close();
  });

  const list = (principal = org.worker, query: Record<string, unknown> = {}) =>
    service.ask<WorkQueuePage>(WORK_QUEUE_COMMANDS.listWorkQueue, principal, {
      limit: 100,
      ...query,
    });

  it('should page overdue first, then by due date, no date last, without duplicates or skips', async () => {
    const whole = (await list()).items;
    const { items, pages } = await readAll<WorkItemView>(
      service,
      WORK_QUEUE_COMMANDS.listWorkQueue,
      org.worker,
      {},
      3,
    );

    expect(pages).toBe(3);
    expect(items.map((item) => item.itemId)).toEqual(whole.map((item) => item.itemId));
    expect(new Set(items.map((item) => item.itemId)).size).toBe(8);
    expect(items.map((item) => item.overdue)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(items.at(-1)).toMatchObject({
      kind: 'REFERRAL_ANSWER',
      recipient: { orgId: org.orgId },
    });
    expect(items.at(-1)).not.toHaveProperty('dueDate');
  });

  it('should count over all pages under the same filters', async () => {
    const page = await list(org.worker, { limit: 2 });

    expect(page.items).toHaveLength(2);
    expect(page.counts).toMatchObject({ total: 8, overdue: 2, unread: 8 });
    expect(page.counts.byKind).toMatchObject({ PATH_STEP: 7, REFERRAL_ANSWER: 1, ESCALATION: 0 });
    const overdue = await list(org.worker, { overdue: true, limit: 1 });
    expect(overdue.counts).toMatchObject({ total: 2, overdue: 2 });
    const referrals = await list(org.worker, { kind: ['REFERRAL_ANSWER'] });
    expect(referrals.items.map((item) => item.kind)).toEqual(['REFERRAL_ANSWER']);
    expect(referrals.counts.byKind.PATH_STEP).toBe(0);
  });

  it('should mark items read for the reader only, and refuse items the reader cannot see', async () => {
    const [first, second] = (await list(org.worker)).items;
    await service.ask(WORK_QUEUE_COMMANDS.markItemsRead, org.worker, { itemIds: [first.itemId] });

    const unread = await list(org.worker, { unread: true });
    expect(unread.items.map((item) => item.itemId)).not.toContain(first.itemId);
    expect(unread.items.map((item) => item.itemId)).toContain(second.itemId);
    expect((await list(org.worker, { unread: false })).items.map((item) => item.itemId)).toEqual([
      first.itemId,
    ]);
    // The team lead has not read it.
    const team = await list(org.lead, { scope: 'TEAM', unread: false });
    expect(team.items).toEqual([]);

    for (const reader of [other.worker, org.otherWorker]) {
      expect(
        await service.askError(WORK_QUEUE_COMMANDS.markItemsRead, reader, {
          itemIds: [second.itemId],
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(
      await service.askError(WORK_QUEUE_COMMANDS.markItemsRead, org.worker, {
        itemIds: [second.itemId, randomUUID()],
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect((await list(org.worker, { unread: true })).items.map((item) => item.itemId)).toContain(
      second.itemId,
    );
  });

  it('should show a team lead the team by worker, and only their own organisation', async () => {
    const team = await list(org.lead, { scope: 'TEAM' });
    expect(team.counts.total).toBe(8);
    const byWorker = await list(org.lead, { scope: 'TEAM', workerId: org.worker.userId });
    expect(byWorker.counts.total).toBe(7);
    expect(
      (await list(org.lead, { scope: 'TEAM', workerId: org.otherWorker.userId })).counts.total,
    ).toBe(0);
    expect((await list(other.lead, { scope: 'TEAM' })).counts.total).toBe(0);
    expect((await list(org.otherWorker)).counts.total).toBe(1);
  });

  it.each([
    ['a caseworker asking for the team queue', 'worker', { scope: 'TEAM' }, 'FORBIDDEN'],
    [
      'a caseworker asking for the organisation queue',
      'worker',
      { scope: 'ORGANISATION' },
      'FORBIDDEN',
    ],
    [
      'a team lead asking for the organisation queue',
      'lead',
      { scope: 'ORGANISATION' },
      'FORBIDDEN',
    ],
    ['a manager asking for the team queue', 'manager', { scope: 'TEAM' }, 'FORBIDDEN'],
    ['a worker filter on one’s own queue', 'worker', { workerId: 'someone' }, 'VALIDATION_FAILED'],
    ['an unknown kind', 'worker', { kind: ['NOPE'] }, 'VALIDATION_FAILED'],
    ['an organisation in the query', 'worker', { orgId: randomUUID() }, 'VALIDATION_FAILED'],
    ['a cursor of another list', 'worker', { cursor: 'eyJ2IjoxfQ' }, 'INVALID_CURSOR'],
  ])('should refuse %s', async (_name, who, query, code) => {
    const principal = org[who as 'worker' | 'lead' | 'manager'];
    expect(
      await service.askError(WORK_QUEUE_COMMANDS.listWorkQueue, principal, { limit: 10, ...query }),
    ).toMatchObject({ code });
  });

  it('should list the caseload of a worker and of the organisation, and one path of it only', async () => {
    const mine = await readAll<CaseloadPathView>(
      service,
      WORK_QUEUE_COMMANDS.listCaseload,
      org.worker,
      {},
      4,
    );
    expect(mine.items).toHaveLength(7);
    expect(mine.items.filter((path) => path.overdue)).toHaveLength(2);
    expect(mine.items[0]).toMatchObject({
      state: 'IN_MEASURE',
      nextStep: 'PLAN_NEXT_STEP',
      organisationsCount: 1,
    });
    const organisation = await readAll<CaseloadPathView>(
      service,
      WORK_QUEUE_COMMANDS.listCaseload,
      org.manager,
      {
        scope: 'ORGANISATION',
        overdue: true,
      },
    );
    expect(organisation.items).toHaveLength(2);
    expect(
      await service.ask(WORK_QUEUE_COMMANDS.getCaseloadPath, org.worker, {
        pathId: mine.items[0].pathId,
      }),
    ).toEqual(mine.items[0]);
    expect(
      await service.askError(WORK_QUEUE_COMMANDS.getCaseloadPath, other.worker, {
        pathId: mine.items[0].pathId,
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await service.askError(WORK_QUEUE_COMMANDS.listCaseload, org.worker, {
        limit: 10,
        scope: 'ORGANISATION',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });
});
