import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { NotificationSettingsView, SetNotificationSettingsCommand } from '@polku/contracts';
import { retriedTransaction } from '@polku/persistence';
import { DataSource } from 'typeorm';
import { forgetTold, markOpenItemsTold } from '../digest/item-notified.repository';
import { Clock } from '../shared/clock';
import {
  type NotificationSettingRow,
  saveSetting,
  settingOf,
} from './notification-setting.repository';
import { type TellingChoice, toldChangeOf } from './told-rules';

/** The view of a row; a user who never chose has NONE. */
export function settingsView(row: NotificationSettingRow | undefined): NotificationSettingsView {
  if (row === undefined) {
    return { frequency: 'NONE' };
  }
  return {
    frequency: row.frequency,
    ...(row.email === null ? {} : { email: row.email }),
    ...(row.last_sent_at === null ? {} : { lastSentAt: row.last_sent_at.toISOString() }),
  };
}

function choiceOf(row: NotificationSettingRow): TellingChoice {
  return { frequency: row.frequency, orgId: row.org_id, roles: row.roles };
}

/**
 * The user's own choice of e-mail notification. Who the user is, their organisation and roles
 * come from the verified principal only: they decide which queues the digest counts. A save
 * keeps the record of items told in step (told-rules.ts), in the same transaction.
 */
@Injectable()
export class NotificationSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async get(principal: Principal): Promise<NotificationSettingsView> {
    return settingsView(await settingOf(this.dataSource.manager, principal.userId));
  }

  async set(
    principal: Principal,
    command: SetNotificationSettingsCommand,
  ): Promise<NotificationSettingsView> {
    const now = this.clock.now();
    const row = await retriedTransaction(this.dataSource, async (em) => {
      const before = await settingOf(em, principal.userId, true);
      const saved = await saveSetting(em, {
        userId: principal.userId,
        orgId: principal.orgId,
        roles: principal.roles,
        frequency: command.frequency,
        email: command.frequency === 'NONE' ? null : (command.email ?? null),
        now,
      });
      const change = toldChangeOf(before && choiceOf(before), choiceOf(saved));
      if (change === 'MARK_OPEN_TOLD') {
        await markOpenItemsTold(em, saved, now);
      } else if (change === 'FORGET') {
        await forgetTold(em, saved.user_id);
      }
      return saved;
    });
    return settingsView(row);
  }
}
