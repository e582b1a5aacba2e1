import { referredIdentityOf } from './referred-identity';

const NOW = new Date('2026-06-01T12:00:00Z');
const referred = (client: { personalIdentityCode?: string; birthDate?: string }) =>
  referredIdentityOf(client, { now: NOW });

describe('referredIdentityOf', () => {
  it('should make a permanent code a PERMANENT identity with the code’s birth date', () => {
    expect(referred({ personalIdentityCode: '131052-308T' })).toMatchObject({
      ok: true,
      identity: { kind: 'PERMANENT', birthDate: '1952-10-13' },
    });
  });

  it('should make a temporary code a TEMPORARY identity, not a refusal', () => {
    expect(referred({ personalIdentityCode: '131052-900W' })).toMatchObject({
      ok: true,
      identity: { kind: 'TEMPORARY', birthDate: '1952-10-13' },
    });
  });

  it('should take no code with a birth date as NONE', () => {
    expect(referred({ birthDate: '1990-04-17' })).toEqual({
      ok: true,
      identity: { kind: 'NONE', birthDate: '1990-04-17' },
    });
  });

  it('should refuse no code and no birth date, naming birthDate', () => {
    const result = referred({});

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^client\.birthDate: is required/);
  });

  it('should refuse a birth date that is not the one the code carries', () => {
    const result = referred({ personalIdentityCode: '131052-900W', birthDate: '1952-10-14' });

    expect(!result.ok && result.reason).toBe(
      'client.birthDate: must be the birth date the personal identity code carries',
    );
  });

  it('should take a birth date that is the code’s', () => {
    expect(referred({ personalIdentityCode: '131052-308T', birthDate: '1952-10-13' }).ok).toBe(
      true,
    );
  });

  it('should refuse a birth date in the future, with a day of slack', () => {
    expect(referred({ birthDate: '2026-06-02' }).ok).toBe(true);
    expect(referred({ birthDate: '2026-06-03' })).toEqual({
      ok: false,
      reason: 'client.birthDate: the birth date is in the future',
    });
  });

  it('should refuse a birth date before 1800', () => {
    expect(referred({ birthDate: '1799-12-31' }).ok).toBe(false);
  });

  it('should refuse a code that is neither permanent nor temporary, without the input in the reason', () => {
    const result = referred({ personalIdentityCode: '131052-900X' });

    expect(!result.ok && result.reason).toMatch(
      /^client\.personalIdentityCode: the check character/,
    );
    expect(!result.ok && result.reason).not.toContain('131052');
  });
});
