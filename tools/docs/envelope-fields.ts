import { ACTOR_ROLES, DATA_CLASSES, ORG_ROLES } from '@polku/contracts';

/** One row of the envelope table in docs/events.md. */
export interface EnvelopeFieldDescription {
  readonly field: string;
  readonly type: string;
  readonly required: string;
  readonly description: string;
}

/** The envelope's fields as docs/events.md shows them; a test keeps it in step with the DTOs. */
export const ENVELOPE_FIELD_DESCRIPTIONS: readonly EnvelopeFieldDescription[] = [
  {
    field: 'id',
    type: 'string (UUIDv7)',
    required: 'yes',
    description:
      'Event id; also the JetStream `Nats-Msg-Id`, so a re-published event is stored once.',
  },
  {
    field: 'type',
    type: 'string',
    required: 'yes',
    description: 'Event type in PascalCase, e.g. `ClientReferred`; equals the contract’s type.',
  },
  {
    field: 'version',
    type: 'integer ≥ 1',
    required: 'yes',
    description: 'Contract version; equals the `.vN` suffix of the subject.',
  },
  {
    field: 'occurredAt',
    type: 'string (ISO-8601 UTC)',
    required: 'yes',
    description: 'When it happened, ending in `Z`, e.g. `2026-03-02T08:15:00.000Z`.',
  },
  {
    field: 'pathId',
    type: 'string (uuid)',
    required: 'yes',
    description: 'The client path the event belongs to.',
  },
  {
    field: 'clientRef',
    type: 'string',
    required: 'yes',
    description:
      'Pseudonymous client reference (8–128 URL-safe characters); never a name or identity code.',
  },
  {
    field: 'emitter',
    type: 'object',
    required: 'yes',
    description: 'Who emitted the event.',
  },
  {
    field: 'emitter.orgId',
    type: 'string (uuid)',
    required: 'yes',
    description: 'The emitting organisation.',
  },
  {
    field: 'emitter.orgRole',
    type: 'enum',
    required: 'yes',
    description: `The organisation’s role: ${ORG_ROLES.map((role) => `\`${role}\``).join(', ')}.`,
  },
  {
    field: 'emitter.actorId',
    type: 'string',
    required: 'yes',
    description:
      'Pseudonymous id of the acting user, or the emitting process for `SYSTEM` (1–128 characters `A-Z a-z 0-9 _ . : -`); never a name or e-mail address.',
  },
  {
    field: 'emitter.actorRole',
    type: 'enum',
    required: 'yes',
    description: `The actor’s role: ${ACTOR_ROLES.map((role) => `\`${role}\``).join(', ')}.`,
  },
  {
    field: 'correlationId',
    type: 'string (uuid)',
    required: 'yes',
    description: 'Ties together every event of one chain, e.g. the path or the hand-off.',
  },
  {
    field: 'causationId',
    type: 'string (uuid) or null',
    required: 'no',
    description: 'Id of the event that caused this one; absent or null for the first of a chain.',
  },
  {
    field: 'dataClass',
    type: 'enum',
    required: 'yes',
    description: `Data class of the payload, which decides who may see it: ${DATA_CLASSES.map((dataClass) => `\`${dataClass}\``).join(', ')}; equals the contract’s.`,
  },
  {
    field: 'consentRef',
    type: 'string (≤ 200)',
    required: 'one of consentRef, legalBasis',
    description: 'The consent record that covers this data class for the receiving parties.',
  },
  {
    field: 'legalBasis',
    type: 'string (≤ 200)',
    required: 'one of consentRef, legalBasis',
    description: 'Code of the legal provision that allows the processing without consent.',
  },
  {
    field: 'data',
    type: 'object',
    required: 'yes',
    description:
      'The payload, validated against the event’s payload class below; unknown payload fields are rejected.',
  },
];
