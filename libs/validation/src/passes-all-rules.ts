import {
  getMetadataStorage,
  ValidationTypes,
  type ValidationArguments,
  type ValidatorOptions,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';

// The fast first pass of validateWithFastPath: ValidationExecutor (class-validator 0.15.1)
// followed step by step, answering only "no rule is broken".

/** Options that only shape error messages, and the ones the pass follows; any other disables it. */
const FOLLOWED_OPTIONS: ReadonlySet<string> = new Set([
  'whitelist',
  'forbidNonWhitelisted',
  'forbidUnknownValues',
  'dismissDefaultMessages',
  'validationError',
  'enableDebugMessages',
]);

/** Whether the pass follows every option given; see validateWithFastPath. */
export function followsOptions(options: ValidatorOptions): boolean {
  for (const [name, value] of Object.entries(options)) {
    if (value !== undefined && !FOLLOWED_OPTIONS.has(name)) {
      return false;
    }
  }
  // Whitelisting without forbidNonWhitelisted strips properties: validateSync must do that.
  return !options.whitelist || options.forbidNonWhitelisted === true;
}

/** One custom rule with the constraint instances class-validator would call for it. */
interface CompiledRule {
  readonly metadata: ValidationMetadata;
  readonly constraints: readonly ConstraintMetadata[];
}

interface CompiledProperty {
  readonly name: string;
  readonly defined: readonly CompiledRule[];
  readonly custom: readonly CompiledRule[];
  readonly nested: readonly ValidationMetadata[];
  readonly conditional: readonly ValidationMetadata[];
  readonly promiseValidation: boolean;
}

/** A class's rules as ValidationExecutor.execute groups them on every call, grouped once. */
interface CompiledClass {
  readonly hasRules: boolean;
  /** class-validator's own grouping (a plain object, prototype included), for the whitelist. */
  readonly grouped: Record<string, ValidationMetadata[]>;
  readonly properties: readonly CompiledProperty[];
}

const compiled = new WeakMap<object, Map<string, CompiledClass>>();

function compileClass(target: object, schema: string | undefined): CompiledClass {
  let perSchema = compiled.get(target);
  if (perSchema === undefined) {
    perSchema = new Map();
    compiled.set(target, perSchema);
  }
  const key = schema ?? '';
  const known = perSchema.get(key);
  if (known !== undefined) {
    return known;
  }
  const storage = getMetadataStorage();
  // The arguments execute() passes when no groups, `always` or `strictGroups` are set.
  const metadatas = storage.getTargetValidationMetadatas(
    target as new () => object,
    schema as string,
    false,
    false,
    undefined,
  );
  const grouped = storage.groupByPropertyName(metadatas);
  const rule = (metadata: ValidationMetadata): CompiledRule => ({
    metadata,
    constraints: storage.getTargetValidatorConstraints(metadata.constraintCls),
  });
  const properties = Object.keys(grouped).map((name): CompiledProperty => {
    const all = grouped[name];
    const rest = all.filter(
      (metadata) =>
        metadata.type !== ValidationTypes.IS_DEFINED && metadata.type !== ValidationTypes.WHITELIST,
    );
    return {
      name,
      defined: all.filter((metadata) => metadata.type === ValidationTypes.IS_DEFINED).map(rule),
      custom: rest
        .filter((metadata) => metadata.type === ValidationTypes.CUSTOM_VALIDATION)
        .map(rule),
      nested: rest.filter((metadata) => metadata.type === ValidationTypes.NESTED_VALIDATION),
      conditional: rest.filter(
        (metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION,
      ),
      promiseValidation: rest.some(
        (metadata) => metadata.type === ValidationTypes.PROMISE_VALIDATION,
      ),
    };
  });
  const result: CompiledClass = { hasRules: metadatas.length > 0, grouped, properties };
  perSchema.set(key, result);
  return result;
}

/** class-validator's own isPromise test (a thenable object). */
function isPromiseLike(value: unknown): boolean {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as Promise<unknown>).then === 'function'
  );
}

