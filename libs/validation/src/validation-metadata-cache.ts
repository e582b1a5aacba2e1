import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type ValidationMetadataLookup = MetadataStorage['getTargetValidationMetadatas'];

/** Marks the storage so the cache is installed once, however many copies of this module load. */
const INSTALLED = Symbol.for('polku.class-validator.metadata-cache');

/**
 * Caches class-validator's lookup of a class's validation rules.
 *
 * On every `validate` call, class-validator finds a class's inherited rules by testing the class
 * against every class that has a rule (typestack/class-validator#2686, open). polku registers
 * some two hundred contract and command classes, so that scan was the largest single cost of
 * validating an event (docs/performance.md). The answer cannot change once the class exists:
 * decorators run when a class is defined, and a base class is always defined before the classes
 * that extend it. So the answer is kept per class (a WeakMap, so classes made at run time can
 * still be collected) and per combination of the other arguments (schema, groups, options).
 */
export function installValidationMetadataCache(): void {
  const storage = getMetadataStorage() as MetadataStorage & { [INSTALLED]?: true };
  if (storage[INSTALLED]) {
    return;
  }
  const lookUp: ValidationMetadataLookup = storage.getTargetValidationMetadatas.bind(storage);
  const cache = new WeakMap<object, Map<string, ReturnType<ValidationMetadataLookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let perTarget = cache.get(target);
    if (perTarget === undefined) {
      perTarget = new Map();
      cache.set(target, perTarget);
    }
    let metadatas = perTarget.get(key);
    if (metadatas === undefined) {
      metadatas = lookUp(target, schema, always, strictGroups, groups);
      perTarget.set(key, metadatas);
    }
    return metadatas;
  };
  storage[INSTALLED] = true;
}
