import type { Principal } from '@polku/auth';
import { ACTION_ITEM_ASSIGNED_V1, WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { seal } from './support/envelopes';
import { notifyTestConfig, startNotifyService, type NotifyService } from './support/notify-service';
import { daysFromNow, testOrg, TestPath, type TestOrg } from './support/queue-world';
import { weekOfPaths } from './support/scenario';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';
import { waitForConsumed } from './support/work-queue-service';
import { publishSealed, rebuildByReplay } from '@polku/testing';
import { WORK_QUEUE_PROJECTION } from './support/rebuild';

/**
 * The immediate digest tells each open item once per opening (item_notified), whenever its event
 * was projected (docs/work-queue.md, "When mail goes"). Time is driven by poll(now).
 */
describe('work-queue immediate mail: what is news', () => {
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
  });

  afterAll(async () => {
    await smtp?.close();
  });

  const addressOf = (person: Principal) => `${person.userId}@tyo.example.fi`;
  const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);
  const env = () => ({ SMTP_URL: smtp.url, IMMEDIATE_BATCH_SECONDS: '300' });

  async function chooseImmediate(service: NotifyService, person: Principal): Promise<void> {
    await service.ask(WORK_QUEUE_COMMANDS.setNotificationSettings, person, {
      body: { frequency: 'IMMEDIATE', email: addressOf(person) },
    });
  }

  /** An agreed next step of the org's worker, as the meeting that happened on `path`'s clock. */
  function agreedStep(path: TestPath, org: TestOrg) {
    return path.event(ACTION_ITEM_ASSIGNED_V1.subject, {
      ownerOrgId: org.orgId,
      ownerWorkerId: org.worker.userId,
    });
  }

  describe('on one running service', () => {
    let service: NotifyService;

    beforeAll(async () => {
      service = await startNotifyService(env());
    });

    afterAll(async () => {
      await service?.close();
    });

    it('should mail an item whose event came after a newer item was mailed, once, in the next batch', async () => {
      const org = testOrg();
      const mails = () => smtp.mailsTo(addressOf(org.worker));
      await chooseImmediate(service, org.worker);
      await service.deliver([agreedStep(new TestPath(org, new Date(Date.now() - 60_000)), org)]);
      const t0 = seconds(new Date(), 1);
      expect(await service.poll(t0)).toMatchObject({ sent: 1 });

      // Happened an hour before the item just mailed, projected only now (parked, slow consumer).
      await service.deliver([agreedStep(new TestPath(org, new Date(Date.now() - 3_600_000)), org)]);
      const [{ older }] = await service.dataSource.query<{ older: boolean }[]>(
        `SELECT min(i.opened_at) < max(n.opened_at) AS older
           FROM open_work_item i, item_notified n
          WHERE i.org_id = $1 AND n.user_id = $2`,
        [org.orgId, org.worker.userId],
      );
      expect(older).toBe(true);

      expect(await service.poll(seconds(t0, 299))).toMatchObject({ sent: 0 });
      // Two replicas at the window's end: one mail.
      await Promise.all([service.poll(seconds(t0, 300)), service.poll(seconds(t0, 300))]);
      expect(mails()).toHaveLength(2);
      expect(mails()[1].parsed.subject).toBe('Polku: 1 uusi tehtävä | 1 ny uppgift | 1 new item');
      expect(mails()[1].parsed.text).toContain('Agreed next step: 1');
      expect(await service.poll(seconds(t0, 900))).toMatchObject({ sent: 0 });
      expect(mails()).toHaveLength(2);
    });

    it('should mail a PATH_STEP again when its due date changes, and not when only its version does', async () => {
      const org = testOrg();
      const mails = () => smtp.mailsTo(addressOf(org.worker));
      await chooseImmediate(service, org.worker);
      const path = new TestPath(org);
      await service.deliver([
        path.step(1, org, 'AGREE_PLAN', daysFromNow(3), { state: 'PLANNING' }),
      ]);
      const t0 = seconds(new Date(), 1);
      expect(await service.poll(t0)).toMatchObject({ sent: 1 });
      expect(mails()[0].parsed.text).toContain('Next step of a path: 1');

      await service.deliver([
        path.step(2, org, 'AGREE_PLAN', daysFromNow(3), { state: 'PLANNING' }),
      ]);
      expect(await service.poll(seconds(t0, 300))).toMatchObject({ sent: 0 });

      await service.deliver([
        path.step(3, org, 'AGREE_PLAN', daysFromNow(9), { state: 'PLANNING' }),
      ]);
      expect(await service.poll(seconds(t0, 600))).toMatchObject({ sent: 1 });
      expect(mails()).toHaveLength(2);
      expect(mails()[1].parsed.subject).toContain('1 new item');
      expect(mails()[1].parsed.text).toContain('Next step of a path: 1');
      expect(await service.poll(seconds(t0, 1200))).toMatchObject({ sent: 0 });
    });

    it('should forget what it told of an item once the item is cleared', async () => {
      const org = testOrg();
      await chooseImmediate(service, org.worker);
      const path = new TestPath(org);
      await service.deliver([
        path.step(1, org, 'AGREE_PLAN', daysFromNow(3), { state: 'PLANNING' }),
      ]);
      const t0 = seconds(new Date(), 1);
      await service.poll(t0);
      await service.deliver([path.step(2, org, undefined, undefined), agreedStep(path, org)]);
      await service.poll(seconds(t0, 300));

      // The closed path's step is pruned in the poll that told of the agreed step.
      const told = await service.dataSource.query<{ kind: string }[]>(
        `SELECT w.kind FROM item_notified n JOIN work_item w USING (item_id) WHERE n.user_id = $1`,
        [org.worker.userId],
      );
      expect(told).toEqual([{ kind: 'AGREED_STEP' }]);
    });
  });

  it('should send no new mail when the projection is emptied and rebuilt by replay', async () => {
    const scenario = weekOfPaths();
    const people = Object.values(scenario.orgs).flatMap((org) => [
      org.worker,
      org.otherWorker,
      org.lead,
      org.manager,
    ]);
    const mailed = () =>
      people.reduce((sum, person) => sum + smtp.mailsTo(addressOf(person)).length, 0);
    const events = seal(scenario.events);
    const ids = events.map((event) => event.envelope.id);
    const config = notifyTestConfig(env());
    let service = await startNotifyService(config);
    const t0 = seconds(new Date(), 1);
    let told: number;
    try {
      for (const person of people) {
        await chooseImmediate(service, person);
      }
      await publishSealed(config, events);
      await waitForConsumed(service.dataSource, ids);
      expect((await service.poll(t0)).sent).toBeGreaterThanOrEqual(4);

      // A poll while the projection is empty, telling of one new item, prunes nothing.
      await service.dataSource.query(`TRUNCATE ${WORK_QUEUE_PROJECTION.tables.join(', ')}`);
      const provider = scenario.orgs.provider;
      const late = agreedStep(new TestPath(provider), provider);
      ids.push(await service.publish(ACTION_ITEM_ASSIGNED_V1.subject, late.event as never));
      await waitForConsumed(service.dataSource, ids.slice(-1));
      // To its worker and to their team lead (TEAM), each prune running on the empty projection.
      expect(await service.poll(seconds(t0, 300))).toMatchObject({ sent: 2 });
      [{ told }] = await service.dataSource.query<{ told: number }[]>(
        'SELECT count(*)::int AS told FROM item_notified',
      );
    } finally {
      await service.close();
    }
    const before = mailed();

    // The operator's rebuild (docs/work-queue.md, Rebuild), as work-queue-replay does it.
    await rebuildByReplay(config, WORK_QUEUE_PROJECTION);

    service = await startNotifyService(config);
    try {
      await waitForConsumed(service.dataSource, ids);
      // Long after every batch window: whatever is news would go now.
      expect(await service.poll(seconds(t0, 3600))).toMatchObject({ sent: 0, failed: 0 });
      expect(mailed()).toBe(before);
      const [{ now }] = await service.dataSource.query<{ now: number }[]>(
        'SELECT count(*)::int AS now FROM item_notified',
      );
      expect(now).toBe(told);
    } finally {
      await service.close();
    }
  });
});
