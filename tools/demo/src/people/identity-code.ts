// Synthetic Finnish personal identity codes (henkilötunnus) for demo clients. Only individual
// numbers 900–999 are used: the range kept for temporary and artificial codes, which no
// permanent code of a real person has. polku registers such a client as "not verified" and never
// matches it to another client (docs/identity.md, "Clients without a permanent code").
import type { IsoDate } from '@polku/timers';

/** The check characters, indexed by the nine digits' remainder modulo 31. */
export const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** The first and last individual number of artificial codes. */
export const ARTIFICIAL_INDIVIDUAL_NUMBERS = { first: 900, last: 999 } as const;

/** The check character of a birth date (`DDMMYY`) and an individual number. */
export function checkCharacter(ddmmyy: string, individualNumber: number): string {
  const digits = `${ddmmyy}${String(individualNumber).padStart(3, '0')}`;
  return CHECK_CHARACTERS[Number(digits) % 31];
}

/**
 * The code of a person born on `birthDate` with an individual number of 900–999. The century
 * sign is the classic one (`-` for the 1900s, `A` for the 2000s); an odd number is a man's, an
 * even number a woman's, as in real codes.
 */
export function artificialIdentityCode(birthDate: IsoDate, individualNumber: number): string {
  const { first, last } = ARTIFICIAL_INDIVIDUAL_NUMBERS;
  if (!Number.isInteger(individualNumber) || individualNumber < first || individualNumber > last) {
    throw new Error(`an artificial code's individual number is ${first}–${last}`);
  }
  const [year, month, day] = birthDate.split('-');
  const century = Number(year.slice(0, 2));
  const sign = century === 19 ? '-' : century === 20 ? 'A' : undefined;
  if (sign === undefined) {
    throw new Error(`no demo client is born in ${year}`);
  }
  const ddmmyy = `${day}${month}${year.slice(2)}`;
  const individual = String(individualNumber);
  return `${ddmmyy}${sign}${individual}${checkCharacter(ddmmyy, individualNumber)}`;
}
