import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import type { PathStateName } from '@polku/contracts';
import { reservedFieldsIn } from './reserved-fields';

/**
 * Errors a command handler throws on purpose. Each becomes a remote error with a stable code
 * that the gateway maps to HTTP (problem-details.filter.ts); messages never carry client data.
 */
export abstract class CommandError extends Error {
  abstract readonly code: string;

  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The reply body (an Error's own message is not serialised). */
  toJSON(): { code: string; message: string; details?: unknown } {
    return {
      code: this.code,
      message: this.message,
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** 400: the command breaks a rule of its own (a field, or a business rule about its input). */
export class CommandValidationError extends CommandError {
  readonly code = 'VALIDATION_FAILED';
}

/** One rule of the domain or the law that a command breaks, in words a caseworker reads. */
export interface RuleViolation {
  /** Stable code of the rule, e.g. `KTT_PERIOD_MIN`. */
  readonly rule: string;
  /** The field of the command it concerns, as a dotted path, e.g. `schedule.daysPerWeek`. */
  readonly field: string;
  readonly message: string;
  /** The act the rule comes from, when it is a legal rule. */
  readonly legalSource: string | null;
}

/**
 * 422: the command is well-formed but breaks rules of the domain or the law (a schedule outside
 * the legal limits). Every broken rule is listed, so the caller can fix all of them at once.
 */
export class RuleViolationError extends CommandError {
  readonly code = 'RULE_VIOLATED';

  constructor(
    message: string,
    readonly violations: readonly RuleViolation[],
  ) {
    super(message, { violations });
  }
}

/** 409: the command conflicts with the current state (e.g. a referral already answered). */
export class CommandConflictError extends CommandError {
  readonly code = 'CONFLICT';
}

/**
 * 409: the path's state forbids the command (docs/path-rules.md). Refused up front, before
 * anything is written, so no consumer ever has to refuse the event the command would have made.
 * `pathState` is the state as the refusing service knows it; the gateway answers it as the
 * problem's `pathState` member.
 */
export class PathStateConflictError extends CommandError {
  readonly code = 'CONFLICT';

  constructor(
    readonly pathState: PathStateName,
    message: string,
  ) {
    super(message, { pathState });
  }
}

/** 404: no such thing, or one the caller may not see. */
export class NotFoundError extends CommandError {
  readonly code = 'NOT_FOUND';
}

/** 403: the caller's organisation or role may not do this at all (no resource is revealed). */
export class ForbiddenCommandError extends CommandError {
  readonly code = 'FORBIDDEN';
}

function fieldErrors(errors: readonly ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix === '' ? error.property : `${prefix}.${error.property}`;
    return [
      ...Object.keys(error.constraints ?? {}).map((rule) => `${path}: ${rule}`),
      ...fieldErrors(error.children ?? [], path),
    ];
  });
}

/**
 * Validates a command body against its contract class, as the gateway did (defence in depth:
 * a service never trusts its caller's validation). Errors name fields and rules, never values.
 */
export function validateCommand<T extends object>(type: new () => T, body: unknown): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CommandValidationError('the command body must be an object');
  }
  const reserved = reservedFieldsIn(body).map(({ field }) => `${field}: whitelistValidation`);
  if (reserved.length > 0) {
    throw new CommandValidationError(`invalid fields: ${reserved.join(', ')}`, {
      fields: reserved,
    });
  }
  const command = plainToInstance(type, body);
  const errors = validateSync(command, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    const fields = fieldErrors(errors);
    throw new CommandValidationError(`invalid fields: ${fields.join(', ')}`, { fields });
  }
  return command;
}
