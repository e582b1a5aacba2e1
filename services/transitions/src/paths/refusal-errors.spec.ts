import {
  CommandConflictError,
  NotFoundError,
  PathStateConflictError,
} from '@polku/service-runtime';
import { alreadyDone, conflict, early, notFound } from '../path/path-decision';
import { commandErrorOf } from './refusal-errors';

describe('commandErrorOf', () => {
  it('should answer a refusal because of the path’s state as a path-state conflict naming the state', () => {
    const error = commandErrorOf(conflict('The measure has not ended.'), 'IN_MEASURE');

    expect(error).toBeInstanceOf(PathStateConflictError);
    expect(error.toJSON()).toEqual({
      code: 'CONFLICT',
      message: 'The measure has not ended.',
      details: { pathState: 'IN_MEASURE' },
    });
  });

  it('should answer a repeat as a plain conflict and an unknown object as not found', () => {
    const repeat = commandErrorOf(alreadyDone('Done already.'), 'FOLLOW_UP');

    expect(repeat).toBeInstanceOf(CommandConflictError);
    expect(repeat).not.toBeInstanceOf(PathStateConflictError);
    expect(commandErrorOf(notFound('No such hand-off.'), 'PLANNING')).toBeInstanceOf(NotFoundError);
  });

  it('should treat a command refused as early as a bug', () => {
    expect(() => commandErrorOf(early('on its way'), 'INTAKE')).toThrow('refused as early');
  });
});
