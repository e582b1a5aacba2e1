/**
 * Applies decorators as if stacked above one property in this order (stacked ones run
 * bottom-up), so class-validator's metadata lists them the same way as hand-written ones.
 */
export function applyAll(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, propertyKey) => {
    for (const decorator of [...decorators].reverse()) {
      decorator(target, propertyKey);
    }
  };
}
