/**
 * Keys that can reach an object's prototype when code copies or merges a parsed body:
 * `{"__proto__": {"isAdmin": true}}` assigned with `Object.assign` or a deep merge changes the
 * prototype of the target, and `constructor.prototype` changes every object's. JSON.parse itself
 * is safe; the keys are refused so that no code after it has to be.
 */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** A prototype key found in a body, by its path (`plan.goals[0].__proto__`). */
export interface ForbiddenKey {
  readonly field: string;
  readonly message: string;
}

/**
 * Every prototype key in a parsed body, at any depth, by path. Walks with an explicit stack:
 * depth is already bounded by the limits, but this walk does not rely on it.
 */
export function prototypeKeysIn(value: unknown): ForbiddenKey[] {
  const found: ForbiddenKey[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop() as { value: unknown; path: string };
    if (current === null || typeof current !== 'object') {
      continue;
    }
    const isArray = Array.isArray(current);
    for (const key of Object.keys(current)) {
      const field = isArray ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      if (PROTOTYPE_KEYS.has(key)) {
        found.push({
          field,
          message: `property ${key} is not allowed: it could change the prototype of the objects that read it (prototype pollution)`,
        });
      } else {
        stack.push({ value: (current as Record<string, unknown>)[key], path: field });
      }
    }
  }
  return found.sort((a, b) => a.field.localeCompare(b.field));
}
