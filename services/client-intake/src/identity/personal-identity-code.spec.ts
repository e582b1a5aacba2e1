import { inspect } from 'node:util';
import fc from 'fast-check';
import {
  CENTURY_SIGNS,
  normalisePersonalIdentityCode,
  parsePersonalIdentityCode,
  type PersonalIdentityCode,
  type PersonalIdentityCodeError,
  personalIdentityCodeCheckCharacter,
  personalIdentityCodeReason,
} from './personal-identity-code';

const NOW = new Date('2025-06-01T12:00:00Z');

/** The parsed code, or a failure naming the error. */
function valid(input: string, now = NOW): PersonalIdentityCode {
  const result = parsePersonalIdentityCode(input, { now });
  if (!result.ok) {
    throw new Error(`expected a valid code, got ${result.error}`);
  }
  return result.code;
}

function errorOf(input: string, now = NOW): PersonalIdentityCodeError | 'none' {
  const result = parsePersonalIdentityCode(input, { now });
  return result.ok ? 'none' : result.error;
}

const ALL_ERRORS: readonly PersonalIdentityCodeError[] = [
  'FORMAT',
  'CENTURY_SIGN',
  'BIRTH_DATE',
  'FUTURE_BIRTH_DATE',
  'INDIVIDUAL_NUMBER',
  'TEMPORARY_CODE',
  'CHECK_CHARACTER',
];
const ALL_REASONS = new Set(ALL_ERRORS.map(personalIdentityCodeReason));

const SIGNS_OF_CENTURY: Readonly<Record<number, readonly string[]>> = {
  1800: ['+'],
  1900: ['-', 'Y', 'X', 'W', 'V', 'U'],
  2000: ['A', 'B', 'C', 'D', 'E', 'F'],
};

const pad = (value: number, digits: number) => String(value).padStart(digits, '0');

/** A valid code of a person born on a day from 1.1.1800 to NOW, with any fitting sign. */
const validCode = fc
  .record({
    born: fc.date({ min: new Date('1800-01-01T00:00:00Z'), max: NOW, noInvalidDate: true }),
    individual: fc.integer({ min: 2, max: 899 }),
    signChoice: fc.nat(),
  })
  .map(({ born, individual, signChoice }) => {
    const year = born.getUTCFullYear();
    const signs = SIGNS_OF_CENTURY[year - (year % 100)];
    const digits =
      pad(born.getUTCDate(), 2) +
      pad(born.getUTCMonth() + 1, 2) +
      pad(year % 100, 2) +
      pad(individual, 3);
    const code =
      digits.slice(0, 6) +
      signs[signChoice % signs.length] +
      digits.slice(6) +
      personalIdentityCodeCheckCharacter(digits);
    return { code, birthDate: born.toISOString().slice(0, 10), signs };
  });

