import {
  getFromContainer,
  validateSync,
  Validator,
  type ValidationError,
  type ValidatorOptions,
} from 'class-validator';
import { followsOptions, passesAllRules } from './passes-all-rules';

/**
 * `validateSync`, with a fast first pass that only answers "no rule is broken".
 *
 * class-validator's executor builds a ValidationError (with its target and value) for every
 * property it visits, looks up and groups a class's rules on every call and formats messages on
 * the way; on polku's event envelopes that was about half of the cost of checking an event
 * (docs/performance.md). `passesAllRules` walks the same instance with the same rules — read
 * once per class from class-validator's own metadata, with the same constraint instances and
 * the same `validate` functions — and returns a boolean. Only when it says the object is valid
 * is its answer used; otherwise `validateSync` runs and its errors are returned unchanged, so
 * every error message stays class-validator's. The pass follows ValidationExecutor
 * (class-validator 0.15.1, pinned; a spec fails on any other version so that an upgrade is
 * re-read against it) step by step; options it does not follow send every call to
 * `validateSync`. An equivalence test runs both on every registered event with mutated payloads.
 *
 * Like installValidationMetadataCache, it reads a class's rules once: rules must be declared by
 * decorators when the class is defined, not added later with registerDecorator or registerSchema.
 */
export function validateWithFastPath(
  object: object,
  options: ValidatorOptions = {},
): ValidationError[] {
  if (followsOptions(options) && passesAllRules(object, options)) {
    return [];
  }
  return validateSync(object, options);
}

/** Marks the validator so the fast path is installed once, however often this is called. */
const INSTALLED = Symbol.for('polku.class-validator.fast-path');

type InstalledValidator = Validator & { [INSTALLED]?: true };

/**
 * Makes class-validator's own `validateSync` take the fast path of validateWithFastPath, for
 * every caller in the process (`validateEvent` of @polku/contracts among them). Call it once at
 * start-up, before the first validation; it is idempotent. Without it validation gives the same
 * answers, only slower: nothing is installed when this library is merely imported.
 *
 * It wraps the Validator instance of class-validator's default container, which the exported
 * `validateSync` uses; a process that gives class-validator its own container (`useContainer`)
 * keeps the plain path. Schema-based calls (`validateSync(schemaName, object)`) are not changed.
 */
export function installValidationFastPath(): void {
  const validator = getFromContainer(Validator) as InstalledValidator;
  if (validator[INSTALLED]) {
    return;
  }
  const plain = validator.validateSync.bind(validator) as (...args: unknown[]) => ValidationError[];
  const fast = (...args: unknown[]): ValidationError[] => {
    const [object, options = {}] = args;
    if (
      typeof object === 'object' &&
      object !== null &&
      followsOptions(options as ValidatorOptions) &&
      passesAllRules(object, options as ValidatorOptions)
    ) {
      return [];
    }
    return plain(...args);
  };
  validator.validateSync = fast as Validator['validateSync'];
  validator[INSTALLED] = true;
}
