import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { WorkQueueConfig } from '@polku/config';
import { createTransport } from 'nodemailer';
import type { DigestMail } from './digest-composer';

/** Short enough that a stalled server holds a claimed setting row for seconds, not minutes. */
const SMTP_TIMEOUT_MS = 15_000;

/** Sends digests through the SMTP server of SMTP_URL; disabled when it is empty. */
@Injectable()
export class DigestMailer implements OnApplicationShutdown {
  private readonly transport?: ReturnType<typeof createTransport>;

  constructor(private readonly config: WorkQueueConfig) {
    if (config.SMTP_URL !== '') {
      this.transport = createTransport({
        url: config.SMTP_URL,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      });
    }
  }

  /** Whether digests are sent at all (SMTP_URL is set). */
  get enabled(): boolean {
    return this.transport !== undefined;
  }

  /** Sends one digest to one address; throws the SMTP client's error when it is not accepted. */
  async send(to: string, mail: DigestMail): Promise<void> {
    if (this.transport === undefined) {
      throw new Error('SMTP_URL is not set: digests are off');
    }
    await this.transport.sendMail({
      from: this.config.MAIL_FROM,
      to,
      subject: mail.subject,
      text: mail.text,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
