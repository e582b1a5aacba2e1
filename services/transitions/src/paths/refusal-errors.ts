import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
  NotFoundError,
  type CommandError,
} from '@polku/service-runtime';
import type { Refusal } from '../path';

/** A refused command as the error the gateway maps to 409, 400, 403 or 404. */
export function commandErrorOf(refusal: Refusal): CommandError {
  switch (refusal.code) {
    case 'CONFLICT':
      return new CommandConflictError(refusal.message);
    case 'VALIDATION_FAILED':
      return new CommandValidationError(refusal.message);
    case 'FORBIDDEN':
      return new ForbiddenCommandError(refusal.message);
    case 'NOT_FOUND':
      return new NotFoundError(refusal.message);
  }
}
