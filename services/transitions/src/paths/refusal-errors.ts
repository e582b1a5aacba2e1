import {
  CommandConflictError,
  CommandValidationError,
  ForbiddenCommandError,
  NotFoundError,
  PathStateConflictError,
  type CommandError,
} from '@polku/service-runtime';
import type { PathStateName, Refusal } from '../path';

/**
 * A refused command as the error the gateway maps to 409, 400, 403 or 404. A conflict with the
 * path's course names the state it is in (409 path-state-conflict, docs/path-rules.md); a repeat
 * of something already done is a plain 409 conflict, whatever the state.
 */
export function commandErrorOf(refusal: Refusal, pathState: PathStateName): CommandError {
  switch (refusal.code) {
    case 'CONFLICT':
      return new PathStateConflictError(pathState, refusal.message);
    case 'ALREADY_DONE':
      return new CommandConflictError(refusal.message);
    case 'VALIDATION_FAILED':
      return new CommandValidationError(refusal.message);
    case 'FORBIDDEN':
      return new ForbiddenCommandError(refusal.message);
    case 'NOT_FOUND':
      return new NotFoundError(refusal.message);
    case 'EARLY':
      // Only another service's event is ever early; a command deciding so is a bug here.
      throw new Error(`a command was refused as early: ${refusal.message}`);
  }
}
