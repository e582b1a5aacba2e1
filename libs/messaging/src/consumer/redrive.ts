import { jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import { namespacedSubject } from '../namespace';
import type { NatsLink } from '../nats-link';

/** Which dead letters redriveDeadLetters publishes again, and where. */
export interface RedriveOptions {
  readonly dataSource: DataSource;
  readonly link: NatsLink;
  readonly namespace: string;
  /** Only this consumer's dead letters; all open ones when omitted. */
  readonly consumer?: string;
  /** Only these dead-letter ids. */
  readonly ids?: readonly number[];
}

/**
 * Publishes open dead letters again, after the cause was fixed. Each gets a fresh Nats-Msg-Id so
 * JetStream's duplicate window does not drop it; consumers that already processed the event
 * skip it through their inbox (keyed on the event id), so only the one that failed applies it.
 */
export async function redriveDeadLetters(options: RedriveOptions): Promise<number> {
  const js = jetstream(await options.link.connect());
  const rows = await options.dataSource.query<
    {
      id: string;
      message_id: string | null;
      subject: string;
      payload: string;
      headers: Record<string, string>;
    }[]
  >(
    `SELECT id, message_id, subject, payload, headers FROM dead_letter
      WHERE redriven_at IS NULL
        AND ($1::text IS NULL OR consumer = $1)
        AND ($2::bigint[] IS NULL OR id = ANY($2))
      ORDER BY id`,
    [options.consumer ?? null, options.ids ? [...options.ids] : null],
  );
  for (const row of rows) {
    const msgHeaders = natsHeaders();
    for (const [key, value] of Object.entries(row.headers)) {
      if (key !== 'Nats-Msg-Id') {
        msgHeaders.set(key, value);
      }
    }
    await js.publish(namespacedSubject(options.namespace, row.subject), row.payload, {
      msgID: `${row.message_id ?? 'unknown'}:redrive:${row.id}`,
      headers: msgHeaders,
    });
    await options.dataSource.query('UPDATE dead_letter SET redriven_at = now() WHERE id = $1', [
      row.id,
    ]);
  }
  return rows.length;
}
