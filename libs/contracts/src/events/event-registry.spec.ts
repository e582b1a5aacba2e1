import { IDS } from '../../test/event-catalogue/sample-ids';
import { samplePayload } from '../../test/event-catalogue/event-samples';
import { aValidEvent, withData, without } from '../../test/wire-events';
import { defineEvent, type EventContract } from './event-contract';
import {
  EVENT_CONTRACTS,
  EVENT_STREAM_SUBJECT_ROOT,
  eventContractFor,
  indexEventContracts,
  type EventPayloads,
  type EventSubject,
} from './event-registry';
import { validateEvent } from './event-validation';
import { CLIENT_REFERRED_V1, ClientReferredPayload } from './intake/client-referred.event';
import { FundingRef } from './shared/funding-ref';

const CLIENT_REFERRED = CLIENT_REFERRED_V1.subject;
const REFERRAL_DECLINED = 'polku.intake.referral.referral-declined.v1';
const SUBJECTS = EVENT_CONTRACTS.map((contract) => contract.subject);

function errorsOf(subject: string, raw: unknown): string[] {
  const result = validateEvent(subject, raw);
  return result.ok ? [] : result.errors;
}

describe('validateEvent', () => {
  it.each(SUBJECTS)(
    'should accept the event when a valid envelope on %s is validated',
    (subject) => {
      const result = validateEvent(subject, aValidEvent(subject));

      expect(result).toEqual({ ok: true, envelope: expect.objectContaining({ id: IDS.eventId }) });
    },
  );

  it('should give the payload as an instance of its class, nested objects too, when the event is valid', () => {
    const result = validateEvent(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED));

    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.envelope.data).toBeInstanceOf(ClientReferredPayload);
      expect(result.envelope.data.fundingRef).toBeInstanceOf(FundingRef);
      expect({
        ...result.envelope.data,
        fundingRef: { ...result.envelope.data.fundingRef },
      }).toEqual(samplePayload(CLIENT_REFERRED));
    }
  });

  it('should accept the event when it carries a legalBasis instead of a consentRef', () => {
    const event = {
      ...without(aValidEvent(CLIENT_REFERRED), 'consentRef'),
      legalBasis: 'FI-1369/2014-7',
    };

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual([]);
  });

  it('should accept the event when causationId is null for the first event of a chain', () => {
    expect(errorsOf(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED, { causationId: null }))).toEqual(
      [],
    );
    expect(errorsOf(CLIENT_REFERRED, without(aValidEvent(CLIENT_REFERRED), 'causationId'))).toEqual(
      [],
    );
  });

  it('should accept the event when the envelope has a field this version does not know', () => {
    expect(
      errorsOf(
        CLIENT_REFERRED,
        aValidEvent(CLIENT_REFERRED, { recordedAt: '2026-02-23T08:15:01.000Z' }),
      ),
    ).toEqual([]);
  });

  it('should accept the event when an optional payload field is left out', () => {
    expect(
      errorsOf(CLIENT_REFERRED, withData(CLIENT_REFERRED, { priorInformationRef: undefined })),
    ).toEqual([]);
    expect(
      errorsOf(REFERRAL_DECLINED, withData(REFERRAL_DECLINED, { alternativeSuggested: undefined })),
    ).toEqual([]);
  });

  it('should reject the event when the subject is not registered', () => {
    expect(
      errorsOf('polku.intake.referral.client-teleported.v1', aValidEvent(CLIENT_REFERRED)),
    ).toEqual(['unknown event subject "polku.intake.referral.client-teleported.v1"']);
  });

  it('should reject the event when it is not a JSON object', () => {
    expect(errorsOf(CLIENT_REFERRED, 'ClientReferred')).toEqual([
      'the event must be a JSON object',
    ]);
    expect(errorsOf(CLIENT_REFERRED, null)).toEqual(['the event must be a JSON object']);
    expect(errorsOf(CLIENT_REFERRED, [aValidEvent(CLIENT_REFERRED)])).toEqual([
      'the event must be a JSON object',
    ]);
  });

  it.each([
    [
      'type',
      'ReferralAccepted',
      'type must be "ClientReferred" for polku.intake.referral.client-referred.v1, got "ReferralAccepted"',
    ],
    ['version', 2, 'version must be 1 for polku.intake.referral.client-referred.v1, got 2'],
    [
      'dataClass',
      'PLAN',
      'dataClass must be "PATH" for polku.intake.referral.client-referred.v1, got "PLAN"',
    ],
  ])('should reject the event when its %s differs from the contract', (field, value, message) => {
    expect(errorsOf(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED, { [field]: value }))).toEqual([
      message,
    ]);
  });

  it('should reject the event when the payload has a field the contract does not define', () => {
    expect(errorsOf(CLIENT_REFERRED, withData(CLIENT_REFERRED, { clientName: 'Matti' }))).toEqual([
      'data.clientName should not exist',
    ]);
  });

  it('should reject the event when a nested payload object has a field the contract does not define', () => {
    const event = withData(CLIENT_REFERRED, {
      fundingRef: { kind: 'ACTIVATION_PLAN', reference: 'AP-1', amountEur: 1200 },
    });

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual([
      'data.fundingRef.amountEur should not exist',
    ]);
  });

  it.each(['referralId', 'toOrgId', 'fundingRef', 'desiredStart'])(
    'should reject the event and name data.%s when that required payload field is missing',
    (field) => {
      const errors = errorsOf(CLIENT_REFERRED, withData(CLIENT_REFERRED, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((error) => error.startsWith(`data.${field} `))).toBe(true);
    },
  );

  it('should reject the event and name the nested path when fundingRef.kind is not a funding kind', () => {
    const event = withData(CLIENT_REFERRED, {
      fundingRef: { kind: 'LOTTERY_WIN', reference: 'AP-1' },
    });

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual([
      'data.fundingRef.kind must be one of the following values: KELA_PAYMENT_COMMITMENT, PAY_SUBSIDY_DECISION, ACTIVATION_PLAN',
    ]);
  });

  it('should reject the event when fundingRef is an array instead of one object', () => {
    const event = withData(CLIENT_REFERRED, {
      fundingRef: [{ kind: 'ACTIVATION_PLAN', reference: 'AP-1' }],
    });

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual(['data.fundingRef must be an object']);
  });

  it('should reject the event when requestedMeasure is not a measure type', () => {
    expect(
      errorsOf(CLIENT_REFERRED, withData(CLIENT_REFERRED, { requestedMeasure: 'WORK_PRACTICE' })),
    ).toEqual([
      expect.stringMatching(
        /^data\.requestedMeasure must be one of the following values: REHABILITATIVE_WORK_ACTIVITY, /,
      ),
    ]);
  });

  it.each([
    ['2026-02-30', ['data.desiredStart must be a real calendar date']],
    [
      '2026-3-2',
      [
        'data.desiredStart must be a date as YYYY-MM-DD',
        'data.desiredStart must be a real calendar date',
      ],
    ],
    ['2026-03-02T00:00:00Z', ['data.desiredStart must be a date as YYYY-MM-DD']],
  ])('should reject the event when desiredStart is %s', (desiredStart, expected) => {
    const errors = errorsOf(CLIENT_REFERRED, withData(CLIENT_REFERRED, { desiredStart }));

    expect([...errors].sort()).toEqual([...expected].sort());
  });

  it('should reject the event when consentRef and legalBasis are both missing', () => {
    expect(errorsOf(CLIENT_REFERRED, without(aValidEvent(CLIENT_REFERRED), 'consentRef'))).toEqual([
      'consentRef or legalBasis is required: every event carries exactly one of them',
    ]);
  });

  it('should reject the event when consentRef and legalBasis are both given', () => {
    expect(
      errorsOf(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED, { legalBasis: 'FI-1369/2014-7' })),
    ).toEqual([
      'consentRef and legalBasis must not both be given: every event carries exactly one of them',
    ]);
  });

  it('should reject the event when its legalBasis is empty', () => {
    const event = { ...without(aValidEvent(CLIENT_REFERRED), 'consentRef'), legalBasis: '' };

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual([
      'legalBasis must be a non-empty string of at most 200 characters',
    ]);
  });

  it.each([
    ['id', '9b2f1c3e-4d5a-4b6c-8d7e-0f1a2b3c4d5e', 'id must be a UUID'],
    [
      'occurredAt',
      '2026-02-23T10:15:00+02:00',
      'occurredAt must be an ISO-8601 UTC timestamp like 2026-03-02T08:15:00.000Z',
    ],
    ['pathId', 'path-1', 'pathId must be a UUID'],
    ['correlationId', undefined, 'correlationId must be a UUID'],
    ['version', '1', 'version must be an integer number'],
  ])('should reject the event when the envelope field %s is %s', (field, value, message) => {
    expect(errorsOf(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED, { [field]: value }))).toContain(
      message,
    );
  });

  it('should reject the event and name the nested path when an emitter role is unknown', () => {
    const event = aValidEvent(CLIENT_REFERRED, {
      emitter: {
        orgId: IDS.providerOrgId,
        orgRole: 'TE_OFFICE',
        actorId: 'usr_1',
        actorRole: 'CASEWORKER',
      },
    });

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual([
      expect.stringMatching(
        /^emitter\.orgRole must be one of the following values: EMPLOYMENT_AUTHORITY, /,
      ),
    ]);
  });

  it('should reject the event when clientRef is a personal identity code', () => {
    expect(
      errorsOf(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED, { clientRef: '131052-308T' })),
    ).toEqual([
      'clientRef must not contain a personal identity code (identity stays in client-intake)',
    ]);
  });

  it('should reject the event when a free-text payload field contains a personal identity code', () => {
    const event = withData(REFERRAL_DECLINED, {
      alternativeSuggested: 'Ask about 131052-308T at the workshop',
    });

    expect(errorsOf(REFERRAL_DECLINED, event)).toEqual([
      'data.alternativeSuggested must not contain a personal identity code (identity stays in client-intake)',
    ]);
  });

  it('should reject the event when alternativeSuggested is longer than 500 characters', () => {
    const event = withData(REFERRAL_DECLINED, { alternativeSuggested: 'x'.repeat(501) });

    expect(errorsOf(REFERRAL_DECLINED, event)).toEqual([
      'data.alternativeSuggested must be shorter than or equal to 500 characters',
    ]);
  });

  it('should reject the event when data is missing or not an object', () => {
    expect(errorsOf(CLIENT_REFERRED, without(aValidEvent(CLIENT_REFERRED), 'data'))).toEqual([
      'data must be an object',
    ]);
    expect(errorsOf(CLIENT_REFERRED, aValidEvent(CLIENT_REFERRED, { data: [] }))).toEqual([
      'data must be an object',
    ]);
  });

  it.each(['constructor', '__proto__', 'prototype'])(
    'should reject the event, not throw, when the payload has a field named %s',
    (key) => {
      const event = aValidEvent(CLIENT_REFERRED);
      const data = JSON.parse(
        JSON.stringify(event.data).replace('{', `{"${key}":{"polluted":true},`),
      ) as unknown;

      expect(errorsOf(CLIENT_REFERRED, { ...event, data })).toEqual([
        `data.${key} is not an allowed field name`,
      ]);
    },
  );

  it('should reject the event, not throw, when a nested envelope object has a field named constructor', () => {
    const event = JSON.parse(
      JSON.stringify(aValidEvent(CLIENT_REFERRED)).replace(
        '"emitter":{',
        '"emitter":{"constructor":1,',
      ),
    ) as unknown;

    expect(errorsOf(CLIENT_REFERRED, event)).toEqual([
      'emitter.constructor is not an allowed field name',
    ]);
  });

  it('should never echo a payload value in its errors when the payload is invalid', () => {
    const errors = errorsOf(
      CLIENT_REFERRED,
      withData(CLIENT_REFERRED, { toOrgId: 'Matti Meikäläinen' }),
    );

    expect(errors).toEqual(['data.toOrgId must be a UUID']);
  });
});

