import type { JsMsg } from '@nats-io/jetstream';
import { validateEvent, type EventEnvelope } from '@polku/contracts';
import { emitterProblem } from './emitter-rules';
import type { EventDelivery } from './event-handler';
import { subjectOwnershipProblem } from './subject-ownership';

/** A message after parsing and contract validation, before any database work. */
export type CheckedMessage =
  | { kind: 'valid'; envelope: EventEnvelope }
  | { kind: 'invalid'; error: string; messageId: string | null };

/** A message waiting for its batch, already checked (see MessagePuller). */
export interface ReceivedMessage {
  readonly msg: JsMsg;
  readonly check: CheckedMessage;
}

/**
 * Parses and validates a message against the contract of `subject`, and checks that it is the
 * owning service's event with an emitter that agrees (subject-ownership.ts, emitter-rules.ts):
 * what fails becomes a dead letter at once, as retrying cannot change it. No database work, so
 * the inbox rows of a whole batch can go in together.
 */
export function checkMessage(subject: string, msg: JsMsg): CheckedMessage {
  const messageId = msg.headers?.get('Nats-Msg-Id') || null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(msg.string());
  } catch {
    return { kind: 'invalid', error: 'payload is not JSON', messageId };
  }
  const notOwned = subjectOwnershipProblem(subject, msg.subject, parsed);
  if (notOwned !== undefined) {
    return { kind: 'invalid', error: notOwned, messageId };
  }
  const validation = validateEvent(subject, parsed);
  if (!validation.ok) {
    return {
      kind: 'invalid',
      error: `payload breaks its contract: ${validation.errors.join('; ')}`,
      messageId,
    };
  }
  const forged = emitterProblem(subject, validation.envelope);
  if (forged !== undefined) {
    return { kind: 'invalid', error: forged, messageId };
  }
  return { kind: 'valid', envelope: validation.envelope };
}

/** Read when a handler asks: most never do, and each field parses the message's metadata. */
export function deliveryOf(msg: JsMsg): EventDelivery {
  return {
    get streamSequence() {
      return msg.seq;
    },
    get deliveryCount() {
      return msg.info.deliveryCount;
    },
    get storedAt() {
      return new Date(Number(msg.timestampNanos / 1_000_000n));
    },
  };
}
