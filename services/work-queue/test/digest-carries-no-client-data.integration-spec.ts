import type { Principal } from '@polku/auth';
import { WORK_QUEUE_COMMANDS } from '@polku/contracts';
import { waitFor } from '@polku/testing';
import { randomUUID } from 'node:crypto';
import {
  finnishDay,
  finnishWallClock,
  startNotifyService,
  workerOf,
  type NotifyService,
} from './support/notify-service';
import { startSmtpReceiver, type ReceivedMail, type SmtpReceiver } from './support/smtp-receiver';
import { assignActionItem, openItemsOfOrg, referTo } from './support/work-events';

/** Every place of a received mail a string could hide in, decoded and raw. */
function everythingOf(mail: ReceivedMail): string {
  const { parsed } = mail;
  return [
    parsed.subject ?? '',
    parsed.text ?? '',
    typeof parsed.html === 'string' ? parsed.html : '',
    ...parsed.headerLines.map((line) => line.line),
    ...parsed.attachments.map((attachment) => attachment.content.toString('utf8')),
    mail.raw,
  ].join('\n');
}

describe('the digest carries no client data', () => {
  let smtp: SmtpReceiver;
  let service: NotifyService;

  beforeAll(async () => {
    smtp = await startSmtpReceiver();
    service = await startNotifyService({ SMTP_URL: smtp.url, DIGEST_HOUR: '7' });
  });

  afterAll(async () => {
    await service?.close();
    await smtp?.close();
  });

  it('should carry no path id, client ref, free text, reference or other worker’s id of any item, immediate or daily', async () => {
    const orgId = randomUUID();
    const immediate: Principal = workerOf(orgId, ['CASEWORKER', 'TEAM_LEAD']);
    const daily: Principal = workerOf(orgId, ['CASEWORKER', 'TEAM_LEAD']);
    const colleague = workerOf(orgId);
    // Addresses that share nothing with the user ids, so a user id in the mail is found.
    const addresses = new Map(
      [immediate, daily].map((w) => [w, `t${randomUUID().slice(0, 8)}@tyo.example.fi`]),
    );
    const email = (worker: Principal) => addresses.get(worker) as string;
    for (const [worker, frequency] of [
      [immediate, 'IMMEDIATE'],
      [daily, 'DAILY'],
    ] as const) {
      await service.ask(WORK_QUEUE_COMMANDS.setNotificationSettings, worker, {
        body: { frequency, email: email(worker) },
      });
    }

    const traces = [
      ...(await assignActionItem(service, immediate, {
        description: 'Matti Meikäläinen, soita numeroon 040 123 4567',
        dueDate: finnishDay(-2),
      })),
      ...(await assignActionItem(service, daily, {
        description: 'Päihdekuntoutus kesken – kerro Liisalle',
      })),
      // A colleague's item: the team lead's TEAM queue counts it, with its owner's id.
      ...(await assignActionItem(service, colleague, {
        description: 'Asunnottomuus, ei osoitetta',
      })),
      colleague.userId,
      ...(await referTo(service, orgId, {
        reference: 'AP-2026-SALAINEN-77',
        priorInformationRef: 'pkg_LAHETTEEN_ESITIEDOT_99',
      })),
      orgId,
      immediate.userId,
      daily.userId.replace(/^worker-/, ''),
    ];
    await waitFor(async () => (await openItemsOfOrg(service, orgId)) >= 4, {
      description: 'the four items projected',
    });

    await service.poll(new Date(Date.now() + 1000));
    await service.poll(finnishWallClock(finnishDay(1), 7));

    // The daily user may get today's digest at the first poll too (when it runs after 07:00).
    expect(smtp.mailsTo(email(immediate)).map((mail) => mail.parsed.subject)).toEqual([
      'Polku: 4 uutta tehtävää | 4 nya uppgifter | 4 new items',
    ]);
    expect(smtp.mailsTo(email(daily)).length).toBeGreaterThanOrEqual(1);
    const mails = [...smtp.mailsTo(email(immediate)), ...smtp.mailsTo(email(daily))];
    for (const mail of mails) {
      const whole = everythingOf(mail);
      const found = traces.filter((trace) => whole.includes(trace));
      expect(found).toEqual([]);
      // Only the counts and the link: no other URL.
      expect(new Set(whole.match(/https?:\/\/[^\s>=]+/g))).toEqual(
        new Set(['https://polku.test/work-queue']),
      );
    }
  });
});
