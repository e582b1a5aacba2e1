import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';

function applyAll(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

const received = (value: unknown): string => JSON.stringify(value);

/** An integer in [min, max], given as a decimal string. */
export function IntVar(min: number, max: number): PropertyDecorator {
  const message = (args: { property: string; value: unknown }) =>
    `${args.property} must be a whole number from ${min} to ${max}, got ${received(args.value)}`;
  return applyAll(
    Transform(({ value }) =>
      typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value,
    ),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}

/** `true` or `false`. */
export function BooleanVar(): PropertyDecorator {
  return applyAll(
    Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean({
      message: (args) => `${args.property} must be true or false, got ${received(args.value)}`,
    }),
  );
}

/** One of a fixed set of words. */
export function OneOfVar(allowed: readonly string[]): PropertyDecorator {
  return IsIn([...allowed], {
    message: (args) =>
      `${args.property} must be one of ${allowed.join(', ')}, got ${received(args.value)}`,
  });
}
