import { inspect } from 'node:util';
import {
  normalisePersonalIdentityCode,
  parsePersonalIdentityCode,
  personalIdentityCodeCheckCharacter,
  personalIdentityCodeReason,
  type ParsePersonalIdentityCodeOptions,
  type PersonalIdentityCode,
  type PersonalIdentityCodeError,
} from './personal-identity-code';

/**
 * A temporary identity code: the format of a personal identity code with an individual number
 * from 900 to 999. Hospitals and others hand them out to people not (yet) in the population
 * register, and the same code may be given to different people, so it never identifies anyone:
 * polku keeps it sealed for the caseworker and never hashes or compares it (docs/identity.md).
 */
export class TemporaryIdentityCode {
  private constructor(
    /** The code as written, normalised like a personal identity code. */
    readonly canonical: string,
    /** The birth date it carries, ISO 8601; as uncertain as the code itself. */
    readonly birthDate: string,
  ) {}

  /** Only from a code parsePersonalIdentityCode refused as TEMPORARY_CODE and nothing else. */
  static fromCheckedParts(canonical: string, birthDate: string): TemporaryIdentityCode {
    return new TemporaryIdentityCode(canonical, birthDate);
  }

  /** Birth date and century sign shown, the rest hidden, as for a permanent code. */
  masked(): string {
    return `${this.canonical.slice(0, 7)}****`;
  }

  toString(): string {
    return this.masked();
  }

  toJSON(): string {
    return this.masked();
  }

  [inspect.custom](): string {
    return `TemporaryIdentityCode(${this.masked()})`;
  }
}

/** What a client's identity code is: the person's permanent code, or a temporary one. */
export type ClientIdentityCode =
  | { readonly kind: 'PERMANENT'; readonly code: PersonalIdentityCode }
  | { readonly kind: 'TEMPORARY'; readonly code: TemporaryIdentityCode };

export type ParseClientIdentityCodeResult =
  | ({ readonly ok: true } & ClientIdentityCode)
  | { readonly ok: false; readonly error: PersonalIdentityCodeError; readonly reason: string };

/** The birth date of DDMMYYC as ISO, for a code whose date parsePersonalIdentityCode accepted. */
function birthDateOf(canonical: string): string {
  const century = { '+': 1800, A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000 }[canonical[6]];
  const year = (century ?? 1900) + Number(canonical.slice(4, 6));
  return `${String(year).padStart(4, '0')}-${canonical.slice(2, 4)}-${canonical.slice(0, 2)}`;
}

/**
 * A permanent personal identity code, or a temporary code (individual number 900–999) with the
 * same format, date and check-character rules. Everything parsePersonalIdentityCode checks
 * before the individual number holds for both; a temporary code's check character is checked
 * here, since parsePersonalIdentityCode stops at the number. Reasons never contain the input.
 */
export function parseClientIdentityCode(
  input: string,
  options?: ParsePersonalIdentityCodeOptions,
): ParseClientIdentityCodeResult {
  const parsed = parsePersonalIdentityCode(input, options);
  if (parsed.ok) {
    return { ok: true, kind: 'PERMANENT', code: parsed.code };
  }
  if (parsed.error !== 'TEMPORARY_CODE') {
    return parsed;
  }
  // Reaching TEMPORARY_CODE means format, century sign and birth date were valid.
  const normalised = normalisePersonalIdentityCode(input);
  const nineDigits = normalised.slice(0, 6) + normalised.slice(7, 10);
  if (normalised[10] !== personalIdentityCodeCheckCharacter(nineDigits)) {
    return {
      ok: false,
      error: 'CHECK_CHARACTER',
      reason: personalIdentityCodeReason('CHECK_CHARACTER'),
    };
  }
  return {
    ok: true,
    kind: 'TEMPORARY',
    code: TemporaryIdentityCode.fromCheckedParts(normalised, birthDateOf(normalised)),
  };
}
