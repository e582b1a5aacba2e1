import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { fieldDocsOf } from '../field-doc.decorator';
import { ISO_DATE_PATTERN, listItemClassOf, UTC_TIMESTAMP_PATTERN } from './event-validators';

/** One class-validator rule on a field (class-validator does not export the class from its root). */
export type PayloadFieldRule = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** One field of a payload class as it travels on the wire; nested fields as dotted paths. */
export interface PayloadField {
  /** `field`, `nested.field`, or `list[].field` for a field of a list's items. */
  readonly path: string;
  /** The JSON type, e.g. `string (uuid)`, `enum`, `array of object (PlanParty)`. */
  readonly type: string;
  /** False when the field is optional or required only in some cases. */
  readonly required: boolean;
  /** The field's `@FieldDoc` description. */
  readonly description: string;
  /** Its class-validator rules, in the order they are written. */
  readonly rules: readonly PayloadFieldRule[];
}

type PayloadClass = new () => object;

function rulesByProperty(payloadClass: PayloadClass): Map<string, PayloadFieldRule[]> {
  const byProperty = new Map<string, PayloadFieldRule[]>();
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(
    payloadClass,
    '',
    false,
    false,
  );
  for (const metadata of metadatas) {
    byProperty.set(metadata.propertyName, [
      ...(byProperty.get(metadata.propertyName) ?? []),
      metadata,
    ]);
  }
  // Decorators on one property run bottom-up; keep the rules in the order they are written.
  for (const [property, list] of byProperty) {
    byProperty.set(property, list.reverse());
  }
  return byProperty;
}

/** A rule's name, e.g. `isIn`, `matches`, `nestedValidation`. */
export function ruleNameOf(rule: PayloadFieldRule): string {
  return rule.name ?? rule.type;
}

/** Whether a rule is `@Matches(pattern)` with exactly this pattern. */
export function matchesPattern(rule: PayloadFieldRule, pattern: RegExp): boolean {
  const given: unknown = rule.constraints?.[0];
  return (
    ruleNameOf(rule) === 'matches' && given instanceof RegExp && given.source === pattern.source
  );
}

const ARRAY_RULES: ReadonlySet<string> = new Set([
  'isArray',
  'arrayNotEmpty',
  'arrayUnique',
  'arrayMinSize',
  'arrayMaxSize',
]);

// A field that only one case of another field, or only one of two alternatives, takes.
const CONDITIONALLY_REQUIRED: ReadonlySet<string> = new Set([
  'isOptional',
  'isRequiredOnlyWhen',
  'isAllowedOnlyWhen',
  'isExactlyOneOf',
]);

function scalarTypeOf(rules: readonly PayloadFieldRule[]): string {
  const names = new Set(rules.map(ruleNameOf));
  if (names.has('isIn')) {
    return 'enum';
  }
  if (names.has('isUuid')) {
    return 'string (uuid)';
  }
  if (rules.some((rule) => matchesPattern(rule, ISO_DATE_PATTERN))) {
    return 'string (date)';
  }
  if (rules.some((rule) => matchesPattern(rule, UTC_TIMESTAMP_PATTERN))) {
    return 'string (ISO-8601 UTC)';
  }
  if (names.has('isInt')) {
    return 'integer';
  }
  if (names.has('isNumber')) {
    return 'number';
  }
  if (names.has('isBoolean')) {
    return 'boolean';
  }
  return 'string';
}

function typeOf(
  rules: readonly PayloadFieldRule[],
  nested: PayloadClass | undefined,
  isList: boolean,
): string {
  if (nested !== undefined) {
    return isList ? `array of object (${nested.name})` : `object (${nested.name})`;
  }
  const isArray = rules.some((rule) => rule.each === true || ARRAY_RULES.has(ruleNameOf(rule)));
  return isArray ? `array of ${scalarTypeOf(rules)}` : scalarTypeOf(rules);
}

/**
 * The fields of a payload class, nested classes flattened into dotted paths (list items as
 * `list[].field`), each with its type, its rules and its `@FieldDoc` description. Throws when a
 * validated property has no `@FieldDoc` description or a documented one has no validator (the
 * payload whitelist would reject it on the wire). The event catalogue is rendered from this.
 */
export function payloadFieldsOf(payloadClass: PayloadClass, prefix = ''): PayloadField[] {
  const rulesOf = rulesByProperty(payloadClass);
  const fields = fieldDocsOf(payloadClass);
  const documented = new Set(fields.map((field) => field.name));
  for (const property of rulesOf.keys()) {
    if (!documented.has(property)) {
      throw new Error(
        `${payloadClass.name}.${property} has validators but no @FieldDoc description`,
      );
    }
  }
  return fields.flatMap((field) => {
    const rules = rulesOf.get(field.name);
    if (rules === undefined) {
      throw new Error(
        `${payloadClass.name}.${field.name} has an @FieldDoc description but no validator`,
      );
    }
    const path = `${prefix}${field.name}`;
    const listItem = listItemClassOf(payloadClass, field.name);
    const nested = rules.some((rule) => rule.type === 'nestedValidation')
      ? (listItem ??
        (Reflect.getMetadata('design:type', payloadClass.prototype, field.name) as
          PayloadClass | undefined))
      : undefined;
    const row: PayloadField = {
      path,
      type: typeOf(rules, nested, listItem !== undefined),
      required: !rules.some((rule) => CONDITIONALLY_REQUIRED.has(ruleNameOf(rule))),
      description: field.description,
      rules,
    };
    if (nested === undefined) {
      return [row];
    }
    // List items are described once, as `list[].field`.
    return [row, ...payloadFieldsOf(nested, listItem === undefined ? `${path}.` : `${path}[].`)];
  });
}
