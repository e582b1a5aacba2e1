import 'reflect-metadata';
import { getMetadataStorage } from 'class-validator';
import { type EventContract } from './event-contract';
import { ENVELOPE_FIELD_DESCRIPTIONS } from './event-envelope';
import { fieldDocsOf } from '../field-doc.decorator';
import { EVENT_CONTRACTS, EVENT_STREAM_SUBJECT_ROOT } from './event-registry';
import {
  ACTOR_ID_PATTERN,
  ISO_DATE_PATTERN,
  listItemClassOf,
  UTC_TIMESTAMP_PATTERN,
} from './event-validators';

/** One row of a payload table: a field, nested fields as dotted paths. */
export interface PayloadFieldDoc {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly rules: readonly string[];
  readonly description: string;
}

type PayloadClass = new () => object;

// class-validator does not export its ValidationMetadata class from the package root.
type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

function validationsByProperty(payloadClass: PayloadClass): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
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
  // Decorators on one property run bottom-up; show the rules in the order they are written.
  for (const [property, list] of byProperty) {
    byProperty.set(property, list.reverse());
  }
  return byProperty;
}

function nameOf(metadata: ValidationMetadata): string {
  return metadata.name ?? metadata.type;
}

function isDatePattern(metadata: ValidationMetadata): boolean {
  const pattern: unknown = metadata.constraints?.[0];
  return (
    nameOf(metadata) === 'matches' &&
    pattern instanceof RegExp &&
    pattern.source === ISO_DATE_PATTERN.source
  );
}

const ARRAY_RULES: ReadonlySet<string> = new Set([
  'isArray',
  'arrayNotEmpty',
  'arrayUnique',
  'arrayMinSize',
  'arrayMaxSize',
]);

function isTimestampPattern(metadata: ValidationMetadata): boolean {
  const pattern: unknown = metadata.constraints?.[0];
  return (
    nameOf(metadata) === 'matches' &&
    pattern instanceof RegExp &&
    pattern.source === UTC_TIMESTAMP_PATTERN.source
  );
}

function isActorIdPattern(metadata: ValidationMetadata): boolean {
  const pattern: unknown = metadata.constraints?.[0];
  return (
    nameOf(metadata) === 'matches' &&
    pattern instanceof RegExp &&
    pattern.source === ACTOR_ID_PATTERN.source
  );
}

