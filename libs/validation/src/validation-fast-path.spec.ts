import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Validate,
  ValidateIf,
  ValidateNested,
  ValidatorConstraint,
  validateSync,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';
import fc from 'fast-check';
import {
  EVENT_CONTRACTS,
  EventEnvelopeDto,
  eventContractFor,
  type EventSubject,
} from '@polku/contracts';
// The contracts' own valid events: the equivalence below runs on every registered event.
// eslint-disable-next-line @nx/enforce-module-boundaries -- test data only, never shipped
import { aValidEvent } from '../../contracts/test/wire-events';
import { passesAllRules } from './passes-all-rules';
import { validateWithFastPath } from './validation-fast-path';

const ENVELOPE_OPTIONS: ValidatorOptions = { forbidUnknownValues: true };
const DATA_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
};

/** What validateSync says, as the fast pass answers it. */
const validBySync = (object: object, options: ValidatorOptions) =>
  validateSync(object, options).length === 0;

const SUBJECTS = EVENT_CONTRACTS.map((contract) => contract.subject);

function contractOf(subject: EventSubject) {
  const contract = eventContractFor(subject);
  if (contract === undefined) {
    throw new Error(`no contract for ${subject}`);
  }
  return contract;
}

/** A valid event as a consumer decodes it, to be mutated. */
const anEnvelope = (subject: EventSubject) => aValidEvent(subject);

/** Every place a mutation can go: the object itself, each property and array item, nested. */
function pathsOf(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const here = [path];
  if (Array.isArray(value)) {
    return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, index]))];
  }
  if (typeof value === 'object' && value !== null) {
    return [
      ...here,
      ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key])),
    ];
  }
  return here;
}

/** Values that sit on the edges of polku's rules: almost-UUIDs, odd dates, identity codes… */
const EDGE_VALUES = fc.constantFrom<unknown>(
  '',
  ' ',
  'x',
  'not-a-uuid',
  '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f',
  '7C9E6679-7425-40DE-944B-E07FC1F90AE7',
  '2026-02-23',
  '2026-02-30',
  '2026-02-23T08:15:00Z',
  '2026-02-23T08:15:00.000+02:00',
  '131052-308T',
  'usr_5f3a9c21',
  'A'.repeat(2001),
  0,
  -1,
  1,
  2,
  1.5,
  99999,
  Number.NaN,
  true,
  false,
  null,
  [],
  {},
  [{}],
  ['a', 'a'],
);

const REPLACEMENT = fc.oneof(EDGE_VALUES, fc.jsonValue({ maxDepth: 2 }));

type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number };

const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: REPLACEMENT }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('add' as const),
    at: fc.nat(),
    // Field names class-transformer treats specially are refused before validation runs.
    key: fc
      .string({ minLength: 1, maxLength: 8 })
      .filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key)),
    value: REPLACEMENT,
  }),
  fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
);

/**
 * Applies a mutation in place. Values are copied in: fast-check hands the same constant objects
 * ({}, [], …) to every run, and writing into them would make them grow, even cyclic, across runs.
 */
