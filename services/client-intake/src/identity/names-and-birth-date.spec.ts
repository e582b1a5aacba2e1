import { namesAndBirthDateKey } from './names-and-birth-date';

const person = { givenNames: 'Amina Sara', familyName: 'Hassan', birthDate: '1990-04-17' };

describe('namesAndBirthDateKey', () => {
  it('should give one key for spellings that differ only in case and spaces', () => {
    expect(
      namesAndBirthDateKey({ ...person, givenNames: '  amina   SARA ', familyName: 'HASSAN' }),
    ).toBe(namesAndBirthDateKey(person));
  });

  it('should give one key for composed and decomposed letters', () => {
    const composed = { ...person, familyName: 'Åström' };
    const decomposed = { ...person, familyName: 'A\u030Astro\u0308m' };

    expect(namesAndBirthDateKey(decomposed)).toBe(namesAndBirthDateKey(composed));
  });

  it('should tell apart names split differently between given and family name', () => {
    expect(
      namesAndBirthDateKey({ ...person, givenNames: 'Amina', familyName: 'Sara Hassan' }),
    ).not.toBe(namesAndBirthDateKey(person));
  });

  it('should tell apart another birth date', () => {
    expect(namesAndBirthDateKey({ ...person, birthDate: '1990-04-18' })).not.toBe(
      namesAndBirthDateKey(person),
    );
  });
});
