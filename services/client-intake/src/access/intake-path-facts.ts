import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Principal } from '@polku/auth';
import type { DataClass } from '@polku/contracts';
import {
  assertPathAccess,
  pathAccessFactsFrom,
  type PathAccessFacts,
  type PathAccessGrant,
  type ReferralAccessSource,
} from '@polku/path-access';
import { transitionSourcesOf } from './transition-sources';
import { DataSource, type EntityManager } from 'typeorm';

interface ReferralRow {
  from_org_id: string;
  to_org_id: string;
  legal_basis: string;
  consent_id: string | null;
  created_at: Date;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED';
  decided_at: Date | null;
  /** The referral is of a held path the owner linked to this one. */
  linked: boolean;
}

interface ConsentRow {
  id: string;
  org_ids: string[];
  data_classes: DataClass[];
  valid_from: Date;
  valid_to: Date | null;
  withdrawn_at: Date | null;
}

/** The path and the held paths its owner linked to it (docs/auth.md, "Consent and referral rules"). */
const PATH_AND_LINKED = `(SELECT $1::uuid UNION SELECT held_path_id FROM referral_link WHERE path_id = $1)`;

/**
 * client-intake's own access facts about a path, by the same derivation as the gateway's
 * projection (pathAccessFactsFrom): its own referrals and consent records (with those of the
 * referrals the owner linked to the path), and what transitions, activation-plans and
 * network-meetings said about hand-offs, ownership, plan parties and meeting participants (the
 * access projection it keeps of their events). The
 * service checks every client-level command and query against them, whatever the gateway decided.
 */
@Injectable()
export class IntakePathFacts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async factsFor(pathId: string, em?: EntityManager): Promise<PathAccessFacts | undefined> {
    const runner = em ?? this.dataSource;
    // One after another: in a transaction both share one connection, and pg does not queue
    // concurrent queries on a client (it warns now and will refuse in pg 9).
    const referrals = await runner.query<ReferralRow[]>(
      `SELECT from_org_id, to_org_id, legal_basis, consent_id, created_at, status, decided_at,
              path_id <> $1::uuid AS linked
         FROM referral WHERE path_id IN ${PATH_AND_LINKED}`,
      [pathId],
    );
    // A consent's withdrawal is the valid_from of the record that withdraws it.
    const consents = await runner.query<ConsentRow[]>(
      `SELECT c.id, c.org_ids, c.data_classes, c.valid_from, c.valid_to,
              (SELECT min(w.valid_from) FROM consent_record w
                WHERE w.withdraws_consent_id = c.id) AS withdrawn_at
         FROM consent_record c
        WHERE c.path_id IN ${PATH_AND_LINKED} AND c.withdraws_consent_id IS NULL`,
      [pathId],
    );
    const transitions = await transitionSourcesOf(runner, pathId);
    return pathAccessFactsFrom(
      pathId,
      [
        ...referrals.map((row): ReferralAccessSource => ({
          fromOrgId: row.from_org_id,
          toOrgId: row.to_org_id,
          referrerBasis: { kind: 'LEGAL_BASIS', code: row.legal_basis },
          isReferral: true,
          receiverBasis:
            row.consent_id === null
              ? { kind: 'LEGAL_BASIS', code: row.legal_basis }
              : { kind: 'CONSENT', consentId: row.consent_id },
          referredAt: row.created_at,
          outcome: row.status === 'PENDING' ? null : row.status,
          decidedAt: row.decided_at,
          linkedFromHeldPath: row.linked,
        })),
        ...transitions.handoffs,
      ],
      consents.map((row) => ({
        consentId: row.id,
        orgIds: row.org_ids,
        dataClasses: row.data_classes,
        validFrom: row.valid_from,
        validTo: row.valid_to,
        withdrawnAt: row.withdrawn_at,
      })),
      transitions.planParties,
      transitions.ownershipTransfers,
      transitions.meetingParticipants,
    );
  }

  /**
   * The path-access check (assertPathAccess) on these facts: throws PathNotVisibleError (404)
   * unless the principal may see `dataClass` of the path; answers the facts and the basis that
   * allowed it (what an event on the path records).
   */
  async assertAccess(
    principal: Principal,
    pathId: string,
    dataClass: DataClass,
    em?: EntityManager,
  ): Promise<PathAccessGrant> {
    return assertPathAccess(await this.factsFor(pathId, em), { principal, dataClass });
  }
}
