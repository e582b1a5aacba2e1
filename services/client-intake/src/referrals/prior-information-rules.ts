import {
  PRIOR_INFORMATION_DATA_CLASSES,
  type ConsentableDataClass,
  type ConsentInput,
  type PriorInformationInput,
} from '@polku/contracts';
import type { PathAccessFacts } from '@polku/path-access';

export type PriorInformationField = keyof typeof PRIOR_INFORMATION_DATA_CLASSES;

/** The data classes of the prior-information fields that were given. */
export function priorInformationClasses(
  priorInformation: PriorInformationInput | undefined,
): ConsentableDataClass[] {
  if (priorInformation === undefined) {
    return [];
  }
  return [
    ...new Set(
      (Object.keys(PRIOR_INFORMATION_DATA_CLASSES) as PriorInformationField[])
        .filter((field) => priorInformation[field] !== undefined)
        .map((field) => PRIOR_INFORMATION_DATA_CLASSES[field]),
    ),
  ];
}

/**
 * What is wrong with what a referral shares, as a validation message, or undefined: prior
 * information needs the client's consent for every data class it holds, and a consent given with
 * a referral must name the receiving organisation.
 */
export function referralSharingProblem(referral: {
  readonly toOrgId: string;
  readonly consent?: ConsentInput;
  readonly priorInformation?: PriorInformationInput;
}): string | undefined {
  const { consent } = referral;
  const packageClasses = priorInformationClasses(referral.priorInformation);
  if (packageClasses.length > 0 && !consent) {
    return 'priorInformation: sharing prior information needs the client’s consent (consent)';
  }
  const uncovered = packageClasses.filter((dataClass) => !consent?.dataClasses.includes(dataClass));
  if (uncovered.length > 0) {
    return `priorInformation: the consent does not cover ${uncovered.join(', ')}`;
  }
  if (consent && !consent.orgIds.includes(referral.toOrgId)) {
    return 'consent.orgIds: the consent must name the receiving organisation';
  }
  return undefined;
}

/**
 * The fields of a package a reader may see now, and the names of those withheld: each field
 * only as far as `mayRead` allows its data class. Fields the package lacks are neither.
 */
export function splitPriorInformation(
  content: Partial<Record<PriorInformationField, unknown>>,
  mayRead: (dataClass: ConsentableDataClass) => boolean,
): { shown: Record<string, unknown>; withheld: string[] } {
  const shown: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [field, dataClass] of Object.entries(PRIOR_INFORMATION_DATA_CLASSES)) {
    if (!(field in content)) {
      continue;
    }
    if (mayRead(dataClass)) {
      shown[field] = content[field as PriorInformationField];
    } else {
      withheld.push(field);
    }
  }
  return { shown, withheld };
}

/**
 * The path's facts with only the coverage of the consent a prior-information package was shared
 * on: the package is for the recipients the client named for it, not for whoever another consent
 * or a law lets see the same data class.
 */
export function coveredByPackageConsent(
  facts: PathAccessFacts,
  packageConsentId: string,
): PathAccessFacts {
  return {
    ...facts,
    coverages: facts.coverages.filter(
      (coverage) =>
        coverage.basis.kind === 'CONSENT' && coverage.basis.consentId === packageConsentId,
    ),
  };
}
