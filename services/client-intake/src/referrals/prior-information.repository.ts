import type { ConsentableDataClass } from '@polku/contracts';
import type { EntityManager } from 'typeorm';

export interface PriorInformationPackageRow {
  id: string;
  consent_id: string;
  content_sealed: string;
}

export async function insertPriorInformationPackage(
  em: EntityManager,
  priorInformation: {
    readonly id: string;
    readonly referralId: string;
    readonly pathId: string;
    readonly consentId: string;
    readonly dataClasses: readonly ConsentableDataClass[];
    readonly contentSealed: string;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO prior_information_package (id, referral_id, path_id, consent_id,
       data_classes, content_sealed) VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      priorInformation.id,
      priorInformation.referralId,
      priorInformation.pathId,
      priorInformation.consentId,
      priorInformation.dataClasses,
      priorInformation.contentSealed,
    ],
  );
}

export async function priorInformationPackageOfReferral(
  em: EntityManager,
  referral: { readonly pathId: string; readonly referralId: string },
): Promise<PriorInformationPackageRow | undefined> {
  const [row] = await em.query<PriorInformationPackageRow[]>(
    `SELECT id, consent_id, content_sealed FROM prior_information_package
      WHERE referral_id = $1 AND path_id = $2`,
    [referral.referralId, referral.pathId],
  );
  return row;
}
