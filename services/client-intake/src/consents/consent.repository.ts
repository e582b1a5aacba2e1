import type { ConsentInput, CursorPosition } from '@polku/contracts';
import { keysetAfter, keysetTimestampSql } from '@polku/persistence';
import type { EntityManager } from 'typeorm';

export interface ConsentRow {
  id: string;
  org_ids: string[];
  data_classes: string[];
  purpose: string;
  how_given: string;
  valid_from: Date;
  valid_to: Date | null;
  withdraws_consent_id: string | null;
  recorded_by_org_id: string;
  recorded_at: Date;
  on_client_request: boolean;
  /** See consentVersionOf: 1 for a grant in force and for any withdrawal, 2 once withdrawn. */
  version: number;
}

/** What a grant and a withdrawal both record: whose consent, on which path, and who wrote it. */
interface ConsentRecordBase {
  readonly id: string;
  readonly clientId: string;
  readonly pathId: string;
  readonly validFrom: Date;
  readonly recordedByUser: string;
  readonly recordedByOrgId: string;
}

/** A grant; `validTo` is its last day, so it ends at the start of the next. */
export async function insertConsentGrant(
  em: EntityManager,
  grant: ConsentRecordBase & { readonly consent: ConsentInput },
): Promise<void> {
  await em.query(
    `INSERT INTO consent_record (id, client_id, path_id, org_ids, data_classes, purpose,
       how_given, valid_from, valid_to, recorded_by_user, recorded_by_org_id, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, ($9::date + 1)::timestamptz, $10, $11, $12)`,
    [
      grant.id,
      grant.clientId,
      grant.pathId,
      grant.consent.orgIds,
      grant.consent.dataClasses,
      grant.consent.purpose,
      grant.consent.howGiven,
      grant.validFrom,
      grant.consent.validTo ?? null,
      grant.recordedByUser,
      grant.recordedByOrgId,
      // The process's clock, like valid_from, not PostgreSQL's (the demo's clock is simulated).
      new Date(),
    ],
  );
}

/** A withdrawal: a new record repeating the grant it withdraws, effective from validFrom. */
export async function insertConsentWithdrawal(
  em: EntityManager,
  withdrawal: ConsentRecordBase & {
    readonly withdrawn: ConsentRow;
    /** The client asked for it (another organisation than the recording one withdraws). */
    readonly onClientRequest: boolean;
  },
): Promise<void> {
  await em.query(
    `INSERT INTO consent_record (id, client_id, path_id, org_ids, data_classes, purpose,
       how_given, valid_from, withdraws_consent_id, recorded_by_user, recorded_by_org_id,
       on_client_request, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      withdrawal.id,
      withdrawal.clientId,
      withdrawal.pathId,
      withdrawal.withdrawn.org_ids,
      withdrawal.withdrawn.data_classes,
      withdrawal.withdrawn.purpose,
      withdrawal.withdrawn.how_given,
      withdrawal.validFrom,
      withdrawal.withdrawn.id,
      withdrawal.recordedByUser,
      withdrawal.recordedByOrgId,
      withdrawal.onClientRequest,
      new Date(),
    ],
  );
}

/**
 * A consent's version, for If-Match: records are immutable (a legal record), so the version is
 * not a column but counts the grant and its withdrawal. A grant in force is at 1 and a withdrawn
 * one at 2; a withdrawal record never changes, so it stays at 1. `c` is the consent_record row.
 */
const CONSENT_VERSION = `(1 + (SELECT count(*) FROM consent_record w
  WHERE w.withdraws_consent_id = c.id))::int AS version`;

/**
 * A grant of the path with its version, locked so two withdrawals of it cannot both be recorded
 * and so the version compared under the lock is the one the withdrawal changes.
 */
export async function consentGrantOfPathForUpdate(
  em: EntityManager,
  grant: { readonly pathId: string; readonly consentId: string },
): Promise<ConsentRow | undefined> {
  const [consent] = await em.query<ConsentRow[]>(
    `SELECT id, org_ids, data_classes, purpose, how_given, recorded_by_org_id, ${CONSENT_VERSION}
       FROM consent_record c
      WHERE id = $1 AND path_id = $2 AND withdraws_consent_id IS NULL FOR UPDATE`,
    [grant.consentId, grant.pathId],
  );
  return consent;
}

export async function isConsentWithdrawn(em: EntityManager, consentId: string): Promise<boolean> {
  const [already] = await em.query<unknown[]>(
    'SELECT 1 FROM consent_record WHERE withdraws_consent_id = $1',
    [consentId],
  );
  return already !== undefined;
}

/** The ordering of a path's consent records, oldest first; a cursor of another list is refused. */
export const CONSENT_RECORDS_SORT = 'consent-records-oldest-first';

/**
 * One page of the path's grants and withdrawals, oldest first by (recorded_at, id): limit + 1
 * rows, with the sort key each row's cursor carries.
 */
export async function consentRecordPageOfPath(
  em: EntityManager,
  query: { readonly pathId: string; readonly limit: number; readonly after?: CursorPosition },
): Promise<(ConsentRow & { sort_key: string })[]> {
  const after = keysetAfter(query.after, { keys: ['timestamp'], id: 'uuid' });
  return em.query<(ConsentRow & { sort_key: string })[]>(
    `SELECT id, org_ids, data_classes, purpose, how_given, valid_from, valid_to,
            withdraws_consent_id, recorded_by_org_id, recorded_at, on_client_request,
            ${keysetTimestampSql('recorded_at')} AS sort_key, ${CONSENT_VERSION}
       FROM consent_record c
      WHERE path_id = $1 AND ($2::timestamptz IS NULL OR (recorded_at, id) > ($2, $3::uuid))
      ORDER BY recorded_at, id LIMIT $4`,
    [query.pathId, after?.keyParts[0] ?? null, after?.id ?? null, query.limit + 1],
  );
}
