import { PathNotVisibleError } from '../access/path-not-visible.error';
import { CommandValidationError, NotFoundError } from './command-errors';
import {
  requireEmptyBody,
  requireExpectedVersion,
  requireItemId,
  requirePathId,
} from './path-request';

const pathId = '0b7c5d2e-4a61-4f0e-9a11-6f2d8c1e0a01';

describe('path requests', () => {
  it('should give the path id of a well-formed request', () => {
    expect(requirePathId({ pathId })).toBe(pathId);
  });

  it.each([undefined, 'path-1', 7])(
    'should answer a malformed path id %p as a path not visible',
    (bad) => {
      expect(() => requirePathId({ pathId: bad as string })).toThrow(PathNotVisibleError);
    },
  );

  it('should answer a malformed item id as not found, naming the item', () => {
    expect(() => requireItemId({ pathId, id: 'x' }, 'measure')).toThrow(
      new NotFoundError('no such measure'),
    );
  });

  it.each([0, 1.5, '2'])('should refuse the expected version %p', (bad) => {
    expect(() => requireExpectedVersion({ pathId, expectedVersion: bad as number })).toThrow(
      CommandValidationError,
    );
  });

  it('should take an absent or empty body for a command without fields and refuse any field', () => {
    expect(() => requireEmptyBody({ pathId })).not.toThrow();
    expect(() => requireEmptyBody({ pathId, body: {} })).not.toThrow();
    expect(() => requireEmptyBody({ pathId, body: { reason: 'x' } })).toThrow(
      CommandValidationError,
    );
  });
});
