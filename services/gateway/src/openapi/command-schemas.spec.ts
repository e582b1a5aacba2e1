import { fieldDocsOf } from '@polku/contracts';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { commandClasses, commandSchemas } from './command-schemas';
import type { SchemaObject } from './openapi-names';

type ContractClass = abstract new () => object;

const schemas = commandSchemas();

// Fields whose presence a cross-field rule decides: required only in some cases, or never sent.
const CONDITIONAL_RULES = new Set(['isRequiredOnlyWhen', 'isNotSent']);

function rulesOf(target: ContractClass) {
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(target, '', true, false).map((rule) => ({
    property: rule.propertyName,
    type: rule.type,
    name:
      rule.constraintCls === undefined
        ? undefined
        : storage.getTargetValidatorConstraints(rule.constraintCls)[0]?.name,
  }));
}

function schemaOf(target: ContractClass): SchemaObject {
  const schema = schemas[target.name];
  if (schema === undefined) {
    throw new Error(`no schema for ${target.name}`);
  }
  return schema;
}

describe('commandSchemas', () => {
  it('should find the command classes of @polku/contracts', () => {
    expect(commandClasses().map((target) => target.name)).toEqual(
      expect.arrayContaining(['CreateReferralCommand', 'RevisePlanCommand', 'ExitPathCommand']),
    );
  });

  it.each(commandClasses().map((target) => [target.name, target] as const))(
    'should require exactly the fields without @IsOptional when the command is %s',
    (_name, target) => {
      const rules = rulesOf(target);
      const properties = [...new Set(rules.map((rule) => rule.property))];
      const optional = new Set(
        rules
          .filter(
            (rule) =>
              rule.type === ValidationTypes.CONDITIONAL_VALIDATION ||
              CONDITIONAL_RULES.has(rule.name ?? ''),
          )
          .map((rule) => rule.property),
      );
      const schema = schemaOf(target);

      expect([...(schema.required ?? [])].sort()).toEqual(
        properties.filter((property) => !optional.has(property)).sort(),
      );
      expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...properties].sort());
    },
  );

  it.each(commandClasses().map((target) => [target.name, target] as const))(
    'should describe every FieldDoc field when the command is %s',
    (_name, target) => {
      const properties = schemaOf(target).properties ?? {};
      for (const field of fieldDocsOf(target)) {
        expect(properties[field.name]).toMatchObject({ description: field.description });
        if (field.example !== undefined) {
          expect(properties[field.name]).toMatchObject({ example: field.example });
        }
      }
    },
  );

  it('should reference the nested class when a field is @ValidateNested with @Type', () => {
    const properties = schemas.CreateReferralCommand?.properties ?? {};
    expect(properties.client).toMatchObject({
      allOf: [{ $ref: '#/components/schemas/ClientIdentityInput' }],
    });
    expect(schemas.ClientIdentityInput?.required).toEqual(
      expect.arrayContaining(['givenNames', 'addressProtected']),
    );
    // Optional since clients without a permanent code (docs/identity.md): not required.
    expect(schemas.ClientIdentityInput?.required).not.toContain('personalIdentityCode');
    expect(schemas.AgreePlanCommand?.properties?.goals).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/PlanGoalInput' },
    });
  });

  it('should list the allowed values when a field is @IsIn', () => {
    expect(schemas.ClientIdentityInput?.properties?.language).toMatchObject({
      type: 'string',
      enum: ['fi', 'sv', 'other'],
    });
    expect(schemas.ConsentInput?.properties?.dataClasses).toMatchObject({
      type: 'array',
      items: { enum: expect.arrayContaining(['PLAN']) },
    });
  });

  it('should give a date format when a field is @IsIsoDate', () => {
    expect(schemas.AcceptReferralCommand?.properties?.expectedStart).toMatchObject({
      type: 'string',
      format: 'date',
    });
  });

  it('should document the classes the command classes nest', () => {
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['ExitDestinationInput', 'BasicsChecklist', 'GasScaleInput']),
    );
  });
});
