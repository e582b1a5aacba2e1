import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getMetadataStorage, IsString } from 'class-validator';
import {
  EVENT_CONTRACTS,
  EventEmitterDto,
  EventEnvelopeDto,
  FieldDoc,
  fieldDocsOf,
  listItemClassOf,
  type EventContract,
} from '@polku/contracts';
import { ENVELOPE_FIELD_DESCRIPTIONS } from './envelope-fields';
import { describePayloadFields, renderEventsDoc } from './render-events-doc';

const WORKSPACE_ROOT = resolve(__dirname, '../..');

/** Every validated property path of a class, nested classes included, straight from class-validator. */
function validatedPaths(target: new () => object, prefix = ''): string[] {
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);
  const properties = [...new Set(metadatas.map((metadata) => metadata.propertyName))];
  return properties.flatMap((property) => {
    const path = `${prefix}${property}`;
    const nested = metadatas.some(
      (metadata) => metadata.propertyName === property && metadata.type === 'nestedValidation',
    );
    if (!nested) {
      return [path];
    }
    const listItemClass = listItemClassOf(target, property);
    if (listItemClass !== undefined) {
      return [path, ...validatedPaths(listItemClass, `${path}[].`)];
    }
    const nestedClass = Reflect.getMetadata(
      'design:type',
      target.prototype,
      property,
    ) as new () => object;
    return [path, ...validatedPaths(nestedClass, `${path}.`)];
  });
}

/** The lines of the payload table in the section of one event. */
function sectionOf(doc: string, contract: EventContract<object>): string {
  const start = doc.indexOf(`### ${contract.type} v${contract.version}\n`);
  const end = doc.indexOf('\n### ', start + 1);
  return doc.slice(start, end === -1 ? undefined : end);
}

describe('renderEventsDoc', () => {
  const doc = renderEventsDoc();

  it('should mention every registered subject when rendered', () => {
    for (const contract of EVENT_CONTRACTS) {
      expect(doc).toContain(`- Subject: \`${contract.subject}\``);
    }
  });

  it('should list every payload field, nested ones as dotted paths, in its event’s section when rendered', () => {
    for (const contract of EVENT_CONTRACTS) {
      const section = sectionOf(doc, contract);
      for (const path of validatedPaths(contract.payloadClass)) {
        expect({ subject: contract.subject, row: section.includes(`| \`${path}\` |`) }).toEqual({
          subject: contract.subject,
          row: true,
        });
      }
    }
  });

  it('should take each field’s description from its @FieldDoc when rendered', () => {
    for (const contract of EVENT_CONTRACTS) {
      for (const field of fieldDocsOf(contract.payloadClass)) {
        expect(sectionOf(doc, contract)).toContain(` | ${field.description} |`);
      }
    }
  });

  it('should describe every envelope field the DTOs validate when rendered', () => {
    const described = ENVELOPE_FIELD_DESCRIPTIONS.map((field) => field.field);
    const validated = [
      ...validatedPaths(EventEnvelopeDto),
      ...validatedPaths(EventEmitterDto, 'emitter.'),
    ];

    expect([...described].sort()).toEqual([...new Set(validated)].sort());
    for (const field of described) {
      expect(doc).toContain(`| \`${field}\` |`);
    }
  });

  it('should state the versioning rule when rendered', () => {
    expect(doc).toContain('A published contract never changes');
    expect(doc).toContain('`.v<N+1>`');
  });

  it('should render the same text ending in a newline when rendered twice', () => {
    expect(renderEventsDoc()).toBe(doc);
    expect(doc.endsWith('\n')).toBe(true);
  });

  it('should equal the committed docs/events.md when the contracts are unchanged', () => {
    const committed = readFileSync(resolve(WORKSPACE_ROOT, 'docs/events.md'), 'utf8');

    // When this fails, run `npm run docs:generate` and commit docs/events.md.
    expect(committed).toBe(doc);
  });
});

