import { inspect } from 'node:util';

// The Finnish personal identity code (henkilötunnus) DDMMYYCZZZQ, as DVV defines it since the
// century-sign reform of 1.1.2023 (docs/identity.md has the rules and their sources).

/** Check characters by the remainder of DDMMYYZZZ divided by 31 (no G, I, O, Q or Z). */
const CHECK_CHARACTERS = '0123456789ABCDEFHJKLMNPRSTUVWXY';

/** First year of the century each sign stands for. Signs are not interchangeable (see below). */
const CENTURY_OF_SIGN: ReadonlyMap<string, number> = new Map([
  ['+', 1800],
  ['-', 1900],
  ['Y', 1900],
  ['X', 1900],
  ['W', 1900],
  ['V', 1900],
  ['U', 1900],
  ['A', 2000],
  ['B', 2000],
  ['C', 2000],
  ['D', 2000],
  ['E', 2000],
  ['F', 2000],
]);

/** Every century sign, in DVV's order: 1800s, 1900s, 2000s. */
export const CENTURY_SIGNS: readonly string[] = [...CENTURY_OF_SIGN.keys()];

/** Why an input is not a personal identity code polku accepts. */
export type PersonalIdentityCodeError =
  | 'FORMAT'
  | 'CENTURY_SIGN'
  | 'BIRTH_DATE'
  | 'FUTURE_BIRTH_DATE'
  | 'INDIVIDUAL_NUMBER'
  | 'TEMPORARY_CODE'
  | 'CHECK_CHARACTER';

/** The reason shown to people. Fixed texts, so a reason can never carry the (personal) input. */
export function personalIdentityCodeReason(error: PersonalIdentityCodeError): string {
  switch (error) {
    case 'FORMAT':
      return 'must be 11 characters: birth date DDMMYY, century sign, individual number ZZZ and check character';
    case 'CENTURY_SIGN':
      return 'the century sign must be + (born 1800–1899), -, Y, X, W, V or U (1900–1999), or A, B, C, D, E or F (2000–2099)';
    case 'BIRTH_DATE':
      return 'the birth date is not a date of the calendar';
    case 'FUTURE_BIRTH_DATE':
      return 'the birth date is in the future';
    case 'INDIVIDUAL_NUMBER':
      return 'the individual number must be three digits from 002 to 899';
    case 'TEMPORARY_CODE':
      return 'an individual number from 900 to 999 marks a temporary or test code, not a personal identity code of the population register';
    case 'CHECK_CHARACTER':
      return 'the check character does not match the birth date and individual number';
  }
}

export type ParsePersonalIdentityCodeResult =
  | { readonly ok: true; readonly code: PersonalIdentityCode }
  | { readonly ok: false; readonly error: PersonalIdentityCodeError; readonly reason: string };

export interface ParsePersonalIdentityCodeOptions {
  /** The current time, for refusing birth dates in the future. Default: now. */
  readonly now?: Date;
}

// Separators people and word processors type instead of '-': hyphen, non-breaking hyphen,
// figure dash, en and em dash, horizontal bar, minus sign, small and full-width hyphen-minus.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
// Whitespace anywhere (\s includes no-break and other Unicode spaces and BOM), and the
// invisible characters copy and paste brings along: zero-width spaces and joiners, soft hyphen.
const INVISIBLE = /[\s\u200B-\u200D\u2060\u00AD]/g;
// Longer input is refused before any work on it.
const MAX_INPUT_LENGTH = 64;
const DAY_MS = 86_400_000;

/** The check character of the nine digits DDMMYYZZZ. */
export function personalIdentityCodeCheckCharacter(nineDigits: string): string {
  if (!/^\d{9}$/.test(nineDigits)) {
    throw new RangeError('the check character is computed from exactly nine digits');
  }
  return CHECK_CHARACTERS[Number(nineDigits) % 31];
}

/**
 * The same code however it was written: surrounding and inner whitespace and invisible
 * characters removed, Unicode dashes and minus signs made '-', letters upper case. The century
 * sign is kept as written: since 2023 it alone may tell two people apart.
 */
