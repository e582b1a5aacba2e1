import { inspect } from 'node:util';
import fc from 'fast-check';
import { personalIdentityCodeCheckCharacter } from './personal-identity-code';
import { parseClientIdentityCode } from './temporary-identity-code';

const NOW = new Date('2026-06-01T12:00:00Z');
const parse = (input: string) => parseClientIdentityCode(input, { now: NOW });

describe('parseClientIdentityCode', () => {
  it('should take a permanent code as PERMANENT, as parsePersonalIdentityCode does', () => {
    const parsed = parse('131052-308T');

    expect(parsed).toMatchObject({ ok: true, kind: 'PERMANENT' });
    expect(parsed.ok && parsed.code.canonical).toBe('131052-308T');
  });

  it.each([
    ['131052-900W', '1952-10-13'],
    ['010594Y9032', '1994-05-01'],
    ['150285-999E', '1985-02-15'],
    ['240503A950X', '2003-05-24'],
  ])(
    'should take %s (individual number 900–999) as a TEMPORARY code with its birth date',
    (input, birthDate) => {
      const parsed = parse(input);

      expect(parsed).toMatchObject({ ok: true, kind: 'TEMPORARY' });
      expect(parsed.ok && parsed.code.birthDate).toBe(birthDate);
      expect(parsed.ok && parsed.code.canonical).toBe(input);
    },
  );

  it('should normalise a temporary code as it does a permanent one (spaces, dashes, case)', () => {
    const parsed = parse(' 131052\u2013900w ');

    expect(parsed.ok && parsed.kind === 'TEMPORARY' && parsed.code.canonical).toBe('131052-900W');
  });

  it('should refuse a temporary code whose check character does not match', () => {
    expect(parse('131052-900X')).toMatchObject({ ok: false, error: 'CHECK_CHARACTER' });
  });

  it.each([
    ['FORMAT', '131052-90W'],
    ['CENTURY_SIGN', '131052G900W'],
    ['BIRTH_DATE', '310252-900W'],
    ['FUTURE_BIRTH_DATE', '010130A900W'],
  ])('should refuse a temporary code with a %s error like a permanent one', (error, input) => {
    expect(parse(input)).toMatchObject({ ok: false, error });
  });

  it('should never put the input in a reason', () => {
    const refused = parse('131052-900X');

    expect(!refused.ok && refused.reason).not.toContain('131052');
  });

  it('should show only the masked form when a temporary code is printed', () => {
    const parsed = parse('131052-900W');
    if (!parsed.ok) {
      throw new Error('expected a temporary code');
    }

    expect(String(parsed.code)).toBe('131052-****');
    expect(JSON.stringify({ code: parsed.code })).toBe('{"code":"131052-****"}');
    expect(inspect(parsed.code)).not.toContain('900W');
  });

  it('should take every well-formed code with individual number 900–999 as TEMPORARY, and no other', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('1999-12-31'), noInvalidDate: true }),
        fc.integer({ min: 2, max: 999 }),
        (born, individual) => {
          const digits =
            String(born.getUTCDate()).padStart(2, '0') +
            String(born.getUTCMonth() + 1).padStart(2, '0') +
            String(born.getUTCFullYear() % 100).padStart(2, '0');
          const number = String(individual).padStart(3, '0');
          const code = `${digits}-${number}${personalIdentityCodeCheckCharacter(digits + number)}`;
          const parsed = parse(code);
          expect(parsed.ok && parsed.kind).toBe(individual >= 900 ? 'TEMPORARY' : 'PERMANENT');
        },
      ),
    );
  });
});
