import { CONSUMED_EVENT_SUBJECTS } from '@polku/bus-permissions';
import { allDurablesOf, isOperatorCommand, parseOperatorArgs } from './operator-commands';

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
    ).toEqual({
      consumer: 'transitions__x',
      ids: [4, 9],
      durables: ['d1'],
      allDurables: false,
      tables: ['t1'],
    });
  });

  it('should name one durable per consumed subject when --all-durables is given', () => {
    expect(parseOperatorArgs(['--all-durables', '--table', 't1']).allDurables).toBe(true);
    const durables = allDurablesOf('network-meetings');

    expect(durables).toHaveLength(CONSUMED_EVENT_SUBJECTS['network-meetings'].length);
    expect(durables).toContain('network-meetings__polku_intake_referral_client-referred_v1');
    expect(() => allDurablesOf('no-such-service')).toThrow(/not a polku service/);
  });

  it('should reject a dead-letter id that is not a whole number', () => {
    expect(() => parseOperatorArgs(['--id', '4;DROP'])).toThrow(/--id takes a dead-letter row id/);
  });

  it('should reject an unknown option rather than ignore it', () => {
    expect(() => parseOperatorArgs(['--everything'])).toThrow();
  });
});
