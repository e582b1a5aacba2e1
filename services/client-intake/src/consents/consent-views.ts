import type { ConsentRow } from './consent.repository';

/** A grant or a withdrawal as the API lists it. */
export function consentRecordView(row: ConsentRow) {
  return {
    consentId: row.id,
    kind: row.withdraws_consent_id === null ? 'GRANT' : 'WITHDRAWAL',
    withdrawsConsentId: row.withdraws_consent_id,
    orgIds: row.org_ids,
    dataClasses: row.data_classes,
    purpose: row.purpose,
    howGiven: row.how_given,
    validFrom: row.valid_from.toISOString(),
    validTo: row.valid_to?.toISOString() ?? null,
    recordedByOrgId: row.recorded_by_org_id,
    recordedAt: row.recorded_at.toISOString(),
    onClientRequest: row.on_client_request,
    version: row.version,
  };
}
