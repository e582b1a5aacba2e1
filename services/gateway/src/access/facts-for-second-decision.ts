import type { PathAccessFacts } from '@polku/path-access';

/**
 * The path's facts as the decision after a service's answer reads them (ADR 0014), to be
 * decided at `asOf`, the instant of the first decision. That second decision exists for one
 * thing: a consent withdrawn while the service worked holds for this answer too. So every
 * withdrawal known now counts from `asOf` at the latest, while everything else is judged as it
 * stood at `asOf` — in particular a party that the request itself ended (a receiver declining
 * a referral or a hand-off stops being a party by its own answer) keeps the answer to it.
 */
export function factsForSecondDecision(
  facts: PathAccessFacts | undefined,
  asOf: Date,
): PathAccessFacts | undefined {
  if (facts === undefined) {
    return undefined;
  }
  return {
    ...facts,
    coverages: facts.coverages.map((coverage) =>
      coverage.withdrawnAt === null || coverage.withdrawnAt.getTime() <= asOf.getTime()
        ? coverage
        : { ...coverage, withdrawnAt: asOf },
    ),
  };
}
