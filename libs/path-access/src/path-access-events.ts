import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LEGAL_BASES,
  type ActivationPlanAgreedPayload,
  type ActivationPlanRevisedPayload,
  type ClientReferredPayload,
  type ConsentGrantedPayload,
  type ConsentWithdrawnPayload,
  type EventEnvelope,
} from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { recordPlanParties } from './plan-parties';

type Envelope<T> = EventEnvelope<T>;
type Projector = (em: EntityManager, envelope: Envelope<unknown>) => Promise<void>;

async function onClientReferred(
  em: EntityManager,
  envelope: Envelope<ClientReferredPayload>,
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

function onReferralDecided(outcome: 'ACCEPTED' | 'DECLINED'): Projector {
  return async (em, envelope) => {
    const { referralId } = envelope.data as { referralId: string };
    await em.query(
      `INSERT INTO path_access_referral (referral_id, path_id, outcome, decided_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (referral_id) DO UPDATE SET
         outcome = EXCLUDED.outcome, decided_at = EXCLUDED.decided_at`,
      [referralId, envelope.pathId, outcome, envelope.occurredAt],
    );
  };
}

async function onConsentGranted(
  em: EntityManager,
  envelope: Envelope<ConsentGrantedPayload>,
): Promise<void> {
  const { consentId, orgIds, dataClasses, validFrom, validTo } = envelope.data;
  // validTo is the last day the consent covers: it ends at the start of the next day.
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

async function onConsentWithdrawn(
  em: EntityManager,
  envelope: Envelope<ConsentWithdrawnPayload>,
): Promise<void> {
  await em.query(
    `INSERT INTO path_access_consent (consent_id, path_id, withdrawn_at)
     VALUES ($1, $2, $3)
     ON CONFLICT (consent_id) DO UPDATE SET withdrawn_at = EXCLUDED.withdrawn_at`,
    [envelope.data.withdrawnConsentId, envelope.pathId, envelope.data.effectiveAt],
  );
}

async function onPlanAgreed(
  em: EntityManager,
  envelope: Envelope<ActivationPlanAgreedPayload>,
): Promise<void> {
  await recordPlanParties(em, {
    planId: envelope.data.planId,
    pathId: envelope.pathId,
    planVersion: envelope.data.planVersion,
    parties: envelope.data.parties,
    at: new Date(envelope.occurredAt),
  });
}

async function onPlanRevised(
  em: EntityManager,
  envelope: Envelope<ActivationPlanRevisedPayload>,
): Promise<void> {
  if (envelope.data.parties === undefined) {
    return; // the parties did not change
  }
  await recordPlanParties(em, {
    planId: envelope.data.planId,
    pathId: envelope.pathId,
    planVersion: envelope.data.planVersion,
    parties: envelope.data.parties,
    at: new Date(envelope.occurredAt),
  });
}

const PROJECTORS: readonly (readonly [
  { readonly subject: string; readonly type: string; readonly version: number },
  Projector,
])[] = [
  [CLIENT_REFERRED_V1, onClientReferred as Projector],
  [REFERRAL_ACCEPTED_V1, onReferralDecided('ACCEPTED')],
  [REFERRAL_DECLINED_V1, onReferralDecided('DECLINED')],
  [CONSENT_GRANTED_V1, onConsentGranted as Projector],
  [CONSENT_WITHDRAWN_V1, onConsentWithdrawn as Projector],
  [ACTIVATION_PLAN_AGREED_V1, onPlanAgreed as Projector],
  [ACTIVATION_PLAN_REVISED_V1, onPlanRevised as Projector],
];

/** Every event subject the access projection reads. */
export const PATH_ACCESS_EVENT_SUBJECTS: readonly string[] = PROJECTORS.map(
  ([contract]) => contract.subject,
);

/**
 * Applies one event to the access projection, in the consumer's transaction (so it is applied
 * exactly once, with its inbox row). Rows are upserted by source, so the result is the same in
 * whatever order events of different subjects arrive.
 */
export async function projectPathAccessEvent(
  em: EntityManager,
  envelope: EventEnvelope<unknown>,
): Promise<void> {
  const entry = PROJECTORS.find(
    ([contract]) => contract.type === envelope.type && contract.version === envelope.version,
  );
  if (entry === undefined) {
    throw new Error(
      `the path access projection does not read ${envelope.type} v${envelope.version}`,
    );
  }
  await entry[1](em, envelope);
}
