// One table-driven spec for every event contract: the catalogue's sample of each registered
// event is valid, each contract keeps its type and data class, a required field left out is
// named, and each event's own rules (formats, invariants, cross-field and privacy rules) hold.
import type { ContractIdentity, EventRule, Expected } from '../../test/event-rules/event-rule';
import {
  INTAKE_CONTRACTS,
  INTAKE_REQUIRED,
  INTAKE_RULES,
} from '../../test/event-rules/intake-rules';
import { PLANS_CONTRACTS, PLANS_REQUIRED, PLANS_RULES } from '../../test/event-rules/plans-rules';
import {
  TRANSITIONS_CONTRACTS,
  TRANSITIONS_REQUIRED,
  TRANSITIONS_RULES,
} from '../../test/event-rules/transitions-rules';
import {
  MEETINGS_CONTRACTS,
  MEETINGS_REQUIRED,
  MEETINGS_RULES,
} from '../../test/event-rules/meetings-rules';
import { sampleEvent } from '../../test/event-catalogue/event-samples';
import { aValidEvent, errorsOf, withData } from '../../test/wire-events';
import { EVENT_CONTRACTS, eventContractFor, type EventSubject } from './event-registry';

const SUBJECTS = EVENT_CONTRACTS.map((contract) => contract.subject);

// The mapped type makes a new event without a row here fail to compile.
const IDENTITIES: { readonly [S in EventSubject]: ContractIdentity } = {
  ...INTAKE_CONTRACTS,
  ...PLANS_CONTRACTS,
  ...TRANSITIONS_CONTRACTS,
  ...MEETINGS_CONTRACTS,
};

const REQUIRED_FIELDS: readonly [EventSubject, string][] = Object.entries({
  ...INTAKE_REQUIRED,
  ...PLANS_REQUIRED,
  ...TRANSITIONS_REQUIRED,
  ...MEETINGS_REQUIRED,
}).flatMap(([subject, fields]) =>
  fields.map((field): [EventSubject, string] => [subject as EventSubject, field]),
);

const RULES: readonly EventRule[] = [
  ...INTAKE_RULES,
  ...PLANS_RULES,
  ...TRANSITIONS_RULES,
  ...MEETINGS_RULES,
];

function changed({ subject, change }: EventRule): Record<string, unknown> {
  return typeof change === 'function' ? change(aValidEvent(subject)) : withData(subject, change);
}

function expectErrors(errors: readonly string[], expected: Expected): void {
  if ('contains' in expected) {
    expect(errors).toContain(expected.contains);
  } else if ('allStartWith' in expected) {
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((error) => !error.startsWith(expected.allStartWith))).toEqual([]);
  } else {
    expect([...errors].sort()).toEqual(
      expected
        .map((error) => (typeof error === 'string' ? error : expect.stringMatching(error)))
        .sort(),
    );
  }
}

describe('every event contract', () => {
  it.each(SUBJECTS)('should accept the catalogue’s sample of %s', (subject) => {
    expect(errorsOf(subject, aValidEvent(subject))).toEqual([]);
    expect(errorsOf(subject, sampleEvent(subject))).toEqual([]);
  });

  it.each(SUBJECTS)('should keep the type and data class of %s when defined', (subject) => {
    const [type, dataClass] = IDENTITIES[subject];
    const version = Number(subject.slice(subject.lastIndexOf('.v') + 2));

    expect(eventContractFor(subject)).toMatchObject({ subject, type, dataClass, version });
  });

  it.each(REQUIRED_FIELDS)(
    'should reject %s and name data.%s when that required field is missing',
    (subject, field) => {
      const errors = errorsOf(subject, withData(subject, { [field]: undefined }));

      expect(errors.length).toBeGreaterThan(0);
      expect(errors.filter((error) => !error.startsWith(`data.${field} `))).toEqual([]);
    },
  );

  it.each(RULES)('$subject $should', (rule) => {
    expectErrors(errorsOf(rule.subject, changed(rule)), rule.expected);
  });
});
