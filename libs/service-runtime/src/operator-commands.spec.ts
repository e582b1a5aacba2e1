import { isOperatorCommand, parseOperatorArgs } from './operator-commands';

describe('operator commands', () => {
  it('should recognise only the known commands when given the first argument', () => {
    expect(['migrate', 'redrive', 'rebuild-projection'].every(isOperatorCommand)).toBe(true);
    expect(isOperatorCommand('drop-everything')).toBe(false);
    expect(isOperatorCommand(undefined)).toBe(false);
  });

  it('should parse consumer, ids, durables and tables when they are given', () => {
    expect(
      parseOperatorArgs([
        '--consumer',
        'transitions__x',
        '--id',
        '4',
        '--id',
        '9',
        '--durable',
        'd1',
        '--table',
        't1',
      ]),
    ).toEqual({ consumer: 'transitions__x', ids: [4, 9], durables: ['d1'], tables: ['t1'] });
  });

  it('should reject a dead-letter id that is not a whole number', () => {
    expect(() => parseOperatorArgs(['--id', '4;DROP'])).toThrow(/--id takes a dead-letter row id/);
  });

  it('should reject an unknown option rather than ignore it', () => {
    expect(() => parseOperatorArgs(['--everything'])).toThrow();
  });
});
