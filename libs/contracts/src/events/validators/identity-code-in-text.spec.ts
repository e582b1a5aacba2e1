import {
  containsPersonalIdentityCode,
  idContainsPersonalIdentityCode,
} from './identity-code-in-text';

// 131052-308T and 010190-123M are valid codes: the check character of 131052308 is T, of
// 010190123 M. 010190-123A has the wrong check character.
const CENTURY_SIGNS = ['+', '-', 'A', 'B', 'C', 'D', 'E', 'F', 'Y', 'X', 'W', 'V', 'U'];

describe('containsPersonalIdentityCode', () => {
  it.each<[string, string]>([
    ['in one piece', '131052-308T'],
    ['in one piece with a wrong check character', '010190-123A'],
    ['with a space before the century sign', '010190 -123M'],
    ['with spaces in the birth date', '01 01 90-123M'],
    ['with dots in the birth date', 'syntynyt 01.01.90-123M'],
    ['with a Unicode hyphen as the sign', '010190\u2010123A'],
    ['with an en dash between spaces', '131052 \u2013 308T'],
    ['with an em dash as the sign', '131052\u2014308T'],
    ['with the sign left out', '010190 123M'],
    ['with spaces everywhere', '1 3 1 0 5 2 - 3 0 8 T'],
    ['with no-break spaces', '131052\u00A0-\u00A0308T'],
    ['with a zero-width space inside', '1310\u200B52-308T'],
    ['with a soft hyphen inside', '131052-30\u00AD8T'],
    ['with a slash', '131052/308T'],
    ['in lower case, separated', '131052 a 308t'],
    ['inside a sentence', 'Asiakkaan hetu on 13.10.52-308T, soita hänelle.'],
    ['in parentheses, separated', '(131052 - 308T)'],
  ])('should find a code %s: %j', (_how, text) => {
    expect(containsPersonalIdentityCode(text)).toBe(true);
  });

  it.each(CENTURY_SIGNS)(
    'should find a code with the century sign %s, whole and separated',
    (sign) => {
      expect(containsPersonalIdentityCode(`131052${sign}308T`)).toBe(true);
      expect(containsPersonalIdentityCode(`13 10 52 ${sign} 308 T`)).toBe(true);
    },
  );

  it.each<[string, string]>([
    ['an ISO date', '2026-03-02'],
    ['a Finnish date', '02.03.2026'],
    ['a date and a time', 'tapaaminen 01.01.1990 klo 12.30'],
    ['a mobile number', '040 123 4567'],
    ['an international phone number', '+358 40 123 4567'],
    ['a landline number', '(09) 310 12345'],
    ['an amount of money', '1 234 567,89 €'],
    ['a UUID', '0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f'],
    ['a case number', 'AP-2026-000123'],
    ['a long number', '12345678901234'],
    ['a separated code with a wrong check character', '010190 -123A'],
    ['a separated code with day 32', '32 01 90-123M'],
    ['a code glued to a word before it', 'x131052-308T'],
    ['a code glued to a word after it', '131052-308TX'],
    ['a date and a year', '13.10.1952 - 2026'],
  ])('should find none in %s: %j', (_what, text) => {
    expect(containsPersonalIdentityCode(text)).toBe(false);
  });
});

describe('idContainsPersonalIdentityCode', () => {
  it.each(['131052-308T', 'ref_131052-308T', '010190A123B'])(
    'should find a code written in one piece in the id %j',
    (id) => {
      expect(idContainsPersonalIdentityCode(id)).toBe(true);
    },
  );

  it.each(['0195f3a2-7c1e-7d4b-9a6e-2f1c3b4d5e6f', 'cr_9J2kQ7xW4mZ8', '13.10.52-308T'])(
    'should look only for the compact form in the id %j',
    (id) => {
      expect(idContainsPersonalIdentityCode(id)).toBe(false);
    },
  );
});
