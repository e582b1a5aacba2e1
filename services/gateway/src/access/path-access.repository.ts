import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  pathAccessFactsFrom,
  type ConsentAccessSource,
  type PathAccessFacts,
  type ReferralAccessSource,
} from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import { DataSource } from 'typeorm';

interface ReferralRow {
  from_org_id: string | null;
  to_org_id: string | null;
  referrer_basis: string | null;
  basis_kind: 'CONSENT' | 'LEGAL_BASIS' | null;
  basis_ref: string | null;
  referred_at: Date | null;
  outcome: 'ACCEPTED' | 'DECLINED' | null;
  decided_at: Date | null;
}

interface ConsentRow {
  consent_id: string;
  org_ids: string[] | null;
  data_classes: DataClass[] | null;
  valid_from: Date | null;
  valid_to: Date | null;
  withdrawn_at: Date | null;
}

/** Reads the access facts of one path from the gateway's projection. */
@Injectable()
export class PathAccessRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The facts of a path, or undefined when the gateway has never heard of it. */
  async factsFor(pathId: string): Promise<PathAccessFacts | undefined> {
    const [referrals, consents] = await Promise.all([
      this.dataSource.query<ReferralRow[]>(
        `SELECT from_org_id, to_org_id, referrer_basis, basis_kind, basis_ref, referred_at, outcome, decided_at
           FROM path_access_referral WHERE path_id = $1`,
        [pathId],
      ),
      this.dataSource.query<ConsentRow[]>(
        `SELECT consent_id, org_ids, data_classes, valid_from, valid_to, withdrawn_at
           FROM path_access_consent WHERE path_id = $1`,
        [pathId],
      ),
    ]);
    return pathAccessFactsFrom(
      pathId,
      referrals.map((row): ReferralAccessSource => ({
        fromOrgId: row.from_org_id,
        toOrgId: row.to_org_id,
        referrerBasis:
          row.referrer_basis === null ? null : { kind: 'LEGAL_BASIS', code: row.referrer_basis },
        receiverBasis:
          row.basis_kind === null || row.basis_ref === null
            ? null
            : row.basis_kind === 'CONSENT'
              ? { kind: 'CONSENT', consentId: row.basis_ref }
              : { kind: 'LEGAL_BASIS', code: row.basis_ref },
        referredAt: row.referred_at,
        outcome: row.outcome,
        decidedAt: row.decided_at,
      })),
      consents.map((row): ConsentAccessSource => ({
        consentId: row.consent_id,
        orgIds: row.org_ids,
        dataClasses: row.data_classes,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        withdrawnAt: row.withdrawn_at,
      })),
    );
  }
}
