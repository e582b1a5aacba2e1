import type { NotificationFrequency } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

/** One notification_setting row as the features read it. */
export interface NotificationSettingRow {
  readonly user_id: string;
  readonly org_id: string;
  readonly roles: string[];
  readonly frequency: NotificationFrequency;
  readonly email: string | null;
  readonly last_sent_at: Date | null;
  readonly digest_day: string | null;
}

/** What a user saves: their choice, and who they are as the verified principal says. */
export interface SavedSetting {
  readonly userId: string;
  readonly orgId: string;
  readonly roles: readonly string[];
  readonly frequency: NotificationFrequency;
  readonly email: string | null;
  readonly now: Date;
}

/** The columns of NotificationSettingRow, for the other features' queries. */
export const SETTING_COLUMNS = `user_id, org_id, roles, frequency, email, last_sent_at,
  to_char(digest_day, 'YYYY-MM-DD') AS digest_day`;

/**
 * The user's setting, or undefined before they first chose; `lock` holds the row until the
 * transaction ends (a save compares the choice before and after it).
 */
export async function settingOf(
  em: EntityManager,
  userId: string,
  lock = false,
): Promise<NotificationSettingRow | undefined> {
  const [row] = await em.query<NotificationSettingRow[]>(
    `SELECT ${SETTING_COLUMNS} FROM notification_setting WHERE user_id = $1${
      lock ? ' FOR UPDATE' : ''
    }`,
    [userId],
  );
  return row;
}

/**
 * Saves the user's choice. The last send and the settled digest day survive every change, so
 * switching back and forth never sends a day's digest twice. What an immediate mail has told is
 * item_notified's (notification-settings.service.ts keeps it in step with the choice).
 */
export async function saveSetting(
  em: EntityManager,
  setting: SavedSetting,
): Promise<NotificationSettingRow> {
  const [row] = await em.query<NotificationSettingRow[]>(
    `INSERT INTO notification_setting AS s
       (user_id, org_id, roles, frequency, email, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (user_id) DO UPDATE SET
       org_id = EXCLUDED.org_id,
       roles = EXCLUDED.roles,
       frequency = EXCLUDED.frequency,
       email = EXCLUDED.email,
       updated_at = $6
     RETURNING ${SETTING_COLUMNS}`,
    [
      setting.userId,
      setting.orgId,
      [...setting.roles],
      setting.frequency,
      setting.email,
      setting.now,
    ],
  );
  return row;
}