describe('parsePersonalIdentityCode', () => {
  describe('valid codes', () => {
    it.each([
      ['131052-308T', '1952-10-13', 'DVV’s example'],
      ['290200A002C', '2000-02-29', '2000 is a leap year'],
      ['290288-1230', '1988-02-29', '1988 is a leap year'],
      ['010101+2348', '1801-01-01', 'born in the 1800s'],
      ['311299Y876F', '1999-12-31', 'new 1900s sign Y'],
      ['010189U002F', '1989-01-01', 'new 1900s sign U'],
      ['150623B4565', '2023-06-15', 'new 2000s sign B'],
      ['010203D045F', '2003-02-01', 'new 2000s sign D'],
      ['280216F777V', '2016-02-28', 'new 2000s sign F'],
    ])('should accept %s with birth date %s when it is valid (%s)', (input, birthDate) => {
      const code = valid(input);

      expect(code.canonical).toBe(input);
      expect(code.birthDate).toBe(birthDate);
    });

    it('should accept the first and last individual numbers of persons when they are 002 and 899', () => {
      expect(valid('010100A002H').canonical).toBe('010100A002H');
      expect(valid('291100-899K').canonical).toBe('291100-899K');
    });
  });

  describe('invalid codes', () => {
    it.each([
      ['131052-308U', 'CHECK_CHARACTER', 'a wrong check character'],
      ['131052-308G', 'CHECK_CHARACTER', 'a check character not in the alphabet'],
      ['131052-308', 'FORMAT', 'ten characters'],
      ['131052-308TT', 'FORMAT', 'twelve characters'],
      ['131052308T', 'FORMAT', 'no century sign'],
      ['13105a-308T', 'FORMAT', 'a letter in the birth date'],
      ['', 'FORMAT', 'nothing'],
      ['131052Z308T', 'CENTURY_SIGN', 'the sign Z'],
      ['131052G308T', 'CENTURY_SIGN', 'the sign G'],
      ['131052_308T', 'CENTURY_SIGN', 'the sign _'],
      ['131052*308T', 'CENTURY_SIGN', 'the sign *'],
      ['131052-3O8T', 'INDIVIDUAL_NUMBER', 'a letter O in the individual number'],
      ['310290-123A', 'BIRTH_DATE', '31 February'],
      ['290200-002C', 'BIRTH_DATE', '29 February 1900 (not a leap year)'],
      ['290289-1230', 'BIRTH_DATE', '29 February 1989'],
      ['290200+002C', 'BIRTH_DATE', '29 February 1800 (not a leap year)'],
      ['000190-123A', 'BIRTH_DATE', 'day 0'],
      ['320190-123A', 'BIRTH_DATE', 'day 32'],
      ['311190-123A', 'BIRTH_DATE', '31 November'],
      ['011390-123A', 'BIRTH_DATE', 'month 13'],
      ['010199A0022', 'FUTURE_BIRTH_DATE', 'a birth in 2099'],
      ['010190-000N', 'INDIVIDUAL_NUMBER', 'individual number 000'],
      ['010190-001P', 'INDIVIDUAL_NUMBER', 'individual number 001'],
      ['010594Y9032', 'TEMPORARY_CODE', 'a DVV test person (903)'],
      ['100190Y999P', 'TEMPORARY_CODE', 'DVV’s example of individual number 999'],
    ] as const)('should refuse %s with %s when it has %s', (input, error, _case) => {
      expect(errorOf(input)).toBe(error);
    });

    it('should refuse a code born the day after tomorrow (UTC) but accept tomorrow, when Finland may already be there', () => {
      const lateEvening = new Date('2025-06-01T23:30:00Z');

      expect(errorOf('020625A002M', lateEvening)).toBe('none');
      expect(errorOf('030625A0029', lateEvening)).toBe('FUTURE_BIRTH_DATE');
    });

    it('should give a fixed reason that never contains the input when the code is invalid', () => {
      const result = parsePersonalIdentityCode('131052-308U', { now: NOW });

      expect(result).toEqual({
        ok: false,
        error: 'CHECK_CHARACTER',
        reason: 'the check character does not match the birth date and individual number',
      });
      expect(JSON.stringify(result)).not.toMatch(/131052|308/);
    });

    it('should refuse without work when the input is very long', () => {
      expect(errorOf(`131052-308T${' '.repeat(100)}`)).toBe('FORMAT');
    });
  });

  describe('normalisation', () => {
    it.each([
      ['lower-case letters', '131052-308t', '131052-308T'],
      ['a lower-case century sign', '150623b4565', '150623B4565'],
      ['surrounding whitespace', ' \t131052-308T\n', '131052-308T'],
      ['inner spaces', '131052 - 308 T', '131052-308T'],
      ['no-break spaces', '\u00a0131052-308T\u00a0', '131052-308T'],
      ['a zero-width space and a BOM', '\ufeff131052-\u200b308T', '131052-308T'],
      ['an en dash', '131052\u2013308T', '131052-308T'],
      ['an em dash', '131052\u2014308T', '131052-308T'],
      ['a minus sign', '131052\u2212308T', '131052-308T'],
      ['a hyphen', '131052\u2010308T', '131052-308T'],
      ['a non-breaking hyphen', '131052\u2011308T', '131052-308T'],
      ['a full-width hyphen-minus', '131052\uff0d308T', '131052-308T'],
    ])(
      'should give the canonical form when the code is written with %s',
      (_case, input, canonical) => {
        expect(valid(input).canonical).toBe(canonical);
      },
    );

    it('should keep the century sign when two codes differ only by it, because they are different people', () => {
      const dash = valid('131052-308T');
      const y = valid('131052Y308T');
      const x = valid('131052X308T');

      expect(new Set([dash.canonical, y.canonical, x.canonical]).size).toBe(3);
      expect(dash.equals(y)).toBe(false);
      expect(dash.equals(valid(' 131052\u2013308t'))).toBe(true);
      expect(dash.birthDate).toBe(y.birthDate);
    });

    it('should leave a string without dashes, spaces or lower case unchanged when normalised', () => {
      expect(normalisePersonalIdentityCode('131052A308T')).toBe('131052A308T');
    });
  });

  describe('masking', () => {
    it('should show the birth date and century sign and hide the individual number and check character when masked', () => {
      expect(valid('131052-308T').masked()).toBe('131052-****');
      expect(valid('150623B4565').masked()).toBe('150623B****');
    });

    it('should print the masked form when the code is logged, interpolated or serialised', () => {
      const code = valid('131052-308T');

      expect(`${code}`).toBe('131052-****');
      expect(JSON.stringify({ code })).toBe('{"code":"131052-****"}');
      expect(inspect(code)).toBe('PersonalIdentityCode(131052-****)');
      expect(inspect({ nested: code })).not.toContain('308');
    });
  });

  describe('century signs', () => {
    it('should know the thirteen signs DVV defines when listed', () => {
      expect([...CENTURY_SIGNS].sort()).toEqual(
        ['+', '-', 'A', 'B', 'C', 'D', 'E', 'F', 'U', 'V', 'W', 'X', 'Y'].sort(),
      );
    });
  });

  describe('properties', () => {
    it('should accept every generated valid code unchanged, with its birth date and mask', () => {
      fc.assert(
        fc.property(validCode, ({ code, birthDate }) => {
          const parsed = valid(code);
          expect(parsed.canonical).toBe(code);
          expect(parsed.birthDate).toBe(birthDate);
          expect(parsed.masked()).toBe(`${code.slice(0, 7)}****`);
        }),
        { numRuns: 1000 },
      );
    });

    it('should give the same canonical form when a valid code is written differently', () => {
      const writings = fc.constantFrom(
        (code: string) => code.toLowerCase(),
        (code: string) => ` ${code.slice(0, 3)} ${code.slice(3)}\t`,
        (code: string) => code.replace('-', '\u2013'),
        (code: string) => code.replace('-', '\u2212'),
        (code: string) => `\u00a0${code.toLowerCase().split('').join(' ')}\n`,
      );
      fc.assert(
        fc.property(validCode, writings, ({ code }, write) => {
          expect(valid(write(code)).canonical).toBe(code);
        }),
      );
    });

    it('should refuse the code when any one digit of it is changed', () => {
      const digitPositions = [0, 1, 2, 3, 4, 5, 7, 8, 9];
      fc.assert(
        fc.property(
          validCode,
          fc.constantFrom(...digitPositions),
          fc.integer({ min: 1, max: 9 }),
          ({ code }, position, shift) => {
            const digit = String((Number(code[position]) + shift) % 10);
            const changed = code.slice(0, position) + digit + code.slice(position + 1);
            expect(parsePersonalIdentityCode(changed, { now: NOW }).ok).toBe(false);
          },
        ),
        { numRuns: 1000 },
      );
    });

    it('should give another person when the century sign is swapped for another of the same century', () => {
      fc.assert(
        fc.property(
          validCode.filter(({ signs }) => signs.length > 1),
          fc.nat(),
          ({ code, signs }, choice) => {
            const others = signs.filter((sign) => sign !== code[6]);
            const swapped = code.slice(0, 6) + others[choice % others.length] + code.slice(7);
            expect(valid(swapped).equals(valid(code))).toBe(false);
          },
        ),
      );
    });

    it('should give only fixed reasons for any input, never parts of it', () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 20 }), (input) => {
          const result = parsePersonalIdentityCode(input, { now: NOW });
          if (!result.ok) {
            expect(ALL_REASONS.has(result.reason)).toBe(true);
          }
        }),
        { numRuns: 2000 },
      );
    });
  });
});

describe('personalIdentityCodeCheckCharacter', () => {
  it('should give DVV’s check character when given the nine digits of its example', () => {
    expect(personalIdentityCodeCheckCharacter('131052308')).toBe('T');
  });

  it('should throw when not given nine digits', () => {
    expect(() => personalIdentityCodeCheckCharacter('13105230')).toThrow(RangeError);
  });
});
