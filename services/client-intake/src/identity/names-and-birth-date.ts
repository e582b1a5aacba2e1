/**
 * The names and birth date of a person as one canonical string, so that two spellings of the
 * same names — letter case, extra or odd spaces, composed or decomposed letters (å as one
 * character or a + ring) — give the same key. It finds possible duplicates among unverified
 * clients only: names are not unique, so a match is shown to a caseworker, never acted on.
 */
export function namesAndBirthDateKey(person: {
  readonly givenNames: string;
  readonly familyName: string;
  readonly birthDate: string;
}): string {
  const name = (value: string) => value.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();
  // The separator cannot occur in a name, so "Anna Maria|Virta" and "Anna|Maria Virta" differ.
  return ['v1', name(person.familyName), name(person.givenNames), person.birthDate].join('\u0000');
}
