import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { NotificationSettingsView, SetNotificationSettingsCommand } from '@polku/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../shared/clock';
import {
  type NotificationSettingRow,
  saveSetting,
  settingOf,
} from './notification-setting.repository';

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

/**
 * The user's own choice of e-mail notification. Who the user is, their organisation and roles
 * come from the verified principal only: they decide which queues the digest counts.
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
    const row = await this.dataSource.transaction((em) =>
      saveSetting(em, {
        userId: principal.userId,
        orgId: principal.orgId,
        roles: principal.roles,
        frequency: command.frequency,
        email: command.frequency === 'NONE' ? null : (command.email ?? null),
        now: this.clock.now(),
      }),
    );
    return settingsView(row);
  }
}
