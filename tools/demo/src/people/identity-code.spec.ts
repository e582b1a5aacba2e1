import { SeededRandom } from '../random/seeded-random';
import { artificialIdentityCode, checkCharacter } from './identity-code';
import { newPerson } from './person';

// A code's check character, computed the way DVV describes it, independently of the module.
function expectedCheck(code: string): string {
  const digits = Number(`${code.slice(0, 6)}${code.slice(7, 10)}`);
  return '0123456789ABCDEFHJKLMNPRSTUVWXY'.charAt(digits % 31);
}

describe('artificial identity codes', () => {
  it('should compute the check character of known codes', () => {
    // DVV's and polku's documentation examples.
    expect(checkCharacter('131052', 308)).toBe('T');
    expect(checkCharacter('100190', 999)).toBe('P');
  });

  it('should make a code with the century sign, the number and its check character', () => {
    expect(artificialIdentityCode('1990-01-10', 999)).toBe('100190-999P');
    expect(artificialIdentityCode('2004-03-07', 900)).toMatch(/^070304A900[0-9A-Y]$/);
  });

  it('should refuse a number outside 900–999', () => {
    expect(() => artificialIdentityCode('1990-01-10', 899)).toThrow('900–999');
    expect(() => artificialIdentityCode('1990-01-10', 1000)).toThrow('900–999');
  });

  it('should give every generated client a valid code in the artificial range', () => {
    const codes = new Set<string>();
    for (let client = 0; client < 2_000; client += 1) {
      const person = newPerson(SeededRandom.forClient(7, client), {
        referralDate: '2026-06-15',
        ageRange: [18, 64],
      });
      const code = person.personalIdentityCode;
      expect(code).toMatch(/^\d{6}[-A]9\d\d[0-9A-Y]$/);
      expect(code.charAt(10)).toBe(expectedCheck(code));
      const [year, month, day] = person.birthDate.split('-');
      expect(code.slice(0, 6)).toBe(`${day}${month}${year.slice(2)}`);
      codes.add(code);
    }
    expect(codes.size).toBeGreaterThan(1_990);
  });
});