function scalarTypeOf(validations: readonly ValidationMetadata[]): string {
  const names = new Set(validations.map(nameOf));
  if (names.has('isIn')) {
    return 'enum';
  }
  if (names.has('isUuid')) {
    return 'string (uuid)';
  }
  if (validations.some(isDatePattern)) {
    return 'string (date)';
  }
  if (validations.some(isTimestampPattern)) {
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
  validations: readonly ValidationMetadata[],
  nested: PayloadClass | undefined,
  isList: boolean,
): string {
  if (nested !== undefined) {
    return isList ? `array of object (${nested.name})` : `object (${nested.name})`;
  }
  const isArray = validations.some(
    (metadata) => metadata.each === true || ARRAY_RULES.has(nameOf(metadata)),
  );
  return isArray ? `array of ${scalarTypeOf(validations)}` : scalarTypeOf(validations);
}

/** `{ A: ['x', 'y'] }` → `` `A`: `x`, `y` ``, groups separated by semicolons. */
function codeLists(lists: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(lists)
    .map(([key, values]) => `${code(key)}: ${values.map(code).join(', ')}`)
    .join('; ');
}

/** `['kind', ['EXTERNAL_HOST']]` → `` `kind` is `EXTERNAL_HOST` ``. */
function presenceCondition(constraints: readonly unknown[]): string {
  const [property, values] = constraints as [string, readonly string[]];
  return `${code(property)} is ${values.map(code).join(' or ')}`;
}

// A field that only one case of another field, or only one of two alternatives, takes.
const CONDITIONALLY_REQUIRED: ReadonlySet<string> = new Set([
  'isOptional',
  'isRequiredOnlyWhen',
  'isAllowedOnlyWhen',
  'isExactlyOneOf',
]);

function code(text: string): string {
  return `\`${text}\``;
}

function ruleOf(
  metadata: ValidationMetadata,
  siblings: readonly ValidationMetadata[],
): string | undefined {
  const rule = scalarRuleOf(metadata, siblings);
  return rule !== undefined && metadata.each === true && nameOf(metadata) !== 'nestedValidation'
    ? `each ${rule}`
    : rule;
}

function scalarRuleOf(
  metadata: ValidationMetadata,
  siblings: readonly ValidationMetadata[],
): string | undefined {
  const constraints: unknown[] = metadata.constraints ?? [];
  switch (nameOf(metadata)) {
    case 'isOptional':
    case 'isString':
    case 'isObject':
    case 'isInt':
    case 'isNumber':
    case 'isUuid':
    case 'isBoolean':
    case 'isArray':
      return undefined;
    case 'arrayNotEmpty':
      return 'at least one item';
    case 'arrayUnique':
      return 'no duplicates';
    case 'arrayMaxSize':
      return `at most ${String(constraints[0])} items`;
    case 'isNotBefore':
      return `not before ${code(String(constraints[0]))}`;
    case 'isDifferentFrom':
      return `differs from ${code(String(constraints[0]))}`;
    case 'isDestinationCategoryOfGroup':
      return `a category of its \`group\`: ${codeLists(constraints[0] as Record<string, readonly string[]>)}`;
    case 'isDestinationSubTypeOfCategory':
      return `only for these categories, one of their kinds: ${codeLists(constraints[0] as Record<string, readonly string[]>)}`;
    case 'nestedValidation':
      return metadata.each === true
        ? 'item fields validated as below'
        : 'each field validated as below';
    case 'isRequiredOnlyWhen':
      return `required when ${presenceCondition(constraints)}, absent otherwise`;
    case 'isAllowedOnlyWhen':
      return `only when ${presenceCondition(constraints)}`;
    case 'isExactlyOneOf':
      return `exactly one of ${(constraints[0] as readonly string[]).map(code).join(', ')}`;
    case 'isIn':
      return `one of ${(constraints[0] as readonly string[]).map(code).join(', ')}`;
    case 'maxLength':
      return `at most ${String(constraints[0])} characters`;
    case 'isNotEmpty':
      return 'not empty';
    case 'min':
      return `at least ${String(constraints[0])}`;
    case 'max':
      return `at most ${String(constraints[0])}`;
    case 'isPositive':
      return 'more than 0';
    case 'isDestinationOtherThan':
      return `\`category\` not ${(constraints[0] as readonly string[]).map(code).join(' or ')}`;
    case 'isOnlyItemWhenListed':
      return `${code(String(constraints[0]))} only alone`;
    case 'isFalseWhen':
      return `false when ${presenceCondition(constraints)}`;
    case 'isPresentExactlyWhenChanged':
      return `present exactly when \`changed\` names ${code(String(constraints[0]))}`;
    case 'arrayMinSize':
      return `at least ${String(constraints[0])} items`;
    case 'matches':
      if (isDatePattern(metadata)) {
        return 'YYYY-MM-DD';
      }
      if (isActorIdPattern(metadata)) {
        return '1–128 characters `A-Z a-z 0-9 _ . : -`';
      }
      return isTimestampPattern(metadata)
        ? 'ending in `Z`'
        : `matches ${code(String(constraints[0]))}`;
    case 'isIso8601':
      return siblings.some(isTimestampPattern) ? 'a real instant' : 'a real calendar date';
    case 'hasNoPersonalIdentityCode':
      return 'no personal identity code';
    default:
      // A rule this renderer does not know yet is shown by its name rather than hidden.
      return nameOf(metadata);
  }
}

/**
 * The documented fields of a payload class, nested classes flattened into dotted paths. Throws
 * when a validated property has no `@FieldDoc` description or a documented one has no
 * validator (the payload whitelist would reject it on the wire).
 */
export function describePayloadFields(payloadClass: PayloadClass, prefix = ''): PayloadFieldDoc[] {
  const validations = validationsByProperty(payloadClass);
  const fields = fieldDocsOf(payloadClass);
  const documented = new Set(fields.map((field) => field.name));
  for (const property of validations.keys()) {
    if (!documented.has(property)) {
      throw new Error(
        `${payloadClass.name}.${property} has validators but no @FieldDoc description`,
      );
    }
  }
  return fields.flatMap((field) => {
    const own = validations.get(field.name);
    if (own === undefined) {
      throw new Error(
        `${payloadClass.name}.${field.name} has an @FieldDoc description but no validator`,
      );
    }
    const path = `${prefix}${field.name}`;
    const listItem = listItemClassOf(payloadClass, field.name);
    const nested = own.some((metadata) => metadata.type === 'nestedValidation')
      ? (listItem ??
        (Reflect.getMetadata('design:type', payloadClass.prototype, field.name) as
          PayloadClass | undefined))
      : undefined;
    const row: PayloadFieldDoc = {
      path,
      type: typeOf(own, nested, listItem !== undefined),
      required: !own.some((metadata) => CONDITIONALLY_REQUIRED.has(nameOf(metadata))),
      rules: own
        .map((metadata) => ruleOf(metadata, own))
        .filter((rule): rule is string => rule !== undefined),
      description: field.description,
    };
    if (nested === undefined) {
      return [row];
    }
    // List items are documented once, as `list[].field`.
    return [
      row,
      ...describePayloadFields(nested, listItem === undefined ? `${path}.` : `${path}[].`),
    ];
  });
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function eventSection(contract: EventContract<object>): string[] {
  return [
    `### ${contract.type} v${contract.version}`,
    '',
    `- Subject: ${code(contract.subject)}`,
    `- Data class: ${code(contract.dataClass)}`,
    `- Emitted by: ${contract.emittedBy}`,
    '',
    contract.summary,
    '',
    '| Field | Type | Required | Rules | Description |',
    '|---|---|---|---|---|',
    ...describePayloadFields(contract.payloadClass).map((field) =>
      tableRow([
        code(field.path),
        field.type,
        field.required ? 'yes' : 'no',
        field.rules.length === 0 ? '—' : field.rules.join('; '),
        field.description,
      ]),
    ),
    '',
  ];
}

/** docs/events.md: the envelope and every event contract, generated from libs/contracts. */
export function renderEventsDoc(): string {
  const contracts: readonly EventContract<object>[] = EVENT_CONTRACTS;
  return [
    '# Event catalogue',
    '',
    '<!-- Generated by `npm run docs:generate` from libs/contracts. Do not edit by hand: CI fails when it is stale. -->',
    '',
    'Every domain event travels in the same JSON envelope on a JetStream subject',
    `${code(`${EVENT_STREAM_SUBJECT_ROOT}.<context>.<aggregate>.<event>.v<N>`)}. The event stream captures`,
    `${code(`${EVENT_STREAM_SUBJECT_ROOT}.>`)}; request/reply subjects live under ${code('polku-rpc.')} instead.`,
    'Consumers check each event with `validateEvent` from `@polku/contracts`: the envelope; its',
    '`type`, `version` and `dataClass` against the contract; and `data` against the payload class.',
    'Unknown envelope fields are accepted, so the envelope can grow; unknown payload fields are',
    'rejected. An event that fails validation goes to dead letters: it never crashes a consumer and',
    'is never dropped.',
    '',
    '**Versioning.** A published contract never changes. A new payload shape is a new contract,',
    'version N+1 with the subject suffix `.v<N+1>`, published alongside version N until no consumer',
    'needs the old one; the `type` stays the same.',
    '',
    '**Privacy.** Payloads carry pseudonymous references only (`pathId`, `clientRef`, organisation',
    'and referral ids): never names or personal identity codes, and never health detail, only flags.',
    '',
    '## Envelope',
    '',
    '| Field | Type | Required | Description |',
    '|---|---|---|---|',
    ...ENVELOPE_FIELD_DESCRIPTIONS.map((field) =>
      tableRow([code(field.field), field.type, field.required, field.description]),
    ),
    '',
    '## Events',
    '',
    '| Event | Version | Subject | Data class |',
    '|---|---|---|---|',
    ...contracts.map((contract) =>
      tableRow([
        contract.type,
        String(contract.version),
        code(contract.subject),
        code(contract.dataClass),
      ]),
    ),
    '',
    ...contracts.flatMap(eventSection),
  ].join('\n');
}
