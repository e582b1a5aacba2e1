import {
  ACTOR_ID_PATTERN,
  EVENT_CONTRACTS,
  EVENT_STREAM_SUBJECT_ROOT,
  ISO_DATE_PATTERN,
  matchesPattern,
  payloadFieldsOf,
  ruleNameOf,
  UTC_TIMESTAMP_PATTERN,
  type EventContract,
  type PayloadFieldRule,
} from '@polku/contracts';
import { ENVELOPE_FIELD_DESCRIPTIONS } from './envelope-fields';

/** One row of a payload table: a field, nested fields as dotted paths. */
export interface PayloadFieldDoc {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly rules: readonly string[];
  readonly description: string;
}

type PayloadClass = new () => object;

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

function code(text: string): string {
  return `\`${text}\``;
}

function ruleOf(
  metadata: PayloadFieldRule,
  siblings: readonly PayloadFieldRule[],
): string | undefined {
  const rule = scalarRuleOf(metadata, siblings);
  return rule !== undefined && metadata.each === true && ruleNameOf(metadata) !== 'nestedValidation'
    ? `each ${rule}`
    : rule;
}

function scalarRuleOf(
  metadata: PayloadFieldRule,
  siblings: readonly PayloadFieldRule[],
): string | undefined {
  const constraints: unknown[] = metadata.constraints ?? [];
  switch (ruleNameOf(metadata)) {
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
      if (matchesPattern(metadata, ISO_DATE_PATTERN)) {
        return 'YYYY-MM-DD';
      }
      if (matchesPattern(metadata, ACTOR_ID_PATTERN)) {
        return '1–128 characters `A-Z a-z 0-9 _ . : -`';
      }
      return matchesPattern(metadata, UTC_TIMESTAMP_PATTERN)
        ? 'ending in `Z`'
        : `matches ${code(String(constraints[0]))}`;
    case 'isIso8601':
      return siblings.some((rule) => matchesPattern(rule, UTC_TIMESTAMP_PATTERN))
        ? 'a real instant'
        : 'a real calendar date';
    case 'hasNoPersonalIdentityCode':
      return 'no personal identity code';
    default:
      // A rule this renderer does not know yet is shown by its name rather than hidden.
      return ruleNameOf(metadata);
  }
}

/**
 * The rows of a payload's table: payloadFieldsOf with each rule in words. Throws, as
 * payloadFieldsOf does, on a field without `@FieldDoc` or a documented field without a validator.
 */
export function describePayloadFields(payloadClass: PayloadClass): PayloadFieldDoc[] {
  return payloadFieldsOf(payloadClass).map((field) => ({
    path: field.path,
    type: field.type,
    required: field.required,
    rules: field.rules
      .map((rule) => ruleOf(rule, field.rules))
      .filter((rule): rule is string => rule !== undefined),
    description: field.description,
  }));
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
