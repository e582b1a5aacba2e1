import { CLIENT_WORK_ROLES, hasRole, type Principal } from '@polku/auth';
import { REFERRAL_LEGAL_BASES } from '@polku/contracts';
import { PreconditionFailedError } from '@polku/persistence';
import { CommandValidationError, ForbiddenCommandError } from '@polku/service-runtime';
import type { ReferralRow } from './referral.repository';

/**
 * The law under which the caller's organisation refers clients; refuses anyone but a
 * caseworker of a referring organisation.
 */
export function referrerLegalBasis(principal: Principal): string {
  const legalBasis = REFERRAL_LEGAL_BASES[principal.orgRole];
  if (!hasRole(principal, ...CLIENT_WORK_ROLES) || legalBasis === undefined) {
    throw new ForbiddenCommandError(
      'only caseworkers of a referring organisation (employment authority, TYP, social services, Kela) refer clients',
    );
  }
  return legalBasis;
}

/** An organisation refers to another, never to itself. */
export function assertNotToOneself(toOrgId: string, principal: Principal): void {
  if (toOrgId === principal.orgId) {
    throw new CommandValidationError('toOrgId: a referral cannot be made to oneself');
  }
}

/**
 * Only the receiving organisation's caseworkers answer a referral, on the version they saw
 * (that it is answered only once is a rule of the path's state: assertReferralAnswerable).
 */
export function assertReceiverMayAnswer(
  referral: ReferralRow,
  answer: { readonly principal: Principal; readonly expectedVersion: number },
): void {
  const { principal, expectedVersion } = answer;
  if (referral.to_org_id !== principal.orgId || !hasRole(principal, ...CLIENT_WORK_ROLES)) {
    throw new ForbiddenCommandError('only the receiving organisation answers a referral');
  }
  if (referral.version !== expectedVersion) {
    throw new PreconditionFailedError(expectedVersion, referral.version);
  }
}
