import type { MsgHdrs } from '@nats-io/transport-node';
import type { EntityManager } from 'typeorm';

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
