import { Logger } from '@nestjs/common';
import { Client } from 'pg';

/** What a {@link PgListener} listens to and where. */
export interface PgListenerOptions {
  /** The service's own database, as a URL (a pooled connection cannot hold a LISTEN). */
  readonly url: string;
  readonly channel: string;
  readonly applicationName: string;
  /** First pause before reconnecting; doubled on every failed attempt up to maxBackoffMs. */
  readonly minBackoffMs: number;
  readonly maxBackoffMs: number;
  readonly onNotification: (payload: string | undefined) => void;
  /** Called after every (re)connection, once LISTEN holds: notifications may have been missed. */
  readonly onListening?: () => void;
}

/**
 * One dedicated PostgreSQL connection holding `LISTEN <channel>`, reconnected with backoff for
 * as long as it runs: a lost connection costs the notifications sent meanwhile, never the
 * process.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client: Client | undefined;
  private running = false;
  private retry: NodeJS.Timeout | undefined;
  private backoffMs: number;

  constructor(private readonly options: PgListenerOptions) {
    this.backoffMs = options.minBackoffMs;
  }

  /** Whether LISTEN holds now; for tests and health. */
  get isListening(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    if (this.running) {
      return;
    }
    this.running = true;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.retry);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.options.url,
      application_name: this.options.applicationName,
    });
    let lost = false;
    const onLost = (reason: string) => {
      if (lost) {
        return;
      }
      lost = true;
      if (this.client === client) {
        this.client = undefined;
      }
      void client.end().catch(() => undefined);
      if (this.running) {
        this.logger.warn(`LISTEN ${this.options.channel} lost (${reason}); reconnecting`);
        this.scheduleReconnect();
      }
    };
    client.on('error', (error) => onLost(error.message));
    client.on('end', () => onLost('connection ended'));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel) {
        this.options.onNotification(message.payload);
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      onLost(error instanceof Error ? error.message : String(error));
      return;
    }
    if (!this.running || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = this.options.minBackoffMs;
    this.options.onListening?.();
  }

  private scheduleReconnect(): void {
    clearTimeout(this.retry);
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.options.maxBackoffMs);
    this.retry = setTimeout(() => void this.connect(), delay);
  }
}
