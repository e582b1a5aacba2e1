import {
  ACTIVATION_PLAN_AGREED_V1,
  ACTIVATION_PLAN_REVISED_V1,
  CLIENT_REFERRED_V1,
  CONSENT_GRANTED_V1,
  CONSENT_WITHDRAWN_V1,
  OWNERSHIP_TRANSFERRED_V1,
  REFERRAL_ACCEPTED_V1,
  REFERRAL_DECLINED_V1,
  REFERRAL_LEGAL_BASES,
  TRANSITION_ACCEPTED_V1,
  TRANSITION_DECLINED_V1,
  TRANSITION_PROPOSED_V1,
  type ActivationPlanAgreedPayload,
  type ActivationPlanRevisedPayload,
  type ClientReferredPayload,
  type ConsentGrantedPayload,
  type ConsentWithdrawnPayload,
  type EventEnvelope,
  type OwnershipTransferredPayload,
  type TransitionProposedPayload,
} from '@polku/contracts';
import type { EntityManager } from 'typeorm';
import { recordPlanParties } from './plan-parties';

type Envelope<T> = EventEnvelope<T>;
type Projector = (em: EntityManager, envelope: Envelope<unknown>) => Promise<void>;

/** A hand-off to an organisation, as access sees it: a proposed hand-off is a referral. */
interface HandoffSource {
  readonly handoffId: string;
  readonly fromOrgId: string;
  readonly toOrgId: string;
  /** A referral's sender processes the path under its own law; a transition's gains nothing. */
  readonly isReferral: boolean;
}

async function projectHandoff(
  em: EntityManager,
  envelope: Envelope<unknown>,
  handoff: HandoffSource,
): Promise<void> {
  const [basisKind, basisRef] =
    envelope.consentRef !== undefined
      ? ['CONSENT', envelope.consentRef]
      : ['LEGAL_BASIS', envelope.legalBasis ?? ''];
  // The referrer processes the path under the law of its own task; the receiver under the
  // basis the event names (the client's consent, or that law).
  const referrerBasis = handoff.isReferral
    ? (REFERRAL_LEGAL_BASES[envelope.emitter.orgRole] ?? envelope.legalBasis ?? 'own-task')
    : null;
  await em.query(
    `INSERT INTO path_access_referral (referral_id, path_id, from_org_id, to_org_id,
       referrer_basis, basis_kind, basis_ref, referred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (referral_id) DO UPDATE SET
       from_org_id = EXCLUDED.from_org_id, to_org_id = EXCLUDED.to_org_id,
       referrer_basis = EXCLUDED.referrer_basis, basis_kind = EXCLUDED.basis_kind,
       basis_ref = EXCLUDED.basis_ref, referred_at = EXCLUDED.referred_at`,
    [
      handoff.handoffId,
      envelope.pathId,
      handoff.fromOrgId,
      handoff.toOrgId,
      referrerBasis,
      basisKind,
      basisRef,
      envelope.occurredAt,
    ],
  );
}

const onClientReferred = (em: EntityManager, envelope: Envelope<ClientReferredPayload>) =>
  projectHandoff(em, envelope, {
    handoffId: envelope.data.referralId,
    fromOrgId: envelope.data.fromOrgId,
    toOrgId: envelope.data.toOrgId,
    isReferral: true,
  });

// The receiver of a proposed transition takes part like the receiver of a referral: pending
// until it answers, a plan party once it accepts, nothing more after a decline.
const onTransitionProposed = (em: EntityManager, envelope: Envelope<TransitionProposedPayload>) =>
  projectHandoff(em, envelope, {
    handoffId: envelope.data.transitionId,
    fromOrgId: envelope.emitter.orgId,
    toOrgId: envelope.data.receivingOrgId,
    isReferral: false,
  });

async function onOwnershipTransferred(
  em: EntityManager,
  envelope: Envelope<OwnershipTransferredPayload>,
): Promise<void> {
  await em.query(
    `INSERT INTO path_access_ownership (event_id, path_id, to_org_id, transferred_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT (event_id) DO NOTHING`,
    [envelope.id, envelope.pathId, envelope.data.toOrgId, envelope.occurredAt],
  );
}

function onHandoffDecided(outcome: 'ACCEPTED' | 'DECLINED'): Projector {
  return async (em, envelope) => {
    const data = envelope.data as { referralId?: string; transitionId?: string };
    const handoffId = data.referralId ?? data.transitionId;
    await em.query(
      `INSERT INTO path_access_referral (referral_id, path_id, outcome, decided_at)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (referral_id) DO UPDATE SET
         outcome = EXCLUDED.outcome, decided_at = EXCLUDED.decided_at`,
      [handoffId, envelope.pathId, outcome, envelope.occurredAt],
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
  [REFERRAL_ACCEPTED_V1, onHandoffDecided('ACCEPTED')],
  [REFERRAL_DECLINED_V1, onHandoffDecided('DECLINED')],
  [TRANSITION_PROPOSED_V1, onTransitionProposed as Projector],
  [TRANSITION_ACCEPTED_V1, onHandoffDecided('ACCEPTED')],
  [TRANSITION_DECLINED_V1, onHandoffDecided('DECLINED')],
  [OWNERSHIP_TRANSFERRED_V1, onOwnershipTransferred as Projector],
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
