import { Injectable } from '@nestjs/common';
import {
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LEGAL_BASES,
  type ClientReferredPayload,
  type ConsentGrantedPayload,
  type ConsentWithdrawnPayload,
  type EventEnvelope,
  type ReferralAcceptedPayload,
  type ReferralDeclinedPayload,
} from '@polku/contracts';
import type { EventSubscription } from '@polku/messaging';
import type { EntityManager } from 'typeorm';

type Envelope<T> = EventEnvelope<T>;

/**
 * Projects the sources of path access: one row per referral and one per consent, upserted by
 * whichever of their events arrives (events of different subjects may arrive in any order).
 * PathAccessRepository derives parties and coverage from them. Runs in the consumer's
 * transaction, so each event is applied exactly once with its inbox row.
 */
@Injectable()
export class PathAccessProjection {
  subscriptions(): EventSubscription[] {
    return [
      {
        subject: CLIENT_REFERRED_V1.subject,
        handle: (envelope, em) =>
          this.onClientReferred(envelope as Envelope<ClientReferredPayload>, em),
      },
      {
        subject: REFERRAL_ACCEPTED_V1.subject,
        handle: (envelope, em) =>
          this.onReferralDecided(envelope as Envelope<ReferralAcceptedPayload>, em, 'ACCEPTED'),
      },
      {
        subject: REFERRAL_DECLINED_V1.subject,
        handle: (envelope, em) =>
          this.onReferralDecided(envelope as Envelope<ReferralDeclinedPayload>, em, 'DECLINED'),
      },
      {
        subject: CONSENT_GRANTED_V1.subject,
        handle: (envelope, em) =>
          this.onConsentGranted(envelope as Envelope<ConsentGrantedPayload>, em),
      },
      {
        subject: CONSENT_WITHDRAWN_V1.subject,
        handle: (envelope, em) =>
          this.onConsentWithdrawn(envelope as Envelope<ConsentWithdrawnPayload>, em),
      },
    ];
  }

  private async onClientReferred(
    envelope: Envelope<ClientReferredPayload>,
    em: EntityManager,
  ): Promise<void> {
    const [basisKind, basisRef] =
      envelope.consentRef !== undefined
        ? ['CONSENT', envelope.consentRef]
        : ['LEGAL_BASIS', envelope.legalBasis ?? ''];
    // The referrer processes the path under the law of its own task; the receiver under the
    // basis the event names (the client's consent, or that law).
    const referrerBasis =
      REFERRAL_LEGAL_BASES[envelope.emitter.orgRole] ?? envelope.legalBasis ?? 'own-task';
    await em.query(
      `INSERT INTO path_access_referral (referral_id, path_id, from_org_id, to_org_id,
         referrer_basis, basis_kind, basis_ref, referred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (referral_id) DO UPDATE SET
         from_org_id = EXCLUDED.from_org_id, to_org_id = EXCLUDED.to_org_id,
         referrer_basis = EXCLUDED.referrer_basis, basis_kind = EXCLUDED.basis_kind,
         basis_ref = EXCLUDED.basis_ref, referred_at = EXCLUDED.referred_at`,
      [
        envelope.data.referralId,
        envelope.pathId,
        envelope.data.fromOrgId,
        envelope.data.toOrgId,
        referrerBasis,
        basisKind,
        basisRef,
        envelope.occurredAt,
      ],
    );
  }

  private async onReferralDecided(
    envelope: Envelope<{ referralId: string }>,
    em: EntityManager,
    outcome: 'ACCEPTED' | 'DECLINED',
  ): Promise<void> {
    await em.query(
      `INSERT INTO path_access_referral (referral_id, path_id, outcome, decided_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (referral_id) DO UPDATE SET
         outcome = EXCLUDED.outcome, decided_at = EXCLUDED.decided_at`,
      [envelope.data.referralId, envelope.pathId, outcome, envelope.occurredAt],
    );
  }

  private async onConsentGranted(
    envelope: Envelope<ConsentGrantedPayload>,
    em: EntityManager,
  ): Promise<void> {
    const { consentId, orgIds, dataClasses, validFrom, validTo } = envelope.data;
    await em.query(
      `INSERT INTO path_access_consent
         (consent_id, path_id, org_ids, data_classes, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5::date, ($6::date + 1)::timestamptz)
       ON CONFLICT (consent_id) DO UPDATE SET
         org_ids = EXCLUDED.org_ids, data_classes = EXCLUDED.data_classes,
         valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to`,
      [consentId, envelope.pathId, orgIds, dataClasses, validFrom, validTo ?? null],
    );
  }

  private async onConsentWithdrawn(
    envelope: Envelope<ConsentWithdrawnPayload>,
    em: EntityManager,
  ): Promise<void> {
    await em.query(
      `INSERT INTO path_access_consent (consent_id, path_id, withdrawn_at)
       VALUES ($1, $2, $3)
       ON CONFLICT (consent_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
      [envelope.data.withdrawnConsentId, envelope.pathId, envelope.data.effectiveAt],
    );
  }
}
