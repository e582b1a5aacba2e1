import type { JsMsg } from '@nats-io/jetstream';
import type { MsgHdrs } from '@nats-io/transport-node';
import type { EntityManager } from 'typeorm';

/** One dead-letter row: the message as received, and why this consumer gave up on it. */
export interface DeadLetterInput {
  readonly consumer: string;
  readonly messageId: string | null;
  readonly subject: string;
  readonly streamSequence: number;
  readonly payload: string;
  readonly headers: MsgHdrs | undefined;
  readonly error: string;
  readonly attempts: number;
}

function headersAsObject(headers: MsgHdrs | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const key of headers?.keys() ?? []) {
    result[key] = headers?.get(key) ?? '';
  }
  return result;
}

/** Records a message this consumer gave up on; queryable and redrivable (see redrive.ts). */
export async function writeDeadLetter(em: EntityManager, input: DeadLetterInput): Promise<void> {
  await em.query(
    `INSERT INTO dead_letter (consumer, message_id, subject, stream_sequence, payload, headers, error, attempts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      input.consumer,
      input.messageId,
      input.subject,
      input.streamSequence,
      input.payload,
      JSON.stringify(headersAsObject(input.headers)),
      input.error.slice(0, 4000),
      input.attempts,
    ],
  );
}

/** A message this consumer gives up on, as the consumer host knows it. */
export interface DeadMessage {
  /** The durable consumer's name. */
  readonly durable: string;
  /** The subscription's subject, without namespace. */
  readonly subject: string;
  readonly msg: JsMsg;
  readonly error: string;
  /** The event's id, or the message's Nats-Msg-Id when it could not be read. */
  readonly messageId: string | null;
}

/** {@link writeDeadLetter} for a JetStream message, with its sequence, headers and attempts. */
export function deadLetterMessage(em: EntityManager, dead: DeadMessage): Promise<void> {
  return writeDeadLetter(em, {
    consumer: dead.durable,
    messageId: dead.messageId,
    subject: dead.subject,
    streamSequence: dead.msg.seq,
    payload: dead.msg.string(),
    headers: dead.msg.headers,
    error: dead.error,
    attempts: dead.msg.info.deliveryCount,
  });
}