describe('eventContractFor', () => {
  it('should give the contract when the subject is registered', () => {
    expect(eventContractFor(CLIENT_REFERRED)).toBe(CLIENT_REFERRED_V1);
  });

  it('should give undefined when the subject is not registered', () => {
    expect(eventContractFor('polku.intake.referral.client-referred.v2')).toBeUndefined();
  });
});

describe('EVENT_CONTRACTS', () => {
  it('should use well-formed subjects under the stream root when the registry is listed', () => {
    for (const subject of SUBJECTS) {
      expect(subject).toMatch(/^polku\.[a-z]+\.[a-z-]+\.[a-z-]+\.v\d+$/);
      expect(subject.startsWith(`${EVENT_STREAM_SUBJECT_ROOT}.`)).toBe(true);
    }
  });

  it('should register every subject once when the registry is listed', () => {
    expect(new Set(SUBJECTS).size).toBe(SUBJECTS.length);
  });

  it('should keep type and version in step with the subject when the registry is listed', () => {
    for (const contract of EVENT_CONTRACTS) {
      expect(contract.subject.endsWith(`.v${contract.version}`)).toBe(true);
    }
  });
});

describe('indexEventContracts', () => {
  class SomethingHappenedPayload {}
  const somethingHappened = (subject: string, type = 'SomethingHappened'): EventContract<object> =>
    defineEvent({
      subject,
      type,
      version: 1,
      dataClass: 'PATH',
      payloadClass: SomethingHappenedPayload,
      summary: 'Something happened.',
      emittedBy: 'A test.',
    });

  it('should throw when a subject is registered twice', () => {
    const contract = somethingHappened('polku.test.thing.something-happened.v1');

    expect(() => indexEventContracts([contract, contract])).toThrow(
      'duplicate event subject polku.test.thing.something-happened.v1 in the event registry',
    );
  });

  it('should throw when two subjects share a type and version', () => {
    expect(() =>
      indexEventContracts([
        somethingHappened('polku.test.thing.something-happened.v1'),
        somethingHappened('polku.other.thing.something-happened.v1'),
      ]),
    ).toThrow('SomethingHappened v1 is registered twice in the event registry');
  });

  it('should index every contract by subject when the subjects are distinct', () => {
    const index = indexEventContracts(EVENT_CONTRACTS);

    expect([...index.keys()]).toEqual(SUBJECTS);
  });
});

describe('EventPayloads', () => {
  it('should type-check publish(subject, payload) against the subject’s payload when compiled', () => {
    const published: Array<[EventSubject, unknown]> = [];
    function publish<S extends EventSubject>(subject: S, payload: EventPayloads[S]): void {
      published.push([subject, payload]);
    }

    publish(CLIENT_REFERRED, samplePayload(CLIENT_REFERRED));
    publish('polku.intake.referral.referral-accepted.v1', {
      referralId: IDS.referralId,
      acceptedByOrgId: IDS.providerOrgId,
      expectedStart: '2026-03-09',
    });
    // @ts-expect-error a ReferralAccepted payload is not a ClientReferred payload
    publish(CLIENT_REFERRED, samplePayload('polku.intake.referral.referral-accepted.v1'));
    // @ts-expect-error an unregistered subject does not compile
    publish('polku.intake.referral.client-teleported.v1', {});

    expect(published).toHaveLength(4);
  });
});
