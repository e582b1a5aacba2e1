import { type TellingChoice, toldChangeOf } from './told-rules';

const ORG = '0b3f2c1e-0000-4000-8000-000000000001';
const immediate: TellingChoice = { frequency: 'IMMEDIATE', orgId: ORG, roles: ['CASEWORKER'] };

describe('toldChangeOf', () => {
  it('should count the open items as told when a user first chooses IMMEDIATE', () => {
    expect(toldChangeOf(undefined, immediate)).toBe('MARK_OPEN_TOLD');
  });

  it('should count the open items as told when a user switches to IMMEDIATE from DAILY or NONE', () => {
    expect(toldChangeOf({ ...immediate, frequency: 'DAILY' }, immediate)).toBe('MARK_OPEN_TOLD');
    expect(toldChangeOf({ ...immediate, frequency: 'NONE' }, immediate)).toBe('MARK_OPEN_TOLD');
  });

  it('should keep what waits to be told when an IMMEDIATE user saves again with the same queues', () => {
    expect(toldChangeOf(immediate, immediate)).toBe('KEEP');
    expect(
      toldChangeOf(
        { ...immediate, roles: ['TEAM_LEAD', 'CASEWORKER'] },
        { ...immediate, roles: ['CASEWORKER', 'TEAM_LEAD'] },
      ),
    ).toBe('KEEP');
  });

  it('should count the open items as told when an IMMEDIATE user’s roles or organisation change', () => {
    expect(toldChangeOf(immediate, { ...immediate, roles: ['CASEWORKER', 'TEAM_LEAD'] })).toBe(
      'MARK_OPEN_TOLD',
    );
    expect(
      toldChangeOf(immediate, { ...immediate, orgId: '0b3f2c1e-0000-4000-8000-000000000002' }),
    ).toBe('MARK_OPEN_TOLD');
  });

  it('should forget what was told when the user leaves IMMEDIATE', () => {
    expect(toldChangeOf(immediate, { ...immediate, frequency: 'DAILY' })).toBe('FORGET');
    expect(toldChangeOf(immediate, { ...immediate, frequency: 'NONE' })).toBe('FORGET');
    expect(toldChangeOf(undefined, { ...immediate, frequency: 'NONE' })).toBe('FORGET');
  });
});