function isCollection(value: unknown): value is unknown[] | Set<unknown> | Map<unknown, unknown> {
  return Array.isArray(value) || value instanceof Set || value instanceof Map;
}

/** Whether validateSync(object, options) would find nothing; see validateWithFastPath. */
export function passesAllRules(object: object, options: ValidatorOptions): boolean {
  return executes(object, undefined, options);
}

/** ValidationExecutor.execute without errors. */
function executes(object: object, schema: string | undefined, options: ValidatorOptions): boolean {
  const constructor: unknown = (object as { constructor?: unknown }).constructor;
  if (typeof constructor !== 'function') {
    return false; // no class to read rules from: validateSync decides
  }
  const target = compileClass(constructor, schema);
  if (options.forbidUnknownValues !== false && !target.hasRules) {
    return false;
  }
  if (options.whitelist) {
    for (const name of Object.keys(object)) {
      // The same test as ValidationExecutor.whitelist, on the same kind of object.
      if (!target.grouped[name] || target.grouped[name].length === 0) {
        return false; // forbidNonWhitelisted (followsOptions)
      }
    }
  }
  for (const property of target.properties) {
    const value = (object as Record<string, unknown>)[property.name];
    if (value instanceof Promise && property.promiseValidation) {
      return false; // awaited by validate(); validateSync decides
    }
    if (!performs(object, value, property, options)) {
      return false;
    }
  }
  return true;
}

/** ValidationExecutor.performValidations without errors. */
function performs(
  object: object,
  value: unknown,
  property: Pick<CompiledProperty, 'name' | 'defined' | 'custom' | 'nested' | 'conditional'>,
  options: ValidatorOptions,
): boolean {
  // Every condition is evaluated, as map + reduce does there.
  let canValidate = true;
  for (const metadata of property.conditional) {
    const condition = metadata.constraints[0] as (object: object, value: unknown) => boolean;
    canValidate = condition(object, value) && canValidate;
  }
  if (!canValidate) {
    return true;
  }
  return (
    customPasses(object, value, property.defined) &&
    customPasses(object, value, property.custom) &&
    nestedPasses(value, property.nested, options)
  );
}

/** ValidationExecutor.customValidations without errors, with ignoreAsyncValidations as validateSync sets it. */
function customPasses(object: object, value: unknown, rules: readonly CompiledRule[]): boolean {
  for (const { metadata, constraints } of rules) {
    if (metadata.validateIf && !metadata.validateIf(object, value)) {
      continue;
    }
    for (const constraint of constraints) {
      if (constraint.async) {
        continue;
      }
      const args: ValidationArguments = {
        targetName: (object as { constructor?: { name: string } }).constructor?.name as string,
        property: metadata.propertyName,
        object,
        value,
        constraints: metadata.constraints,
      };
      if (!metadata.each || !isCollection(value)) {
        const valid: unknown = constraint.instance.validate(value, args);
        // A promise's verdict is never waited for by validateSync: it adds no error.
        if (!isPromiseLike(valid) && !valid) {
          return false;
        }
        continue;
      }
      const items =
        value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : [...value];
      const results: unknown[] = items.map((item) => constraint.instance.validate(item, args));
      if (!results.some(isPromiseLike) && !results.every(Boolean)) {
        return false;
      }
    }
  }
  return true;
}

/** ValidationExecutor.nestedValidations without errors. */
function nestedPasses(
  value: unknown,
  nested: readonly ValidationMetadata[],
  options: ValidatorOptions,
): boolean {
  if (value === undefined) {
    return true;
  }
  for (const metadata of nested) {
    if (isCollection(value)) {
      const items: unknown[] = [];
      (value instanceof Set ? [...value] : value).forEach((item: unknown) => items.push(item));
      for (const item of items) {
        // Each item is validated against the same nested rules, with no custom ones.
        const asProperty = { name: '', defined: [], custom: [], nested, conditional: [] };
        if (!performs(value, item, asProperty, options)) {
          return false;
        }
      }
    } else if (value instanceof Object) {
      const schema = typeof metadata.target === 'string' ? metadata.target : metadata.target.name;
      if (!executes(value, schema, options)) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}
