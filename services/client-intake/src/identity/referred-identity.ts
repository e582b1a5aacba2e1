import type { PersonalIdentityCode } from './personal-identity-code';
import { parseClientIdentityCode, type TemporaryIdentityCode } from './temporary-identity-code';

/**
 * Who a referral says the client is, as far as identity goes: the person's permanent code (a
 * verified identity, matched to the client who has it), or a temporary code or none (an
 * unverified identity: a new client every time, docs/identity.md).
 */
export type ReferredIdentity =
  | { readonly kind: 'PERMANENT'; readonly code: PersonalIdentityCode; readonly birthDate: string }
  | { readonly kind: 'TEMPORARY'; readonly code: TemporaryIdentityCode; readonly birthDate: string }
  | { readonly kind: 'NONE'; readonly birthDate: string };

export type ReferredIdentityResult =
  | { readonly ok: true; readonly identity: ReferredIdentity }
  | { readonly ok: false; readonly reason: string };

const DAY_MS = 86_400_000;
// The oldest birth date polku takes without a code: the same first day a code can carry.
const EARLIEST_BIRTH_DATE = '1800-01-01';

/**
 * The identity part of a referral: `personalIdentityCode` (permanent or temporary) and/or
 * `birthDate`. Without a code the birth date is required; with one, a birth date given must be
 * the code's. Reasons name the field and never contain the input (it is personal data).
 */
export function referredIdentityOf(
  client: { readonly personalIdentityCode?: string; readonly birthDate?: string },
  options: { readonly now?: Date } = {},
): ReferredIdentityResult {
  const now = options.now ?? new Date();
  if (client.personalIdentityCode !== undefined) {
    const parsed = parseClientIdentityCode(client.personalIdentityCode, { now });
    if (!parsed.ok) {
      return { ok: false, reason: `client.personalIdentityCode: ${parsed.reason}` };
    }
    const birthDate = parsed.code.birthDate;
    if (client.birthDate !== undefined && client.birthDate !== birthDate) {
      return {
        ok: false,
        reason: 'client.birthDate: must be the birth date the personal identity code carries',
      };
    }
    return parsed.kind === 'PERMANENT'
      ? { ok: true, identity: { kind: 'PERMANENT', code: parsed.code, birthDate } }
      : { ok: true, identity: { kind: 'TEMPORARY', code: parsed.code, birthDate } };
  }
  if (client.birthDate === undefined) {
    return {
      ok: false,
      reason:
        'client.birthDate: is required when the client has no personal identity code (give the permanent or temporary code, or the birth date)',
    };
  }
  // A day of slack, as for codes: Finland's date runs up to a day ahead of UTC's.
  const tomorrow = new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10);
  if (client.birthDate > tomorrow) {
    return { ok: false, reason: 'client.birthDate: the birth date is in the future' };
  }
  if (client.birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, reason: 'client.birthDate: the birth date is before 1800' };
  }
  return { ok: true, identity: { kind: 'NONE', birthDate: client.birthDate } };
}
