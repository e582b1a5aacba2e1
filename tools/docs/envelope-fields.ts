import { EventEmitterDto, EventEnvelopeDto, fieldDocsOf } from '@polku/contracts';

/** One row of the envelope table in docs/events.md. */
export interface EnvelopeFieldDescription {
  readonly field: string;
  readonly type: string;
  readonly required: string;
  readonly description: string;
}

// How each field is written on the wire and whether it must be there; what it means is said
// once, by the @FieldDoc of EventEnvelopeDto and EventEmitterDto.
const ENVELOPE_FIELD_FORMATS: readonly Omit<EnvelopeFieldDescription, 'description'>[] = [
  { field: 'id', type: 'string (UUIDv7)', required: 'yes' },
  { field: 'type', type: 'string', required: 'yes' },
  { field: 'version', type: 'integer ≥ 1', required: 'yes' },
  { field: 'occurredAt', type: 'string (ISO-8601 UTC)', required: 'yes' },
  { field: 'pathId', type: 'string (uuid)', required: 'yes' },
  { field: 'clientRef', type: 'string', required: 'yes' },
  { field: 'emitter', type: 'object', required: 'yes' },
  { field: 'emitter.orgId', type: 'string (uuid)', required: 'yes' },
  { field: 'emitter.orgRole', type: 'enum', required: 'yes' },
  { field: 'emitter.actorId', type: 'string', required: 'yes' },
  { field: 'emitter.actorRole', type: 'enum', required: 'yes' },
  { field: 'correlationId', type: 'string (uuid)', required: 'yes' },
  { field: 'causationId', type: 'string (uuid) or null', required: 'no' },
  { field: 'dataClass', type: 'enum', required: 'yes' },
  { field: 'consentRef', type: 'string (≤ 200)', required: 'one of consentRef, legalBasis' },
  { field: 'legalBasis', type: 'string (≤ 200)', required: 'one of consentRef, legalBasis' },
  { field: 'data', type: 'object', required: 'yes' },
];

const descriptions = new Map([
  ...fieldDocsOf(EventEnvelopeDto).map((field) => [field.name, field.description] as const),
  ...fieldDocsOf(EventEmitterDto).map(
    (field) => [`emitter.${field.name}`, field.description] as const,
  ),
]);

/** The envelope's fields as docs/events.md shows them; a test keeps it in step with the DTOs. */
export const ENVELOPE_FIELD_DESCRIPTIONS: readonly EnvelopeFieldDescription[] =
  ENVELOPE_FIELD_FORMATS.map((format) => {
    const description = descriptions.get(format.field);
    if (description === undefined) {
      throw new Error(`envelope field ${format.field} has no @FieldDoc`);
    }
    return { ...format, description };
  });
