import { IsEmail, IsIn, MaxLength } from 'class-validator';
import { IsRequiredOnlyWhen, WHEN_PRESENT } from '../events/event-validators';
import { FieldDoc } from '../field-doc.decorator';

/**
 * How often a worker is told of new work-queue items by e-mail: at once (a few minutes'
 * batch), once a day (a morning digest), or never. The mail carries counts and a link only.
 */
export const NOTIFICATION_FREQUENCIES = ['IMMEDIATE', 'DAILY', 'NONE'] as const;

/** One of {@link NOTIFICATION_FREQUENCIES}. */
export type NotificationFrequency = (typeof NOTIFICATION_FREQUENCIES)[number];

/** PUT /api/v1/me/notification-settings (`WORK_QUEUE_COMMANDS.setNotificationSettings`). */
export class SetNotificationSettingsCommand {
  @FieldDoc('IMMEDIATE, DAILY or NONE (the default until the user chooses).', {
    example: 'NONE',
  })
  @IsIn(NOTIFICATION_FREQUENCIES)
  readonly frequency!: NotificationFrequency;

  @FieldDoc(
    'The work e-mail address the digest goes to; required for IMMEDIATE and DAILY, absent for NONE.',
    {
      example: 'tyontekija@example.fi',
    },
  )
  @IsEmail({}, WHEN_PRESENT)
  @MaxLength(254, WHEN_PRESENT)
  @IsRequiredOnlyWhen('frequency', ['IMMEDIATE', 'DAILY'])
  readonly email?: string;
}

/** What GET /api/v1/me/notification-settings answers. */
export interface NotificationSettingsView {
  readonly frequency: NotificationFrequency;
  readonly email?: string;
  /** When the last digest was sent (ISO-8601 UTC); absent before the first. */
  readonly lastSentAt?: string;
}
