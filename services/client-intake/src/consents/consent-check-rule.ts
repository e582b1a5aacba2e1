import { type Principal } from '@polku/auth';
import { decidePathAccess, type PathAccessFacts } from '@polku/path-access';
import type { DataClass } from '@polku/contracts';

/** A caseworker of the organisation asked about: the consent check answers for one of them. */
function caseworkerOf(orgId: string): Principal {
  return {
    userId: 'consent-check',
    orgId,
    orgRole: 'PROVIDER',
    roles: ['CASEWORKER'],
    issuer: 'polku',
  };
}

/**
 * May a caseworker of `orgId` see `dataClass` of the path now? Only allowed or not and the
 * basis; never the path's other facts.
 */
export function consentCheckAnswer(
  facts: PathAccessFacts | undefined,
  question: { readonly orgId: string; readonly dataClass: DataClass; readonly at?: Date },
) {
  const decision = decidePathAccess(
    caseworkerOf(question.orgId),
    facts,
    question.dataClass,
    question.at,
  );
  return decision.allowed
    ? { allowed: true, basis: decision.basis, relations: decision.relations }
    : { allowed: false };
}