describe('describePayloadFields', () => {
  it('should derive type, required and rules from the validators when a payload is described', () => {
    const contract = EVENT_CONTRACTS[0];
    const fields = Object.fromEntries(
      describePayloadFields(contract.payloadClass).map((field) => [field.path, field]),
    );

    expect(fields['referralId']).toMatchObject({ type: 'string (uuid)', required: true });
    expect(fields['fundingRef']).toMatchObject({ type: 'object (FundingRef)', required: true });
    expect(fields['fundingRef.kind']?.rules).toEqual([
      'one of `KELA_PAYMENT_COMMITMENT`, `PAY_SUBSIDY_DECISION`, `ACTIVATION_PLAN`',
    ]);
    expect(fields['desiredStart']).toMatchObject({
      type: 'string (date)',
      rules: ['YYYY-MM-DD', 'a real calendar date'],
    });
    expect(fields['priorInformationRef']).toMatchObject({ type: 'string', required: false });
  });

  it('should name lists, booleans, timestamps and cross-field rules when a payload has them', () => {
    const fields = (subject: string) => {
      const contract = EVENT_CONTRACTS.find((candidate) => candidate.subject === subject);
      return Object.fromEntries(
        describePayloadFields(contract?.payloadClass ?? Object).map((field) => [field.path, field]),
      );
    };
    const granted = fields('polku.intake.consent.consent-granted.v1');
    const withdrawn = fields('polku.intake.consent.consent-withdrawn.v1');
    const exited = fields('polku.transitions.path.client-exited.v1');

    expect(granted['orgIds']).toMatchObject({
      type: 'array of string (uuid)',
      rules: ['at least one item', 'at most 50 items', 'no duplicates'],
    });
    expect(granted['dataClasses']?.rules).toContain(
      'each one of `PATH`, `PLAN`, `ATTENDANCE`, `HEALTH_FLAG`, `FINANCE_FLAG`, `CLIENT_VOICE`, `EXPERT`',
    );
    expect(granted['validTo']?.rules).toContain('not before `validFrom`');
    expect(withdrawn['effectiveAt']).toMatchObject({
      type: 'string (ISO-8601 UTC)',
      rules: ['ending in `Z`', 'a real instant'],
    });
    expect(withdrawn['consentId']?.rules).toEqual(['differs from `withdrawnConsentId`']);
    expect(exited['confirmed']).toMatchObject({ type: 'boolean', rules: [] });
    expect(exited['destination.category']?.rules[1]).toMatch(
      /^a category of its `group`: `OUTSIDE_LABOUR_MARKET`: `PENSION`, /,
    );
  });

  it('should name list items, numbers, bounds and conditional fields when a payload has them', () => {
    const fields = (subject: string) => {
      const contract = EVENT_CONTRACTS.find((candidate) => candidate.subject === subject);
      return Object.fromEntries(
        describePayloadFields(contract?.payloadClass ?? Object).map((field) => [field.path, field]),
      );
    };
    const agreed = fields('polku.plans.plan.activation-plan-agreed.v1');
    const started = fields('polku.plans.measure.measure-started.v1');
    const requested = fields('polku.plans.statement.statement-requested.v1');

    expect(agreed['parties']).toMatchObject({
      type: 'array of object (PlanParty)',
      rules: expect.arrayContaining(['item fields validated as below']),
    });
    expect(agreed['parties[].orgId']).toMatchObject({ type: 'string (uuid)', required: true });
    expect(started['schedule.hoursPerDay']).toMatchObject({
      type: 'number',
      rules: ['more than 0', 'at most 24'],
    });
    expect(started['placement.hostOrgId']).toMatchObject({
      required: false,
      rules: ['required when `kind` is `EXTERNAL_HOST`, absent otherwise'],
    });
    expect(started['contractType']).toMatchObject({
      required: false,
      rules: [
        'one of `FIXED_TERM`, `OPEN_ENDED`',
        'only when `measureType` is `PAY_SUBSIDISED_WORK`',
      ],
    });
    expect(requested['planId']).toMatchObject({
      required: false,
      rules: ['exactly one of `measureId`, `planId`'],
    });
  });

  it('should throw when a validated property has no @FieldDoc description', () => {
    class UndocumentedPayload {
      @IsString()
      readonly note!: string;
    }

    expect(() => describePayloadFields(UndocumentedPayload)).toThrow(
      'UndocumentedPayload.note has validators but no @FieldDoc description',
    );
  });

  it('should throw when a documented property has no validator', () => {
    class UnvalidatedPayload {
      @FieldDoc('A note.')
      readonly note!: string;
    }

    expect(() => describePayloadFields(UnvalidatedPayload)).toThrow(
      'UnvalidatedPayload.note has an @FieldDoc description but no validator',
    );
  });
});

describe('fieldDocsOf', () => {
  it('should list a base class’s fields first when a payload class extends another', () => {
    class BasePayload {
      @FieldDoc('The base field.')
      @IsString()
      readonly first!: string;
    }
    class ExtendedPayload extends BasePayload {
      @FieldDoc('The added field.')
      @IsString()
      readonly second!: string;
    }

    expect(fieldDocsOf(ExtendedPayload).map((field) => field.name)).toEqual(['first', 'second']);
    expect(describePayloadFields(ExtendedPayload).map((field) => field.path)).toEqual([
      'first',
      'second',
    ]);
  });
});
