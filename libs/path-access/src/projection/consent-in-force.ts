import type { ConsentPurpose } from '@polku/contracts';
import type { DataSource, EntityManager } from 'typeorm';

/** Which consent to look for: of which path, naming which organisation, for what, and when. */
export interface ConsentInForceQuery {
  readonly pathId: string;
  readonly consentId: string;
  /** The organisation the consent must name. */
  readonly orgId: string;
  /** The purpose the consent must have (ConsentGranted.purpose). */
  readonly purpose: ConsentPurpose;
  /** The instant it must be in force at: from its first day, before its end and any withdrawal. */
  readonly at: Date;
}

/** A consent found in force: its id and the data classes it covers. */
export interface ConsentInForce {
  readonly consentId: string;
  readonly dataClasses: readonly string[];
}

/**
 * The consent `consentId` when it is one of the path's (or of a held path linked to it), names
 * `orgId`, has `purpose` and is in force at `at`; undefined otherwise — a consent of another
 * path, not naming the organisation, for another purpose, withdrawn or expired by then, or not
 * yet projected. Pass the transaction's EntityManager to decide on what it reads.
 */
export async function findConsentInForce(
  runner: DataSource | EntityManager,
  query: ConsentInForceQuery,
): Promise<ConsentInForce | undefined> {
  const [row] = await runner.query<{ consent_id: string; data_classes: string[] | null }[]>(
    `SELECT consent_id, data_classes FROM path_access_consent
      WHERE consent_id = $1
        AND path_id IN (SELECT $2::uuid UNION
                        SELECT held_path_id FROM path_access_link WHERE path_id = $2)
        AND $3::uuid = ANY (org_ids)
        AND $4::text = ANY (purposes)
        AND valid_from <= $5::timestamptz
        AND (valid_to IS NULL OR $5::timestamptz < valid_to)
        AND (withdrawn_at IS NULL OR $5::timestamptz < withdrawn_at)`,
    [query.consentId, query.pathId, query.orgId, query.purpose, query.at],
  );
  return row === undefined
    ? undefined
    : { consentId: row.consent_id, dataClasses: row.data_classes ?? [] };
}
