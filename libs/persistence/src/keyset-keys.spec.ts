import { InvalidCursorError } from '@polku/contracts';
import { keysetAfter, keysetKey } from './keyset-keys';

const ID = 'a7d1c6f0-4b7e-4c55-9a55-1e7c9f0b2d11';

describe('keysetAfter', () => {
  it('should answer undefined on the first page', () => {
    expect(keysetAfter(undefined, { keys: ['timestamp'], id: 'uuid' })).toBeUndefined();
  });

  it('should give back the parts of a position this list wrote', () => {
    expect(
      keysetAfter(
        { key: '2025-01-02T03:04:05.123456Z', id: ID },
        { keys: ['timestamp'], id: 'uuid' },
      ),
    ).toEqual({ keyParts: ['2025-01-02T03:04:05.123456Z'], id: ID });
    expect(
      keysetAfter(
        { key: keysetKey(['2025-02-28', '2025-01-02T03:04:05.000000Z']), id: ID },
        { keys: ['date', 'timestamp'], id: 'uuid' },
      ),
    ).toEqual({ keyParts: ['2025-02-28', '2025-01-02T03:04:05.000000Z'], id: ID });
    expect(keysetAfter({ key: 7, id: '7' }, { keys: ['integer'], id: 'same-as-key' })).toEqual({
      keyParts: [7],
      id: '7',
    });
    expect(keysetAfter({ key: 'Kainuu | TYP', id: ID }, { keys: ['text'], id: 'uuid' })).toEqual({
      keyParts: ['Kainuu | TYP'],
      id: ID,
    });
  });

  it.each([
    ['a timestamp without microseconds', { key: '2025-01-02T03:04:05Z', id: ID }, ['timestamp']],
    [
      'a timestamp on a day that does not exist',
      { key: '2025-02-30T03:04:05.000000Z', id: ID },
      ['timestamp'],
    ],
    ['a timestamp at hour 25', { key: '2025-01-02T25:04:05.000000Z', id: ID }, ['timestamp']],
    ['SQL in a timestamp key', { key: "2025-01-02'; DROP TABLE x; --", id: ID }, ['timestamp']],
    ['a number as timestamp', { key: 1735787045, id: ID }, ['timestamp']],
    ['a date that does not exist', { key: '2025-13-01', id: ID }, ['date']],
    ['a key of too few parts', { key: '2025-01-01', id: ID }, ['date', 'timestamp']],
    ['a text as integer', { key: 'seven', id: ID }, ['integer']],
    ['an id that is not a uuid', { key: '2025-01-01', id: 'row-1' }, ['date']],
  ] as const)('should refuse %s', (_label, position, keys) => {
    expect(() => keysetAfter(position, { keys, id: 'uuid' })).toThrow(InvalidCursorError);
  });

  it('should refuse an id other than the key when the key is the id', () => {
    expect(() =>
      keysetAfter({ key: 7, id: '8' }, { keys: ['integer'], id: 'same-as-key' }),
    ).toThrow(InvalidCursorError);
  });
});
