import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { reservedFieldsIn } from '@polku/service-runtime';
import { PROBLEM_TYPES } from '../problem/problem-details';
import { ProblemException } from '../problem/problem.exception';

/** One invalid field of a request: its path in the body (`plan.goals[0].title`) and why. */
export interface FieldError {
  readonly field: string;
  readonly message: string;
}

// Messages may be written with `$value`; the value can be client data (a name, a personal
// identity code), so any submitted value found in a message is masked. One character is too
// short to tell apart from the message's own words.
const MASK = '(value)';

function masked(message: string, value: unknown): string {
  const values = Array.isArray(value) ? value : [value];
  return values
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String)
    .filter((v) => v.length >= 2)
    .sort((a, b) => b.length - a.length)
    .reduce((text, v) => text.split(v).join(MASK), message);
}

function pathOf(parentPath: string, property: string | undefined, parentValue: unknown): string {
  if (property === undefined || property === '') {
    return parentPath;
  }
  if (Array.isArray(parentValue) && /^\d+$/.test(property)) {
    return `${parentPath}[${property}]`;
  }
  return parentPath === '' ? property : `${parentPath}.${property}`;
}

function collect(
  errors: readonly ValidationError[],
  parentPath: string,
  parentValue: unknown,
  into: FieldError[],
): FieldError[] {
  for (const error of errors) {
    const field = pathOf(parentPath, error.property, parentValue);
    for (const message of Object.values(error.constraints ?? {})) {
      into.push({ field, message: masked(message, error.value) });
    }
    collect(error.children ?? [], field, error.value, into);
  }
  return into;
}

/** Flattens class-validator's error tree into one entry per broken rule, by dotted path. */
export function fieldErrorsOf(errors: readonly ValidationError[]): FieldError[] {
  return collect(errors, '', undefined, []);
}

/** The 400 problem for a body, query or path that fails its DTO's rules. */
export function validationProblem(errors: readonly ValidationError[]): ProblemException {
  return new ProblemException({
    type: PROBLEM_TYPES.validationFailed,
    title: 'The request is not valid',
    status: 400,
    detail: 'See errors for each field that is not valid.',
    errors: fieldErrorsOf(errors),
  });
}

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The global pipe: refuses reserved field names, then validates as Nest's pipe does. */
class StrictValidationPipe extends ValidationPipe {
  /** A body declared as a DTO class (not a primitive, array or plain Object). */
  private isDtoClass(metadata: ArgumentMetadata): boolean {
    const type = metadata.metatype;
    return type !== undefined && ![String, Boolean, Number, Array, Object].includes(type as never);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // class-transformer turns an array into an array of DTOs and validates each: `[]` would
    // pass as a valid body of a command whose fields are all optional.
    if (metadata.type === 'body' && this.isDtoClass(metadata) && value === undefined) {
      // No body at all: a command whose fields are all optional, sent without any.
      return super.transform({}, metadata);
    }
    if (metadata.type === 'body' && this.isDtoClass(metadata) && !isPlainObject(value)) {
      throw new ProblemException({
        type: PROBLEM_TYPES.validationFailed,
        title: 'The request is not valid',
        status: 400,
        detail: 'The body must be a JSON object.',
        errors: [{ field: '', message: 'the body must be a JSON object' }],
      });
    }
    const reserved = reservedFieldsIn(value);
    if (reserved.length > 0) {
      throw new ProblemException({
        type: PROBLEM_TYPES.validationFailed,
        title: 'The request is not valid',
        status: 400,
        detail: 'See errors for each field that is not valid.',
        errors: reserved,
      });
    }
    return super.transform(value, metadata);
  }
}

/**
 * Validates every DTO: unknown fields are rejected (not silently dropped), and the handler gets
 * an instance of its DTO class. Nested objects are validated only when the DTO property has
 * both `@ValidateNested()` and `@Type(() => NestedDto)`.
 */
export function createValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    // The value stays on each error only to mask it and to tell array indexes from properties.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => validationProblem(errors),
  });
}
