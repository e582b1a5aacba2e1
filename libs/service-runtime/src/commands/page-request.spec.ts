import { encodeCursor, InvalidCursorError } from '@polku/contracts';
import { CommandValidationError } from './command-errors';
import { requirePage } from './page-request';

describe('requirePage', () => {
  it('should give the size and the decoded position when both are good', () => {
    const cursor = encodeCursor({ key: 'a', id: 'b' }, { sort: 'x' });
    expect(requirePage({ limit: 100, cursor }, { sort: 'x' })).toEqual({
      limit: 100,
      after: { key: 'a', id: 'b' },
    });
    expect(requirePage({ limit: 1 })).toEqual({ limit: 1 });
  });

  it.each([undefined, 0, 101, 2.5, '10'])('should refuse limit %j', (limit) => {
    expect(() => requirePage({ limit })).toThrow(CommandValidationError);
  });

  it('should refuse a cursor of another list or not a string', () => {
    const cursor = encodeCursor({ key: 'a', id: 'b' }, { sort: 'other' });
    expect(() => requirePage({ limit: 5, cursor }, { sort: 'x' })).toThrow(InvalidCursorError);
    expect(() => requirePage({ limit: 5, cursor: 7 })).toThrow(CommandValidationError);
  });
});