function mutate(root: Record<string, unknown>, mutation: Mutation): void {
  const paths = pathsOf(root).filter((path) => path.length > 0);
  const path = paths[mutation.at % paths.length];
  const parent = path
    .slice(0, -1)
    .reduce<unknown>(
      (node, key) => (node as Record<string | number, unknown>)[key],
      root,
    ) as Record<string | number, unknown>;
  const key = path[path.length - 1];
  switch (mutation.kind) {
    case 'replace':
      parent[key] = structuredClone(mutation.value);
      break;
    case 'delete':
      if (Array.isArray(parent)) {
        parent.splice(Number(key), 1);
      } else {
        delete parent[key];
      }
      break;
    case 'add': {
      const target = parent[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
        (target as Record<string, unknown>)[mutation.key] = structuredClone(mutation.value);
      } else {
        parent[mutation.key] = structuredClone(mutation.value);
      }
      break;
    }
    case 'wrap':
      parent[key] = [parent[key]];
      break;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('validateWithFastPath', () => {
  it.each(SUBJECTS)('should find the valid sample of %s valid without validateSync', (subject) => {
    const event = anEnvelope(subject);
    const contract = contractOf(subject);
    const envelope = plainToInstance(EventEnvelopeDto, { ...event, data: {} });
    const data = plainToInstance(contract.payloadClass, event.data);

    expect(passesAllRules(envelope, ENVELOPE_OPTIONS)).toBe(true);
    expect(passesAllRules(data, DATA_OPTIONS)).toBe(true);
  });

  it('should agree with validateSync on every registered event, with mutated envelopes and payloads', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SUBJECTS),
        fc.array(MUTATION, { minLength: 1, maxLength: 3 }),
        (subject, mutations) => {
          const event = anEnvelope(subject);
          for (const mutation of mutations) {
            mutate(event, mutation);
          }
          const contract = contractOf(subject);
          const envelope = plainToInstance(EventEnvelopeDto, {
            ...event,
            data: isPlainObject(event.data) ? {} : event.data,
          });
          expect(passesAllRules(envelope, ENVELOPE_OPTIONS)).toBe(
            validBySync(envelope, ENVELOPE_OPTIONS),
          );
          if (isPlainObject(event.data)) {
            const data = plainToInstance(contract.payloadClass, event.data);
            expect(passesAllRules(data, DATA_OPTIONS)).toBe(validBySync(data, DATA_OPTIONS));
          }
        },
      ),
      { numRuns: 4000 },
    );
  });

  it('should follow the class-validator version it was written against', () => {
    // The pass reproduces this version's ValidationExecutor; read it again before upgrading.
    expect((require('class-validator/package.json') as { version: string }).version).toBe('0.15.1');
  });

  it('should return validateSync’s own errors when a rule is broken', () => {
    const event = anEnvelope(SUBJECTS[0]);
    const envelope = plainToInstance(EventEnvelopeDto, { ...event, id: 'nope', data: {} });

    expect(validateWithFastPath(envelope, ENVELOPE_OPTIONS)).toEqual(
      validateSync(envelope, ENVELOPE_OPTIONS),
    );
    expect(validateWithFastPath(envelope, ENVELOPE_OPTIONS).length).toBeGreaterThan(0);
  });

  it('should leave options it does not follow to validateSync, such as stripping unknown properties', () => {
    class Named {
      @IsString()
      name!: string;
    }
    const named = plainToInstance(Named, { name: 'Aino', extra: 1 });

    expect(validateWithFastPath(named, { whitelist: true })).toEqual([]);
    expect(named).toEqual({ name: 'Aino' });
    expect(
      validateWithFastPath(plainToInstance(Named, {}), { skipMissingProperties: true }),
    ).toEqual([]);
  });

  describe('rules the contracts do not use yet, against validateSync', () => {
    @ValidatorConstraint({ name: 'eventually', async: true })
    class Eventually implements ValidatorConstraintInterface {
      validate(): Promise<boolean> {
        return Promise.resolve(false);
      }
    }

    @ValidatorConstraint({ name: 'answersLater' })
    class AnswersLater implements ValidatorConstraintInterface {
      validate(): boolean {
        return Promise.resolve(false) as unknown as boolean;
      }
    }

    class Item {
      @IsUUID('4')
      id!: string;
    }

    class Parent {
      @IsIn(['A', 'B'], { each: true })
      tags!: Set<string> | string[];

      @ValidateNested({ each: true })
      @Type(() => Item)
      @ArrayMaxSize(2)
      items!: Item[];

      @ValidateIf((parent: Parent) => parent.tags instanceof Set)
      @IsInt()
      onlyWithSet?: unknown;

      @IsOptional()
      @Validate(Eventually)
      @Validate(AnswersLater)
      later?: string;
    }

    @ValidatorConstraint({ name: 'answersNothing' })
    class AnswersNothing implements ValidatorConstraintInterface {
      validate(): boolean {
        return undefined as unknown as boolean;
      }
    }

    class Loose {
      @IsOptional()
      @ValidateIf((loose: Loose) => loose.strict === true)
      @IsInt()
      count?: unknown;

      @IsOptional()
      @IsBoolean()
      strict?: boolean;

      @IsOptional()
      @IsIn(['A'], { each: true })
      codes?: unknown;

      @IsOptional()
      @ValidateNested({ each: true })
      @Type(() => Item)
      itemSet?: unknown;

      @IsOptional()
      @IsDefined()
      @ValidateNested()
      untyped?: unknown;

      @IsOptional()
      @Validate(AnswersNothing)
      unanswered?: unknown;
    }

    class Required {
      @IsDefined()
      present!: unknown;

      @ValidateNested()
      @Type(() => Item)
      item!: unknown;
    }

    class Base {
      @IsString()
      name!: unknown;
    }

    class Derived extends Base {
      @IsInt()
      size!: unknown;
    }

    const ITEM = { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7' };
    const cases: [string, () => object][] = [
      ['valid, tags as an array', () => plainToInstance(Parent, { tags: ['A'], items: [ITEM] })],
      [
        'valid, tags as a Set and the conditional rule met',
        () =>
          Object.assign(plainToInstance(Parent, { items: [ITEM] }), {
            tags: new Set(['A', 'B']),
            onlyWithSet: 3,
          }),
      ],
      [
        'a Set with a bad tag',
        () => Object.assign(plainToInstance(Parent, { items: [] }), { tags: new Set(['A', 'C']) }),
      ],
      [
        'the conditional rule broken',
        () =>
          Object.assign(plainToInstance(Parent, { items: [] }), {
            tags: new Set(['A']),
            onlyWithSet: 'x',
          }),
      ],
      [
        'a bad nested item',
        () => plainToInstance(Parent, { tags: [], items: [ITEM, { id: 'x' }] }),
      ],
      [
        'a nested item that is not an object',
        () => plainToInstance(Parent, { tags: [], items: [1] }),
      ],
      ['nested items as a plain value', () => plainToInstance(Parent, { tags: [], items: 'x' })],
      [
        'async and promise-returning rules (never waited for by validateSync)',
        () => plainToInstance(Parent, { tags: [], items: [], later: 'x' }),
      ],
      [
        'an unknown property of a nested item',
        () => plainToInstance(Parent, { tags: [], items: [{ ...ITEM, extra: true }] }),
      ],
      ['a conditional rule switched off', () => plainToInstance(Loose, { count: 'x' })],
      [
        'a conditional rule switched on',
        () => plainToInstance(Loose, { count: 'x', strict: true }),
      ],
      [
        'an each rule over a Map: its values count, not its keys',
        () => Object.assign(new Loose(), { codes: new Map([['A', 'B']]) }),
      ],
      ['an each rule given a single value', () => plainToInstance(Loose, { codes: 'B' })],
      [
        'a nested Set with a bad item',
        () =>
          Object.assign(new Loose(), { itemSet: new Set([plainToInstance(Item, { id: 'x' })]) }),
      ],
      ['a nested plain object with no class', () => plainToInstance(Loose, { untyped: {} })],
      ['a validator that answers undefined', () => plainToInstance(Loose, { unanswered: 1 })],
      ['a missing required property', () => plainToInstance(Required, { item: ITEM })],
      ['a nested null', () => plainToInstance(Required, { present: 1, item: null })],
      [
        'valid, required properties present',
        () => plainToInstance(Required, { present: 1, item: ITEM }),
      ],
      [
        'a broken rule inherited from a base class',
        () => plainToInstance(Derived, { name: 1, size: 1 }),
      ],
      ['valid, inherited rules kept', () => plainToInstance(Derived, { name: 'n', size: 1 })],
    ];

    it.each(cases)('%s', (_name, make) => {
      for (const options of [ENVELOPE_OPTIONS, DATA_OPTIONS, { forbidUnknownValues: false }]) {
        expect(passesAllRules(make(), options)).toBe(validBySync(make(), options));
      }
    });

    it('should include cases on both sides of the rules', () => {
      const verdicts = cases.map(([, make]) => validBySync(make(), DATA_OPTIONS));
      expect(verdicts).toContain(true);
      expect(verdicts).toContain(false);
    });
  });
});
