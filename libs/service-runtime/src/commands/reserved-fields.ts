/**
 * class-transformer skips, without a word, every key whose name is a function or accessor on
 * the DTO's prototype chain (`constructor`, `valueOf`, `toString`, `__proto__`…), so
 * `forbidNonWhitelisted` never sees them: a body with an unknown `valueOf` field would pass as
 * valid. Command DTOs have no methods, so these are the names of Object.prototype.
 */
const SILENTLY_DROPPED_KEYS = new Set([
  ...Object.getOwnPropertyNames(Object.prototype),
  'prototype',
]);

/** A field that class-transformer would drop unseen, by its path in the body. */
export interface ReservedField {
  /** `plan.goals[0].valueOf` */
  readonly field: string;
  readonly message: string;
}

function pathOf(parentPath: string, key: string, parent: object): string {
  if (Array.isArray(parent)) {
    return `${parentPath}[${key}]`;
  }
  return parentPath === '' ? key : `${parentPath}.${key}`;
}

/** Every field, at any depth, named like a member of Object.prototype. */
export function reservedFieldsIn(value: unknown, parentPath = ''): ReservedField[] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.keys(value).flatMap((key) => {
    const field = pathOf(parentPath, key, value);
    return SILENTLY_DROPPED_KEYS.has(key)
      ? [{ field, message: `property ${key} should not exist` }]
      : reservedFieldsIn((value as Record<string, unknown>)[key], field);
  });
}