export function normalisePersonalIdentityCode(input: string): string {
  return input.replace(INVISIBLE, '').replace(DASHES, '-').toUpperCase();
}

/** The birth date as an ISO date, or undefined when it is not a date of the calendar. */
function calendarDate(year: number, month: number, day: number): Date | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? date
    : undefined;
}

/**
 * A valid Finnish personal identity code of a real person. Printing it — toString, JSON, util
 * inspect (console.log, loggers) — gives the masked form; only `canonical` is the whole code.
 */
export class PersonalIdentityCode {
  private constructor(
    /** The code as polku stores and compares it, e.g. 131052-308T. */
    readonly canonical: string,
    /** The birth date, ISO 8601 (YYYY-MM-DD). */
    readonly birthDate: string,
  ) {}

  /** Parses and validates; see parsePersonalIdentityCode. */
  static parse(
    input: string,
    options: ParsePersonalIdentityCodeOptions = {},
  ): ParsePersonalIdentityCodeResult {
    const failure = (error: PersonalIdentityCodeError): ParsePersonalIdentityCodeResult => ({
      ok: false,
      error,
      reason: personalIdentityCodeReason(error),
    });
    if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) {
      return failure('FORMAT');
    }
    const code = normalisePersonalIdentityCode(input);
    if (code.length !== 11 || !/^\d{6}$/.test(code.slice(0, 6))) {
      return failure('FORMAT');
    }
    const century = CENTURY_OF_SIGN.get(code[6]);
    if (century === undefined) {
      return failure('CENTURY_SIGN');
    }
    const individualNumber = code.slice(7, 10);
    if (!/^\d{3}$/.test(individualNumber)) {
      return failure('INDIVIDUAL_NUMBER');
    }
    const year = century + Number(code.slice(4, 6));
    const born = calendarDate(year, Number(code.slice(2, 4)), Number(code.slice(0, 2)));
    if (born === undefined) {
      return failure('BIRTH_DATE');
    }
    // A day of slack: Finland's date runs up to a day ahead of UTC's.
    const now = options.now ?? new Date();
    const todayUtc = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    if (born.getTime() > todayUtc + DAY_MS) {
      return failure('FUTURE_BIRTH_DATE');
    }
    const individual = Number(individualNumber);
    if (individual < 2) {
      return failure('INDIVIDUAL_NUMBER');
    }
    if (individual >= 900) {
      return failure('TEMPORARY_CODE');
    }
    const nineDigits = code.slice(0, 6) + individualNumber;
    if (code[10] !== personalIdentityCodeCheckCharacter(nineDigits)) {
      return failure('CHECK_CHARACTER');
    }
    return { ok: true, code: new PersonalIdentityCode(code, born.toISOString().slice(0, 10)) };
  }

  /**
   * Birth date and century sign shown, individual number and check character hidden:
   * 131052-****. The check character is hidden too, because with the birth date it narrows the
   * individual number to about 29 candidates.
   */
  masked(): string {
    return `${this.canonical.slice(0, 7)}****`;
  }

  /** True when both denote the same code (so the same person). */
  equals(other: PersonalIdentityCode): boolean {
    return this.canonical === other.canonical;
  }

  toString(): string {
    return this.masked();
  }

  toJSON(): string {
    return this.masked();
  }

  [inspect.custom](): string {
    return `PersonalIdentityCode(${this.masked()})`;
  }
}

/**
 * Parses a Finnish personal identity code as a person may write it (see
 * normalisePersonalIdentityCode) and validates the century sign, the birth date (a real,
 * non-future calendar date), the individual number (002–899: temporary codes 900–999 are
 * refused) and the check character. A failure's reason never contains the input.
 */
export function parsePersonalIdentityCode(
  input: string,
  options?: ParsePersonalIdentityCodeOptions,
): ParsePersonalIdentityCodeResult {
  return PersonalIdentityCode.parse(input, options);
}
