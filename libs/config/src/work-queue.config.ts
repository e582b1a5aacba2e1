import { IsUrl, Matches, ValidateBy, ValidateIf } from 'class-validator';
import { IntVar } from './coerce';
import { EnvVar } from './env-var.decorator';
import { ServiceConfig } from './service.config';
import { shownValue } from './validators';

function isSmtpUrl(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const url = new URL(value);
    return ['smtp:', 'smtps:'].includes(url.protocol) && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * work-queue reads everything a service does, plus where and when the e-mail digest of the work
 * queue goes (docs/work-queue.md, "Notifications"). The digest carries counts and a link only.
 */
export class WorkQueueConfig extends ServiceConfig {
  @EnvVar({
    description:
      'SMTP server the work-queue digests are sent through, e.g. smtp://user:password@mail.example.fi:587 (STARTTLS when offered) or smtps://…:465. Empty: no digest is sent (said once at start); the settings are still kept.',
    default: '',
    secret: true,
  })
  @ValidateIf((config: WorkQueueConfig) => config.SMTP_URL !== '')
  @ValidateBy({
    name: 'isSmtpUrl',
    validator: {
      validate: isSmtpUrl,
      // shownValue masks user:password@, so the error line never prints the password.
      defaultMessage: (args) =>
        `SMTP_URL must be an smtp:// or smtps:// URL, got ${shownValue(args?.value)}`,
    },
  })
  SMTP_URL!: string;

  @EnvVar({
    description: 'Sender of the digests (From:), an address or `Name <address>`.',
    default: 'Polku <no-reply@polku.invalid>',
  })
  @Matches(/^[^\r\n]*[^\s@<>]+@[^\s@<>]+[^\r\n]*$/, {
    message: (args) =>
      `MAIL_FROM must be an e-mail address or Name <address> on one line, got ${JSON.stringify(args.value)}`,
  })
  MAIL_FROM!: string;

  @EnvVar({
    description:
      'Address of the polku web application; the digest links to its work queue, `${WEB_BASE_URL}/work-queue`.',
    default: 'http://localhost:3000',
  })
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'], require_protocol: true },
    { message: (args) => `WEB_BASE_URL must be an http(s) URL, got ${JSON.stringify(args.value)}` },
  )
  WEB_BASE_URL!: string;

  @EnvVar({
    description:
      'Hour of the Finnish day (Europe/Helsinki, 0–23) from which the daily digest goes out, once a day.',
    default: '7',
  })
  @IntVar(0, 23)
  DIGEST_HOUR!: number;

  @EnvVar({
    description:
      'Batch window of immediate notifications in seconds: a worker who chose IMMEDIATE gets at most one mail in this time, counting everything new since the last.',
    default: '300',
  })
  @IntVar(10, 86400)
  IMMEDIATE_BATCH_SECONDS!: number;

  @EnvVar({
    description:
      'How often the digest poller looks for workers due a mail, in milliseconds; a mail goes within this much of being due.',
    default: '30000',
  })
  @IntVar(1000, 3600000)
  DIGEST_POLL_INTERVAL_MS!: number;
}
