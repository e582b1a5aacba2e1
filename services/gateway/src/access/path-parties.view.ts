import type { PathAccessFacts } from '@polku/path-access';

interface Bounded {
  until?: Date | null;
  validTo?: Date | null;
}

const isCurrent = (item: Bounded, now: number): boolean => {
  const end = item.until ?? item.validTo ?? null;
  return end === null || end.getTime() > now;
};

/**
 * Who takes part in a path at `now`, and the consent or legal basis that covers each data class
 * for them; withdrawn and expired coverage is left out.
 */
export function pathPartiesView(pathId: string, facts: PathAccessFacts | undefined, now: number) {
  return {
    pathId,
    parties: (facts?.parties ?? [])
      .filter((party) => isCurrent(party, now))
      .map((party) => ({
        orgId: party.orgId,
        relation: party.relation,
        since: party.since.toISOString(),
      })),
    coverage: (facts?.coverages ?? [])
      .filter((coverage) => isCurrent(coverage, now) && coverage.withdrawnAt === null)
      .map((coverage) => ({
        orgId: coverage.orgId,
        dataClasses: coverage.dataClasses,
        basis: coverage.basis,
        validFrom: coverage.validFrom.toISOString(),
        validTo: coverage.validTo?.toISOString() ?? null,
      })),
  };
}
