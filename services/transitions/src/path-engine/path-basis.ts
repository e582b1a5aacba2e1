import type { EventEnvelope } from '@polku/contracts';
import type { AccessBasis } from '@polku/path-access';

// Events a timer raises have no caller whose access could name their basis. They carry the
// basis of the path's first referral: the client's consent when it had one, else the law the
// referral was made under. Stored on the path row when ClientReferred creates the path.

export type BasisKind = AccessBasis['kind'];

export function basisOfReferral(envelope: EventEnvelope<unknown>): AccessBasis {
  if (envelope.consentRef !== undefined) {
    return { kind: 'CONSENT', consentId: envelope.consentRef };
  }
  // The envelope contract requires exactly one of the two.
  return { kind: 'LEGAL_BASIS', code: envelope.legalBasis ?? '' };
}

export function basisColumns(basis: AccessBasis): { kind: BasisKind; ref: string } {
  return basis.kind === 'CONSENT'
    ? { kind: 'CONSENT', ref: basis.consentId }
    : { kind: 'LEGAL_BASIS', ref: basis.code };
}

export function basisFromColumns(kind: BasisKind, ref: string): AccessBasis {
  return kind === 'CONSENT' ? { kind, consentId: ref } : { kind, code: ref };
}
