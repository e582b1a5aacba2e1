import { samplePayload } from '../../test/event-catalogue/event-samples';
import { aValidEvent, errorsOf } from '../../test/wire-events';
import { type EventContract } from './event-contract';
import { EVENT_CONTRACTS, type EventSubject } from './event-registry';
import { containsPersonalIdentityCode } from './event-validators';
import { payloadFieldsOf } from './payload-fields';

// Health detail never enters polku, only flags, and free text is allowed only in the data
// classes PLAN and CLIENT_VOICE (docs/domain.md §9, §10.1). These tests try to put health detail
// into every payload field of every registered contract.

const HEALTH_DETAIL = 'Masennus ja päihdeongelma, hoitojakso A-klinikalla kesken';
const PERSONAL_IDENTITY_CODE = '131052-308T';
const FREE_TEXT_DATA_CLASSES: ReadonlySet<string> = new Set(['PLAN', 'CLIENT_VOICE']);

// Free-text fields of contracts published before this rule was tested. A published contract
// never changes, so they stay; each one rejects identity codes, and no new one may be added
// outside PLAN and CLIENT_VOICE.
const PUBLISHED_FREE_TEXT_FIELDS: readonly string[] = [
  'polku.intake.referral.client-referred.v1 data.fundingRef.reference',
  'polku.intake.referral.client-referred.v1 data.priorInformationRef',
  'polku.intake.referral.referral-declined.v1 data.alternativeSuggested',
];

function withValueAt(payload: unknown, path: string, value: unknown): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(payload)) as Record<string, unknown>;
  const keys = path.split('.');
  let target = copy;
  keys.slice(0, -1).forEach((key, index) => {
    // A list the sample leaves out (an optional one) is created as a list, not an object.
    target[key] ??= /^\d+$/.test(keys[index + 1] ?? '') ? [] : {};
    target = target[key] as Record<string, unknown>;
  });
  target[keys[keys.length - 1] as string] = value;
  return copy;
}

/** Whether a payload field takes the text, as itself or as an item of a list. */
function acceptsText(subject: EventSubject, path: string, text: string): boolean {
  // The catalogue names a list item's field `list[].field`; on the wire it is `list.0.field`.
  const wirePath = path.replace(/\[\]/g, '.0');
  return [text, [text]].some((value) => {
    const data = withValueAt(samplePayload(subject), wirePath, value);
    const errors = errorsOf(subject, aValidEvent(subject, { data }));
    return !errors.some(
      (error) => error.startsWith(`data.${wirePath} `) || error.startsWith(`data.${wirePath}.`),
    );
  });
}

function fieldsTakingText(text: string): string[] {
  return EVENT_CONTRACTS.flatMap((contract: EventContract<object>) => {
    const subject = contract.subject as EventSubject;
    return payloadFieldsOf(contract.payloadClass)
      .filter((field) => acceptsText(subject, field.path, text))
      .map((field) => `${subject} data.${field.path}`);
  });
}

function dataClassOf(field: string): string {
  const subject = field.split(' ')[0];
  return EVENT_CONTRACTS.find((contract) => contract.subject === subject)?.dataClass ?? '';
}

describe('payload privacy', () => {
  const takingHealthDetail = fieldsTakingText(HEALTH_DETAIL);

  it('should find no payload field that takes health free text when it is outside PLAN and CLIENT_VOICE and not already published', () => {
    const offenders = takingHealthDetail.filter(
      (field) =>
        !PUBLISHED_FREE_TEXT_FIELDS.includes(field) &&
        !FREE_TEXT_DATA_CLASSES.has(dataClassOf(field)),
    );

    expect(offenders).toEqual([]);
  });

  it('should find no free-text field at all when the contract carries health flags', () => {
    expect(takingHealthDetail.filter((field) => dataClassOf(field) === 'HEALTH_FLAG')).toEqual([]);
  });

  it('should still list only real free-text fields as published exceptions when the registry is checked', () => {
    expect(
      PUBLISHED_FREE_TEXT_FIELDS.filter((field) => !takingHealthDetail.includes(field)),
    ).toEqual([]);
  });

  it('should reject a personal identity code in every field that takes free text', () => {
    expect(containsPersonalIdentityCode(`Asiakas ${PERSONAL_IDENTITY_CODE}`)).toBe(true);

    expect(fieldsTakingText(`Asiakas ${PERSONAL_IDENTITY_CODE}`)).toEqual([]);
  });

  it('should keep every health field a yes/no flag when a payload field is named after health', () => {
    const healthFields = EVENT_CONTRACTS.flatMap((contract: EventContract<object>) =>
      payloadFieldsOf(contract.payloadClass)
        .filter((field) => /health|diagnos|illness|treatment|sick|medic/i.test(field.path))
        .map((field) => ({ subject: contract.subject, path: field.path, type: field.type })),
    );

    expect(healthFields.length).toBeGreaterThan(0);
    for (const field of healthFields) {
      expect(field).toEqual({
        ...field,
        type: expect.stringMatching(/^(boolean|enum|object \(\w+\))$/),
      });
    }
  });

  it.each(EVENT_CONTRACTS.map((contract) => contract.subject))(
    'should reject health detail in a field the contract does not define when an event on %s carries it',
    (subject) => {
      const data = { ...samplePayload(subject), healthDetails: HEALTH_DETAIL };

      expect(errorsOf(subject, aValidEvent(subject, { data }))).toEqual([
        'data.healthDetails should not exist',
      ]);
    },
  );

  it.each(EVENT_CONTRACTS.map((contract) => contract.subject))(
    'should carry no personal identity code when the valid example of %s is checked',
    (subject) => {
      expect(containsPersonalIdentityCode(JSON.stringify(samplePayload(subject)))).toBe(false);
    },
  );
});
