import type { Principal } from '@polku/auth';
import { type NotificationSettingsView, WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { waitFor } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import {
  finnishDay,
  finnishWallClock,
  startNotifyService,
  workerOf,
  type NotifyService,
} from './support/notify-service';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';
import { assignActionItem, openItemsOfOrg, referTo } from './support/work-events';

describe('work-queue notifications', () => {
  let smtp: SmtpReceiver;
  let service: NotifyService;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    service = await startNotifyService({
      SMTP_URL: smtp.url,
      DIGEST_HOUR: '7',
      IMMEDIATE_BATCH_SECONDS: '300',
    });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  const choose = (worker: Principal, body: object) =>
    service.ask<NotificationSettingsView>(WORK_QUEUE_COMMANDS.setNotificationSettings, worker, {
      body,
    });

  const addressOf = (worker: Principal) => `${worker.userId}@tyo.example.fi`;

  async function itemsArrived(orgId: string, count: number): Promise<void> {
    await waitFor(async () => (await openItemsOfOrg(service, orgId)) >= count, {
      description: `${count} open items of ${orgId}`,
    });
  }

  const seconds = (base: Date, s: number) => new Date(base.getTime() + s * 1000);

  describe('settings', () => {
    it('should answer NONE for a user who never chose, and keep a choice for the principal’s own user only', async () => {
      const worker = workerOf(randomUUID());
      const other = workerOf(worker.orgId);
      const get = (who: Principal) =>
        service.ask<NotificationSettingsView>(WORK_QUEUE_COMMANDS.getNotificationSettings, who, {});

      expect(await get(worker)).toEqual({ frequency: 'NONE' });
      expect(await choose(worker, { frequency: 'DAILY', email: addressOf(worker) })).toEqual({
        frequency: 'DAILY',
        email: addressOf(worker),
      });
      expect(await get(worker)).toEqual({ frequency: 'DAILY', email: addressOf(worker) });
      expect(await get(other)).toEqual({ frequency: 'NONE' });
      const [row] = await service.dataSource.query<{ org_id: string; roles: string[] }[]>(
        'SELECT org_id, roles FROM notification_setting WHERE user_id = $1',
        [worker.userId],
      );
      expect(row).toEqual({ org_id: worker.orgId, roles: ['CASEWORKER'] });
    });

    it('should refuse a body that names a user or an organisation, a mail setting without an address and NONE with one', async () => {
      const worker = workerOf(randomUUID());
      const set = WORK_QUEUE_COMMANDS.setNotificationSettings;
      for (const body of [
        { frequency: 'DAILY', email: addressOf(worker), userId: 'someone-else' },
        { frequency: 'DAILY', email: addressOf(worker), orgId: randomUUID() },
        { frequency: 'IMMEDIATE' },
        { frequency: 'NONE', email: addressOf(worker) },
        { frequency: 'HOURLY', email: addressOf(worker) },
        { frequency: 'DAILY', email: 'not an address' },
      ]) {
        expect(await service.askError(set, worker, { body })).toMatchObject({
          code: 'VALIDATION_FAILED',
        });
      }
      const [{ count }] = await service.dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM notification_setting WHERE user_id = $1',
        [worker.userId],
      );
      expect(count).toBe(0);
    });
  });

  describe('immediate', () => {
    it('should send one mail per batch window with the counts of the new items per kind', async () => {
      const worker = workerOf(randomUUID());
      await choose(worker, { frequency: 'IMMEDIATE', email: addressOf(worker) });
      await assignActionItem(service, worker);
      await assignActionItem(service, worker);
      await referTo(service, worker.orgId);
      await itemsArrived(worker.orgId, 3);
      const t0 = seconds(new Date(), 1);

      expect(await service.poll(t0)).toMatchObject({ sent: 1, failed: 0 });
      expect(await service.poll(seconds(t0, 10))).toMatchObject({ sent: 0 });
      const [first] = smtp.mailsTo(addressOf(worker));
      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(1);
      expect(first.parsed.subject).toBe('Polku: 3 uutta tehtävää | 3 nya uppgifter | 3 new items');
      expect(first.parsed.text).toContain('Sovittu jatkotoimi: 2');
      expect(first.parsed.text).toContain('Referral awaiting an answer: 1');
      expect(first.parsed.text).toContain('https://polku.test/work-queue');

      await referTo(service, worker.orgId);
      await itemsArrived(worker.orgId, 4);
      // Inside the window: nothing yet; at its end: one mail with the one new item only.
      expect(await service.poll(seconds(t0, 299))).toMatchObject({ sent: 0 });
      expect(await service.poll(seconds(t0, 300))).toMatchObject({ sent: 1 });
      const second = smtp.mailsTo(addressOf(worker))[1];
      expect(second.parsed.subject).toBe('Polku: 1 uusi tehtävä | 1 ny uppgift | 1 new item');
      expect(second.parsed.text).toContain('Vastausta odottava lähete: 1');
      expect(await service.poll(seconds(t0, 900))).toMatchObject({ sent: 0 });
      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(2);
    });

    it('should send once when two replicas poll at the same moment', async () => {
      const worker = workerOf(randomUUID());
      await choose(worker, { frequency: 'IMMEDIATE', email: addressOf(worker) });
      await assignActionItem(service, worker);
      await itemsArrived(worker.orgId, 1);
      const now = seconds(new Date(), 1);

      await Promise.all([service.poll(now), service.poll(now), service.poll(now)]);

      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(1);
    });

    it('should record nothing when the server refuses the mail, and send it on the next poll', async () => {
      const worker = workerOf(randomUUID());
      await choose(worker, { frequency: 'IMMEDIATE', email: addressOf(worker) });
      await referTo(service, worker.orgId);
      await itemsArrived(worker.orgId, 1);
      const now = seconds(new Date(), 1);
      smtp.refuse(addressOf(worker));

      expect(await service.poll(now)).toMatchObject({ failed: 1 });
      smtp.allow(addressOf(worker));
      expect(await service.poll(seconds(now, 30))).toMatchObject({ sent: 1 });
      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(1);
    });
  });

  describe('daily', () => {
    it('should send the open, overdue and unread counts once a day from the digest hour', async () => {
      const worker = workerOf(randomUUID());
      await choose(worker, { frequency: 'DAILY', email: addressOf(worker) });
      await assignActionItem(service, worker, { dueDate: finnishDay(-3) });
      await referTo(service, worker.orgId);
      await itemsArrived(worker.orgId, 2);
      const [day, next] = [finnishDay(1), finnishDay(2)];

      expect(await service.poll(finnishWallClock(day, 6, 59))).toMatchObject({ sent: 0 });
      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(0);
      await service.poll(finnishWallClock(day, 7, 0));
      await service.poll(finnishWallClock(day, 7, 30));
      await service.poll(finnishWallClock(day, 23, 59));
      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(1);
      const [mail] = smtp.mailsTo(addressOf(worker));
      expect(mail.parsed.subject).toBe(
        'Polku: työjono tänään | arbetskön i dag | your work queue today',
      );
      expect(mail.parsed.text).toContain('Your work queue has 2 open items: 1 overdue, 2 unread.');
      expect(mail.parsed.text).toContain('Agreed next step: 1 open, 1 overdue, 1 unread');

      await service.poll(finnishWallClock(next, 7, 5));
      expect(smtp.mailsTo(addressOf(worker))).toHaveLength(2);
    });
  });

  describe('none and changes', () => {
    it('should never mail a user who chose NONE or never chose, whatever waits in their queue', async () => {
      const chose = workerOf(randomUUID());
      const never = workerOf(chose.orgId);
      await choose(chose, { frequency: 'NONE' });
      await assignActionItem(service, chose);
      await assignActionItem(service, never);
      await referTo(service, chose.orgId);
      await itemsArrived(chose.orgId, 3);

      await service.poll(seconds(new Date(), 1));
      await service.poll(finnishWallClock(finnishDay(1), 8));

      expect(smtp.mailsTo(addressOf(chose))).toHaveLength(0);
      expect(smtp.mailsTo(addressOf(never))).toHaveLength(0);
    });

    it('should follow the user’s change: IMMEDIATE, then NONE, then DAILY, then IMMEDIATE for new items only', async () => {
      const worker = workerOf(randomUUID());
      const mails = () => smtp.mailsTo(addressOf(worker));
      await choose(worker, { frequency: 'IMMEDIATE', email: addressOf(worker) });
      await assignActionItem(service, worker);
      await itemsArrived(worker.orgId, 1);
      await service.poll(seconds(new Date(), 1));
      expect(mails()).toHaveLength(1);

      await choose(worker, { frequency: 'NONE' });
      await referTo(service, worker.orgId);
      await itemsArrived(worker.orgId, 2);
      await service.poll(seconds(new Date(), 600));
      expect(mails()).toHaveLength(1);

      await choose(worker, { frequency: 'DAILY', email: addressOf(worker) });
      const morning = finnishWallClock(finnishDay(1), 7);
      await service.poll(morning);
      expect(mails()).toHaveLength(2);
      expect(mails()[1].parsed.text).toContain('2 open items');

      // Back to IMMEDIATE: what waited before the switch is in the queue, the mail is for news.
      await choose(worker, { frequency: 'IMMEDIATE', email: addressOf(worker) });
      await service.poll(seconds(morning, 1200));
      expect(mails()).toHaveLength(2);
      await referTo(service, worker.orgId);
      await itemsArrived(worker.orgId, 3);
      await service.poll(seconds(morning, 1800));
      expect(mails()).toHaveLength(3);
      expect(mails()[2].parsed.subject).toContain('1 new item');
    });
  });
});
