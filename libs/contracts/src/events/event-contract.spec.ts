import { defineEvent, type EventContract } from './event-contract';

class SomethingHappenedPayload {}

function definition(
  overrides: Partial<EventContract<SomethingHappenedPayload>> = {},
): EventContract<SomethingHappenedPayload> {
  return {
    subject: 'polku.intake.referral.something-happened.v1',
    type: 'SomethingHappened',
    version: 1,
    dataClass: 'PATH',
    payloadClass: SomethingHappenedPayload,
    summary: 'Something happened to a referral.',
    emittedBy: 'A test.',
    ...overrides,
  };
}

describe('defineEvent', () => {
  it('should give back the contract, frozen, when it is well-formed', () => {
    const contract = defineEvent(definition());

    expect(contract).toEqual(definition());
    expect(Object.isFrozen(contract)).toBe(true);
  });

  it('should accept a later version when the subject ends in the same .vN', () => {
    expect(
      defineEvent(
        definition({ subject: 'polku.intake.referral.something-happened.v12', version: 12 }),
      ).version,
    ).toBe(12);
  });

  it('should throw when the version does not match the subject suffix', () => {
    expect(() => defineEvent(definition({ version: 2 }))).toThrow(
      'event contract "polku.intake.referral.something-happened.v1": version 2 does not match the subject suffix .v1',
    );
  });

  it.each([
    'polku.intake.referral.something-happened',
    'polku.intake.referral.something-happened.V1',
    'polku.intake.referral.something-happened.v0',
    'polku.intake.referral.something-happened.v01',
    'polku.Intake.referral.something-happened.v1',
    'polku.in-take.referral.something-happened.v1',
    'polku.intake.referral_x.something-happened.v1',
    'polku.intake.referral.something--happened.v1',
    'polku.intake.referral.-something-happened.v1',
    'polku.intake.something-happened.v1',
    'polku.intake.referral.extra.something-happened.v1',
    'polku-rpc.intake.referral.something-happened.v1',
    'vtm.intake.referral.something-happened.v1',
    ' polku.intake.referral.something-happened.v1',
  ])('should throw when the subject is %j', (subject) => {
    expect(() => defineEvent(definition({ subject }))).toThrow(
      'subject must look like polku.<context>.<aggregate>.<event>.v<N> in lower-case kebab-case',
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('should throw when the version is %p', (version) => {
    expect(() => defineEvent(definition({ version }))).toThrow(
      'version must be a positive integer',
    );
  });

  it('should throw when the event token is not the type in kebab-case', () => {
    expect(() => defineEvent(definition({ type: 'SomethingElseHappened' }))).toThrow(
      'the event token "something-happened" must be the type SomethingElseHappened in kebab-case (something-else-happened)',
    );
  });

  it('should throw when the type is not PascalCase', () => {
    expect(() => defineEvent(definition({ type: 'somethingHappened' }))).toThrow(
      'type must be PascalCase',
    );
  });

  it('should throw when the data class is not one of the data classes', () => {
    expect(() =>
      defineEvent(definition({ dataClass: 'DIAGNOSIS' as EventContract<object>['dataClass'] })),
    ).toThrow('unknown data class "DIAGNOSIS"');
  });

  it('should throw when the summary or the emitter is empty', () => {
    expect(() => defineEvent(definition({ summary: ' ' }))).toThrow(
      'summary and emittedBy must not be empty',
    );
    expect(() => defineEvent(definition({ emittedBy: '' }))).toThrow(
      'summary and emittedBy must not be empty',
    );
  });
});
