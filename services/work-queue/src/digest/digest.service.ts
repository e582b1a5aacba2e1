import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { WorkQueueConfig } from '@polku/config';
import { DataSource, type EntityManager } from 'typeorm';
import type { NotificationSettingRow } from '../notification-settings/notification-setting.repository';
import {
  claimDaily,
  claimImmediate,
  recordImmediateSent,
  settleDaily,
} from './digest-claims.repository';
import { composeDigest, type DigestMail } from './digest-composer';
import { newItemsOf, openItemsOf } from './digest-counts.repository';
import { DigestMailer } from './digest-mailer';
import { pruneCleared, recordTold } from './item-notified.repository';
import { dueDigestDay, immediateSentBefore } from './digest-schedule-rules';

/** What one poll did, for the tests and the log. */
export interface DigestPollResult {
  readonly sent: number;
  readonly failed: number;
}

type Outcome = 'sent' | 'failed' | 'nothing';

/**
 * One round of the digest: every immediate mail due at `now`, then every daily digest due.
 * Each user is one transaction holding their setting row (SKIP LOCKED), so replicas share the
 * work and a mail goes once; a failed send records nothing and is tried again on the next poll.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger(DigestService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: WorkQueueConfig,
    private readonly mailer: DigestMailer,
  ) {}

  async poll(now: Date): Promise<DigestPollResult> {
    const sentBefore = immediateSentBefore(now, this.config.IMMEDIATE_BATCH_SECONDS);
    const immediate = await this.eachClaimed(
      (em, skip) => claimImmediate(em, { sentBefore, skip }),
      (em, setting) => this.sendImmediate(em, setting, now),
    );
    const day = dueDigestDay(now, this.config.DIGEST_HOUR);
    const daily =
      day === undefined
        ? { sent: 0, failed: 0 }
        : await this.eachClaimed(
            (em, skip) => claimDaily(em, { day, skip }),
            (em, setting) => this.sendDaily(em, setting, day, now),
          );
    return { sent: immediate.sent + daily.sent, failed: immediate.failed + daily.failed };
  }

  /** Claims and handles due users one transaction each until none is left this round. */
  private async eachClaimed(
    claim: (
      em: EntityManager,
      skip: readonly string[],
    ) => Promise<NotificationSettingRow | undefined>,
    handle: (em: EntityManager, setting: NotificationSettingRow) => Promise<Outcome>,
  ): Promise<DigestPollResult> {
    // A user handled this round is not claimed again in it, whatever the outcome.
    const handled: string[] = [];
    let sent = 0;
    let failed = 0;
    for (;;) {
      // Not run again after a conflict: the claim's work sends mail, outside the transaction.
      // eslint-disable-next-line no-restricted-syntax
      const outcome = await this.dataSource.transaction(async (em) => {
        const setting = await claim(em, handled);
        if (setting === undefined) {
          return undefined;
        }
        handled.push(setting.user_id);
        return handle(em, setting);
      });
      if (outcome === undefined) {
        return { sent, failed };
      }
      sent += outcome === 'sent' ? 1 : 0;
      failed += outcome === 'failed' ? 1 : 0;
    }
  }

  private async sendImmediate(
    em: EntityManager,
    setting: NotificationSettingRow,
    now: Date,
  ): Promise<Outcome> {
    const news = await newItemsOf(em, setting);
    if (news.items.length === 0) {
      return 'nothing';
    }
    const mail = composeDigest(
      { frequency: 'IMMEDIATE', counts: news.counts },
      this.config.WEB_BASE_URL,
    );
    if (!(await this.trySend(setting, mail))) {
      return 'failed';
    }
    // In the claim's transaction: a mail sent and not recorded (a crash) goes again, at least
    // once; a second replica never sees the user due while this one holds the row.
    await recordTold(em, setting.user_id, news.items, now);
    await pruneCleared(em, setting.user_id);
    await recordImmediateSent(em, { userId: setting.user_id, at: now });
    return 'sent';
  }

  private async sendDaily(
    em: EntityManager,
    setting: NotificationSettingRow,
    day: string,
    now: Date,
  ): Promise<Outcome> {
    const counts = await openItemsOf(em, setting, day);
    if (counts.length === 0) {
      // Nothing open: no mail, and the day is settled so the next poll does not ask again.
      await settleDaily(em, { userId: setting.user_id, day });
      return 'nothing';
    }
    const mail = composeDigest({ frequency: 'DAILY', counts }, this.config.WEB_BASE_URL);
    if (!(await this.trySend(setting, mail))) {
      return 'failed';
    }
    await settleDaily(em, { userId: setting.user_id, day, sentAt: now });
    return 'sent';
  }

  /**
   * Sends, and on failure logs the SMTP client's error code only: its message may quote the
   * recipient's address, and the log carries no address (docs/work-queue.md).
   */
  private async trySend(setting: NotificationSettingRow, mail: DigestMail): Promise<boolean> {
    try {
      await this.mailer.send(setting.email as string, mail);
      return true;
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      this.logger.warn(
        `work-queue digest of user ${setting.user_id} not sent (${code ?? 'error'}${
          responseCode === undefined ? '' : ` ${responseCode}`
        }); it is tried again on the next poll`,
      );
      return false;
    }
  }
}
